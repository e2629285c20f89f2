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
}
