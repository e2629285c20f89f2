package io.slawatch.notifier.store;

import io.slawatch.notifier.audit.AuditEntry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The {@code audit} table: one row per delivery outcome and per escalation change. */
@ApplicationScoped
public class AuditStore {
  private final Pool pool;

  AuditStore(Pool pool) {
    this.pool = pool;
  }

  /** One entry. */
  public Uni<Void> write(Transaction tx, AuditEntry entry) {
    return tx.connection()
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

  /** Several entries in one statement, in order. */
  public Uni<Void> writeAll(Transaction tx, List<AuditEntry> entries) {
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
      AuditEntry e = entries.get(i);
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
    return tx.connection()
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

  /** The alert's entries, oldest first. */
  public Uni<List<AuditEntry>> ofAlert(String alertId) {
    return pool.preparedQuery(
            "select at, event, target, channel, level, attempts, detail from audit"
                + " where alert_id = $1 order by id")
        .execute(Tuple.of(alertId))
        .map(
            rows -> {
              List<AuditEntry> entries = new ArrayList<>();
              for (Row row : rows) {
                entries.add(
                    new AuditEntry(
                        alertId,
                        row.getOffsetDateTime(0).toInstant(),
                        row.getString(1),
                        row.getString(2),
                        row.getString(3),
                        row.getInteger(4),
                        null,
                        row.getInteger(5),
                        row.getString(6)));
              }
              return entries;
            });
  }
}
