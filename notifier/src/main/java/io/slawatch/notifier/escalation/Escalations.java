package io.slawatch.notifier.escalation;

import io.slawatch.core.alert.SlaAlert;
import io.slawatch.notifier.policy.Policy;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Escalations as stored: begun, acknowledged, resolved; their state and history. */
@ApplicationScoped
public class Escalations {
  private final Pool pool;
  private final NotifierMetrics metrics;
  private final Clock clock;

  Escalations(Pool pool, NotifierMetrics metrics, Clock clock) {
    this.pool = pool;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * In one transaction: resolves the clock's running escalations if the alert says it was met, then
   * begins the alert's own escalation under its policy (once per alert id). Emits whether an
   * escalation began.
   */
  public Uni<Boolean> begin(
      SlaAlert alert, String payload, Optional<Policy> policy, boolean clockMet) {
    Instant now = clock.instant();
    OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    return pool.withTransaction(
        conn ->
            (clockMet ? resolveClock(conn, alert, now) : Uni.createFrom().voidItem())
                .flatMap(
                    resolved -> {
                      if (policy.isEmpty()) {
                        metrics.unrouted();
                        return Audit.write(
                                conn,
                                Audit.Entry.of(alert.id(), now, "unrouted", "no policy matches"))
                            .replaceWith(false);
                      }
                      return conn.preparedQuery(
                              "insert into escalation (alert_id, ticket_id, clock, cycle,"
                                  + " customer_id, policy, step, round, state, next_at, payload,"
                                  + " started_at, updated_at) values ($1, $2, $3, $4, $5, $6, 0, 0,"
                                  + " 'active', $7, $8, $7, $7) on conflict do nothing"
                                  + " returning alert_id")
                          .execute(
                              Tuple.from(
                                  new Object[] {
                                    alert.id(),
                                    alert.ticket().value(),
                                    alert.clock().wireName(),
                                    alert.cycle(),
                                    alert.customer().value(),
                                    policy.get().name(),
                                    at,
                                    payload
                                  }))
                          .flatMap(
                              inserted ->
                                  inserted.size() == 0
                                      ? Uni.createFrom().item(false)
                                      : Audit.write(
                                              conn,
                                              Audit.Entry.of(
                                                  alert.id(),
                                                  now,
                                                  "escalation_started",
                                                  "policy " + policy.get().name()))
                                          .replaceWith(true));
                    }));
  }

  private Uni<Void> resolveClock(SqlConnection conn, SlaAlert met, Instant now) {
    return conn.preparedQuery(
            "update escalation set state = 'resolved', next_at = null, updated_at = $5"
                + " where ticket_id = $1 and clock = $2 and cycle = $3 and state = 'active'"
                + " and alert_id <> $4 returning alert_id")
        .execute(
            Tuple.from(
                new Object[] {
                  met.ticket().value(),
                  met.clock().wireName(),
                  met.cycle(),
                  met.id(),
                  OffsetDateTime.ofInstant(now, ZoneOffset.UTC)
                }))
        .flatMap(rows -> auditEach(conn, rows, now, "resolved", "the clock was met: " + met.id()));
  }

  private static Uni<Void> auditEach(
      SqlConnection conn, RowSet<Row> rows, Instant now, String event, String detail) {
    List<String> ids = new ArrayList<>();
    rows.forEach(row -> ids.add(row.getString(0)));
    if (ids.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return Multi.createFrom()
        .iterable(ids)
        .onItem()
        .transformToUniAndConcatenate(
            id -> Audit.write(conn, Audit.Entry.of(id, now, event, detail)))
        .collect()
        .last()
        .replaceWithVoid();
  }

  /** The outcome of an acknowledgement. */
  public enum Ack {
    ACKNOWLEDGED,
    ALREADY_OVER,
    UNKNOWN
  }

  /** Stops the alert's escalation, if it is still running; says what it found. */
  public Uni<Ack> acknowledge(String alertId, String by) {
    Instant now = clock.instant();
    return pool.withTransaction(
        conn ->
            conn.preparedQuery(
                    "update escalation set state = 'acknowledged', next_at = null,"
                        + " acknowledged_by = $2, updated_at = $3"
                        + " where alert_id = $1 and state = 'active' returning alert_id")
                .execute(Tuple.of(alertId, by, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)))
                .flatMap(
                    rows -> {
                      if (rows.size() > 0) {
                        return Audit.write(
                                conn, Audit.Entry.of(alertId, now, "acknowledged", "by " + by))
                            .replaceWith(Ack.ACKNOWLEDGED);
                      }
                      return conn.preparedQuery("select 1 from escalation where alert_id = $1")
                          .execute(Tuple.of(alertId))
                          .map(found -> found.size() > 0 ? Ack.ALREADY_OVER : Ack.UNKNOWN);
                    }));
  }

  /** An escalation and its audit trail, for {@code GET /api/v1/alerts/{id}}. */
  public record History(
      String alertId,
      String policy,
      String state,
      int levelReached,
      Optional<Instant> nextStepAt,
      Optional<String> acknowledgedBy,
      List<AuditEntry> audit) {}

  public record AuditEntry(
      Instant at,
      String event,
      Optional<String> target,
      Optional<String> channel,
      Optional<Integer> level,
      Optional<Integer> attempts,
      Optional<String> detail) {}

  public Uni<Optional<History>> history(String alertId) {
    return pool.preparedQuery(
            "select policy, state, level_reached, next_at, acknowledged_by from escalation"
                + " where alert_id = $1")
        .execute(Tuple.of(alertId))
        .flatMap(
            escalation ->
                pool.preparedQuery(
                        "select at, event, target, channel, level, attempts, detail from audit"
                            + " where alert_id = $1 order by id")
                    .execute(Tuple.of(alertId))
                    .map(
                        audit -> {
                          List<AuditEntry> entries = new ArrayList<>();
                          for (Row row : audit) {
                            entries.add(
                                new AuditEntry(
                                    row.getOffsetDateTime(0).toInstant(),
                                    row.getString(1),
                                    Optional.ofNullable(row.getString(2)),
                                    Optional.ofNullable(row.getString(3)),
                                    Optional.ofNullable(row.getInteger(4)),
                                    Optional.ofNullable(row.getInteger(5)),
                                    Optional.ofNullable(row.getString(6))));
                          }
                          if (escalation.size() == 0) {
                            return entries.isEmpty()
                                ? Optional.<History>empty()
                                : Optional.of(
                                    new History(
                                        alertId,
                                        "",
                                        "unrouted",
                                        0,
                                        Optional.empty(),
                                        Optional.empty(),
                                        entries));
                          }
                          Row row = escalation.iterator().next();
                          return Optional.of(
                              new History(
                                  alertId,
                                  row.getString(0),
                                  row.getString(1),
                                  row.getInteger(2),
                                  Optional.ofNullable(row.getOffsetDateTime(3))
                                      .map(OffsetDateTime::toInstant),
                                  Optional.ofNullable(row.getString(4)),
                                  entries));
                        }));
  }
}
