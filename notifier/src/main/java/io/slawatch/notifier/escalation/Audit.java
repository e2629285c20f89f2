package io.slawatch.notifier.escalation;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The audit log: one row per delivery outcome and per escalation change. */
final class Audit {
  private Audit() {}

  /** An audit entry; {@code target}, {@code channel}, levels and attempts may be null. */
  record Entry(
      String alertId,
      Instant at,
      String event,
      String target,
      String channel,
      Integer level,
      Integer round,
      Integer attempts,
      String detail) {
    static Entry of(String alertId, Instant at, String event, String detail) {
      return new Entry(alertId, at, event, null, null, null, null, null, detail);
    }
  }

  static Uni<Void> write(SqlClient client, Entry entry) {
    return client
        .preparedQuery(
            "insert into audit (alert_id, at, event, target, channel, level, round, attempts,"
                + " detail) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
        .execute(
            Tuple.from(
                new Object[] {
                  entry.alertId(),
                  OffsetDateTime.ofInstant(entry.at(), ZoneOffset.UTC),
                  entry.event(),
                  entry.target(),
                  entry.channel(),
                  entry.level(),
                  entry.round(),
                  entry.attempts(),
                  entry.detail()
                }))
        .replaceWithVoid();
  }

  /** Several entries in one statement. */
  static Uni<Void> writeAll(SqlClient client, java.util.List<Entry> entries) {
    if (entries.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    int n = entries.size();
    String[] ids = new String[n];
    OffsetDateTime[] at = new OffsetDateTime[n];
    String[] events = new String[n];
    String[] targets = new String[n];
    String[] channels = new String[n];
    Integer[] levels = new Integer[n];
    Integer[] rounds = new Integer[n];
    Integer[] attempts = new Integer[n];
    String[] details = new String[n];
    for (int i = 0; i < n; i++) {
      Entry e = entries.get(i);
      ids[i] = e.alertId();
      at[i] = OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC);
      events[i] = e.event();
      targets[i] = e.target();
      channels[i] = e.channel();
      levels[i] = e.level();
      rounds[i] = e.round();
      attempts[i] = e.attempts();
      details[i] = e.detail();
    }
    return client
        .preparedQuery(
            "insert into audit (alert_id, at, event, target, channel, level, round, attempts,"
                + " detail) select * from unnest($1::text[], $2::timestamptz[], $3::text[],"
                + " $4::text[], $5::text[], $6::int[], $7::int[], $8::int[], $9::text[])")
        .execute(
            Tuple.from(
                new Object[] {
                  ids, at, events, targets, channels, levels, rounds, attempts, details
                }))
        .replaceWithVoid();
  }
}
