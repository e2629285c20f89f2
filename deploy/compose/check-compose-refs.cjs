// Checks what the Compose schema cannot: that the names and paths a compose file refers to exist.
// Without a Docker engine nothing else notices, and Docker itself is silent about one of them: a bind
// mount whose source is missing becomes an empty directory (an empty /docker-entrypoint-initdb.d, say).
//
//   node check-compose-refs.cjs <compose-file>                     (needs npm "yaml" on NODE_PATH)
//   node check-compose-refs.cjs --list-dockerfiles <compose-file>  (prints the Dockerfiles it builds)
//
// Prints one line per check and exits 1 if any failed. YAML merge keys (<<) are resolved first.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

const listDockerfiles = process.argv[2] === '--list-dockerfiles';
const file = process.argv[listDockerfiles ? 3 : 2];
const dir = path.dirname(path.resolve(file));
const doc = YAML.parse(fs.readFileSync(file, 'utf8'), { merge: true });
const services = doc.services || {};

// Build paths as given, relative to the compose file's directory.
function dockerfileOf(svc) {
  const context = typeof svc.build === 'string' ? svc.build : svc.build.context || '.';
  return path.join(context, (typeof svc.build === 'object' && svc.build.dockerfile) || 'Dockerfile');
}

if (listDockerfiles) {
  for (const svc of Object.values(services)) {
    if (svc.build) console.log(path.relative(process.cwd(), path.resolve(dir, dockerfileOf(svc))));
  }
  process.exit(0);
}
const declaredVolumes = new Set(Object.keys(doc.volumes || {}));
let failures = 0;

function check(ok, what) {
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures += 1;
}

// Bind mounts and build paths are relative to the compose file; an absolute one ties it to one host.
function localPath(p) {
  return !path.isAbsolute(p) && fs.existsSync(path.resolve(dir, p));
}

for (const [name, svc] of Object.entries(services)) {
  for (const [dep, cond] of Object.entries(normaliseDependsOn(svc.depends_on))) {
    const target = services[dep];
    check(target !== undefined, `${name}: depends_on ${dep} is a service`);
    if (target && cond === 'service_healthy') {
      check(target.healthcheck !== undefined, `${name}: ${dep} (service_healthy) has a healthcheck`);
    }
    if (target && cond === 'service_completed_successfully') {
      check(target.restart === undefined || target.restart === 'no',
        `${name}: ${dep} (service_completed_successfully) is a one-shot (restart "no")`);
    }
  }
  for (const volume of svc.volumes || []) {
    const source = typeof volume === 'string' ? volume.split(':')[0] : volume.source;
    if (/^[./~]/.test(source)) {
      check(localPath(source), `${name}: bind-mount source ${source} exists (relative path)`);
    } else {
      check(declaredVolumes.has(source), `${name}: named volume ${source} is declared`);
    }
  }
  if (svc.build) {
    const dockerfile = dockerfileOf(svc);
    check(localPath(dockerfile), `${name}: build ${dockerfile} exists (relative path)`);
  }
  check(svc.restart !== undefined, `${name}: has a restart policy (${svc.restart})`);
}

console.log(failures === 0 ? 'references: all ok' : `references: ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);

function normaliseDependsOn(dependsOn) {
  if (!dependsOn) return {};
  if (Array.isArray(dependsOn)) return Object.fromEntries(dependsOn.map((d) => [d, 'service_started']));
  return Object.fromEntries(Object.entries(dependsOn).map(([d, v]) => [d, v.condition]));
}
