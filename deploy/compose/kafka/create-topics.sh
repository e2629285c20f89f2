#!/usr/bin/env bash
# Creates slawatch's Kafka topics and checks them; run once by the kafka-init service of
# docker-compose.yml (apache/kafka image) after the broker is healthy. Safe to re-run: existing topics
# are kept, but one whose partition count or cleanup policy differs from the list below fails the run
# (kafka-topics.sh --if-not-exists alone would accept it silently).
#
# Environment: BOOTSTRAP_SERVER (default kafka:9092), KAFKA_BIN (default /opt/kafka/bin).
set -euo pipefail

bootstrap=${BOOTSTRAP_SERVER:-kafka:9092}
topics_cmd=${KAFKA_BIN:-/opt/kafka/bin}/kafka-topics.sh

# name partitions cleanup.policy (single broker: replication factor 1)
topics=(
  "ticket.events.v1 6 delete"
  "sla.alerts.v1 3 delete"
  "ticket.inbound.v1 6 delete"
  "ticket.inbound.dlq.v1 3 delete"
  "sla.alerts.dlq.v1 3 delete"
  "ticket.events.dlq.v1 3 delete"
  "customer.events.v1 3 compact"
)

for spec in "${topics[@]}"; do
  read -r name partitions policy <<<"$spec"
  echo "create-topics: ${name} (${partitions} partitions, cleanup.policy=${policy})"
  "$topics_cmd" --bootstrap-server "$bootstrap" --create --if-not-exists --topic "$name" \
    --partitions "$partitions" --replication-factor 1 --config "cleanup.policy=${policy}"
done

# One describe for all topics; its summary lines read
# "Topic: <name><TAB>TopicId: ...<TAB>PartitionCount: <n><TAB>ReplicationFactor: 1<TAB>Configs: k=v,...".
# cleanup.policy from the Configs field of a summary line ("k=v,k=v", where the policy itself may be
# "compact,delete"). Only non-default configs are listed; absent means the broker default, delete.
cleanup_policy() {
  local configs=${1##*Configs: } policy="" part
  local -a parts
  configs=${configs%%$'\t'*}
  if [[ ",${configs}" == *",cleanup.policy="* ]]; then
    IFS=, read -ra parts <<<"${configs#*cleanup.policy=}"
    for part in "${parts[@]}"; do
      [[ "$part" == *=* ]] && break
      policy+=${policy:+,}${part}
    done
  fi
  echo "${policy:-delete}"
}

description=$("$topics_cmd" --bootstrap-server "$bootstrap" --describe)
failed=0
for spec in "${topics[@]}"; do
  read -r name partitions policy <<<"$spec"
  summary=$(grep -E "^Topic: ${name//./\\.}[[:space:]]" <<<"$description" | grep 'PartitionCount:' || true)
  actual_partitions=$(sed -nE 's/.*PartitionCount: *([0-9]+).*/\1/p' <<<"$summary")
  actual_policy=$(cleanup_policy "$summary")
  if [[ -z "$summary" ]]; then
    echo "create-topics: ${name} is missing after creation" >&2
    failed=1
  elif [[ "$actual_partitions" != "$partitions" || "$actual_policy" != "$policy" ]]; then
    echo "create-topics: ${name} has ${actual_partitions} partitions and cleanup.policy=${actual_policy}," \
      "expected ${partitions} and ${policy}; delete it (or the kafka-data volume) to recreate it" >&2
    failed=1
  else
    echo "create-topics: ${name} ok"
  fi
done
exit "$failed"
