#!/usr/bin/env bash
# Validates docker-compose.yml and the services' Dockerfiles offline: no Docker engine needed, only
# Node.js >= 20.19 with npm and the npm registry (or a warm npm cache). Exits non-zero on any problem.
#
#   deploy/validate-compose.sh
#
# 1. dclint (npm "dclint", pinned): YAML, the Compose Specification JSON schema that dclint ships, and
#    all of dclint's rules at their default levels, with --max-warnings 0 so that warnings fail too.
#    No rule is disabled, and no .dclintrc is read (an explicit empty config is passed).
# 2. deploy/compose/check-compose-refs.cjs: what the schema cannot see, i.e. depends_on targets,
#    named volumes, bind-mount sources and build Dockerfiles exist; relative paths only.
# 3. dockerfile-utils (npm, pinned; the Dockerfile linter of the VS Code Docker extension) on each
#    Dockerfile that docker-compose.yml builds: it must parse with no error and no warning.
set -euo pipefail

DCLINT_VERSION=3.1.0
DOCKERFILE_UTILS_VERSION=0.16.3

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
compose=docker-compose.yml

need_node() {
  if ! command -v node >/dev/null || ! command -v npx >/dev/null; then
    echo "validate-compose: node and npx are needed (Node.js >= 20.19)" >&2
    exit 2
  fi
  # shellcheck disable=SC2016 # JavaScript, not shell
  node -e '
    const [maj, min] = process.versions.node.split(".").map(Number);
    if (maj < 20 || (maj === 20 && min < 19)) {
      console.error(`validate-compose: Node.js >= 20.19 needed by dclint, found ${process.versions.node}`);
      process.exit(2);
    }'
}

# npx --yes, with npm's own chatter on stderr (config warnings, install notices) shown only on failure.
run_npx() {
  local rc=0
  npx --yes "$@" 2>"$work/npx.log" || rc=$?
  if [[ $rc -ne 0 ]]; then cat "$work/npx.log" >&2; fi
  return "$rc"
}

# node deploy/compose/check-compose-refs.cjs ARGS..., with the "yaml" package that dclint depends on
# (found next to the dclint that npx installed), so that nothing else is installed.
check_refs() {
  local args
  args=$(printf ' %q' "$@")
  # shellcheck disable=SC2016 # $(...) is expanded by the shell that npx starts
  run_npx --package "dclint@${DCLINT_VERSION}" -c \
    'NODE_PATH="$(dirname "$(dirname "$(command -v dclint)")")" node deploy/compose/check-compose-refs.cjs'"$args"
}

need_node
[[ -f "$compose" ]] || { echo "validate-compose: $root/$compose not found" >&2; exit 1; }
[[ -t 1 ]] || export NO_COLOR=1 # plain text in logs (dclint colours whenever CI is set)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0

echo "== 1/3 dclint@${DCLINT_VERSION}: YAML, Compose Specification schema, all rules (max 0 warnings): ${compose}"
echo '{"rules": {}}' >"$work/dclint.json"
if run_npx "dclint@${DCLINT_VERSION}" --config "$work/dclint.json" --max-warnings 0 "$compose"; then
  echo "dclint: no errors, no warnings"
else
  echo "dclint: FAILED" >&2
  failed=1
fi

echo "== 2/3 references: services, volumes, bind mounts, build Dockerfiles in ${compose}"
check_refs "$compose" || failed=1

echo "== 3/3 dockerfile-utils@${DOCKERFILE_UTILS_VERSION} lint: the Dockerfiles that ${compose} builds"
mapfile -t dockerfiles < <(check_refs --list-dockerfiles "$compose")
if [[ ${#dockerfiles[@]} -eq 0 ]]; then
  echo "dockerfile-utils: no build found in ${compose}" >&2
  failed=1
fi
for dockerfile in "${dockerfiles[@]}"; do
  if [[ ! -f "$dockerfile" ]]; then
    echo "  FAIL ${dockerfile}: missing" >&2
    failed=1
    continue
  fi
  # Clean means exit 0 and nothing printed; warnings are printed with exit 0, so they count too.
  if out=$(run_npx "dockerfile-utils@${DOCKERFILE_UTILS_VERSION}" lint "$dockerfile") && [[ -z "$out" ]]; then
    echo "  ok   ${dockerfile}"
  else
    echo "  FAIL ${dockerfile}:" >&2
    echo "$out" >&2
    failed=1
  fi
done

if [[ $failed -eq 0 ]]; then
  echo "validate-compose: OK"
else
  echo "validate-compose: FAILED" >&2
fi
exit "$failed"
