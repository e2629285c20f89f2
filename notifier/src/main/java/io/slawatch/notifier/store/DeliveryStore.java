package io.slawatch.notifier.store;

import io.slawatch.core.alert.SlaAlert;
import io.slawatch.notifier.delivery.Outcome;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code delivery} table: one row per alert, target, level and round once handled, the record
 * that keeps a target from being notified twice (also after a restart).
 */
@ApplicationScoped
public class DeliveryStore {
  /** The keys ({@link Outcome#key()}) of the deliveries already recorded for these alerts. */
  public Uni<Set<String>> recorded(Transaction tx, Collection<String> alertIds) {
    // a target skipped before is decided again (a step waiting for an on-call window runs again)
    return tx.connection()
        .preparedQuery(
            "select alert_id, target, level, round from delivery where alert_id = any($1)"
                + " and status <> 'skipped'")
        .execute(Tuple.of(alertIds.toArray(String[]::new)))
        .map(
            rows -> {
              Set<String> keys = new HashSet<>();
              for (Row row : rows) {
                keys.add(
                    Outcome.key(
                        row.getString(0), row.getString(1), row.getInteger(2), row.getInteger(3)));
              }
              return keys;
            });
  }

  /**
   * The targets earlier (not closing) alerts of these clocks were delivered to, by clock id ({@code
   * ticket/clock/cycle}): who hears how each clock ended.
   */
  public Uni<Map<String, Set<String>>> notifiedTargets(
      Transaction tx, Collection<SlaAlert> closing) {
    if (closing.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    return tx.connection()
        .preparedQuery(
            "select distinct e.ticket_id, e.clock, e.cycle, d.target from escalation e"
                + " join unnest($1::text[], $2::text[], $3::int[]) as k(t, c, y)"
                + " on e.ticket_id = k.t and e.clock = k.c and e.cycle = k.y"
                + " join delivery d on d.alert_id = e.alert_id"
                + " where d.status = 'delivered'"
                + " and e.alert_id not like '%/sla.met' and e.alert_id not like '%/sla.ended'")
        .execute(
            Tuple.of(
                closing.stream().map(a -> a.ticket().value()).toArray(String[]::new),
                closing.stream().map(a -> a.clock().wireName()).toArray(String[]::new),
                closing.stream().map(SlaAlert::cycle).toArray(Integer[]::new)))
        .map(
            rows -> {
              Map<String, Set<String>> byClock = new HashMap<>();
              for (Row row : rows) {
                byClock
                    .computeIfAbsent(
                        row.getString(0) + "/" + row.getString(1) + "/" + row.getInteger(2),
                        k -> new HashSet<>())
                    .add(row.getString(3));
              }
              return byClock;
            });
  }

  /**
   * Records outcomes in one statement; an outcome replaces only a skip recorded before (a step that
   * waited for an on-call window and ran again).
   */
  public Uni<Void> record(Transaction tx, List<Outcome> outcomes) {
    if (outcomes.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    int n = outcomes.size();
    String[] ids = new String[n];
    String[] targets = new String[n];
    String[] channels = new String[n];
    Integer[] levels = new Integer[n];
    Integer[] rounds = new Integer[n];
    String[] statuses = new String[n];
    Integer[] attempts = new Integer[n];
    String[] details = new String[n];
    OffsetDateTime[] at = new OffsetDateTime[n];
    for (int i = 0; i < n; i++) {
      Outcome o = outcomes.get(i);
      ids[i] = o.alertId();
      targets[i] = o.target();
      channels[i] = o.channel();
      levels[i] = o.level();
      rounds[i] = o.round();
      statuses[i] = o.status();
      attempts[i] = o.attempts();
      details[i] = o.detail();
      at[i] = OffsetDateTime.ofInstant(o.at(), ZoneOffset.UTC);
    }
    return tx.connection()
        .preparedQuery(
            "insert into delivery (alert_id, target, channel, level, round, status, attempts,"
                + " detail, handled_at) select * from unnest($1::text[], $2::text[], $3::text[],"
                + " $4::int[], $5::int[], $6::text[], $7::int[], $8::text[], $9::timestamptz[])"
                + " on conflict (alert_id, target, level, round) do update set status ="
                + " excluded.status, attempts = excluded.attempts, detail = excluded.detail,"
                + " handled_at = excluded.handled_at where delivery.status = 'skipped'")
        .execute(
            Tuple.from(
                new Object[] {
                  ids, targets, channels, levels, rounds, statuses, attempts, details, at
                }))
        .replaceWithVoid();
  }
}
