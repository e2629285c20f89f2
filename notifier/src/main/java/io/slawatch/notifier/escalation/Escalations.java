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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  /** An alert to begin: its policy, if one matches. */
  public record Begin(
      SlaAlert alert, String payload, Optional<Policy> policy, String traceparent) {}

  /**
   * In one transaction for a whole poll of alerts: resolves the running escalations of every clock
   * an {@code sla.met} alert says was met, then begins each routed alert's escalation (once per
   * alert id) and audits the unrouted ones. Emits how many escalations began.
   */
  public Uni<Integer> beginAll(List<Begin> alerts) {
    if (alerts.isEmpty()) {
      return Uni.createFrom().item(0);
    }
    Instant now = clock.instant();
    OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    List<SlaAlert> met =
        alerts.stream()
            .map(Begin::alert)
            .filter(a -> a.kind() == io.slawatch.core.alert.AlertKind.MET)
            .toList();
    List<Begin> routed = alerts.stream().filter(b -> b.policy().isPresent()).toList();
    List<Begin> unrouted = alerts.stream().filter(b -> b.policy().isEmpty()).toList();
    unrouted.forEach(b -> metrics.unrouted());
    return pool.withTransaction(
        conn ->
            Multi.createFrom()
                .iterable(met)
                .onItem()
                .transformToUniAndConcatenate(m -> resolveClock(conn, m, now))
                .collect()
                .asList()
                .flatMap(resolved -> insert(conn, routed, at))
                .flatMap(
                    started -> {
                      List<Audit.Entry> entries = new ArrayList<>();
                      for (Begin b : unrouted) {
                        entries.add(
                            Audit.Entry.of(b.alert().id(), now, "unrouted", "no policy matches"));
                      }
                      Map<String, String> policies = new HashMap<>();
                      for (Begin b : routed) {
                        policies.putIfAbsent(b.alert().id(), b.policy().get().name());
                      }
                      for (String id : started) {
                        entries.add(
                            Audit.Entry.of(
                                id,
                                now,
                                "escalation_started",
                                "policy " + policies.getOrDefault(id, "?")));
                      }
                      return Audit.writeAll(conn, entries).replaceWith(started.size());
                    }));
  }

  private static Uni<List<String>> insert(
      SqlConnection conn, List<Begin> routed, OffsetDateTime at) {
    if (routed.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    int n = routed.size();
    String[] ids = new String[n];
    String[] tickets = new String[n];
    String[] clocks = new String[n];
    Integer[] cycles = new Integer[n];
    String[] customers = new String[n];
    String[] policies = new String[n];
    String[] payloads = new String[n];
    String[] traces = new String[n];
    for (int i = 0; i < n; i++) {
      SlaAlert alert = routed.get(i).alert();
      ids[i] = alert.id();
      tickets[i] = alert.ticket().value();
      clocks[i] = alert.clock().wireName();
      cycles[i] = alert.cycle();
      customers[i] = alert.customer().value();
      policies[i] = routed.get(i).policy().get().name();
      payloads[i] = routed.get(i).payload();
      traces[i] = routed.get(i).traceparent();
    }
    return conn.preparedQuery(
            "insert into escalation (alert_id, ticket_id, clock, cycle, customer_id, policy, step,"
                + " round, state, next_at, payload, started_at, updated_at, traceparent)"
                + " select a, t, c, y, u, p, 0, 0, 'active', $8, l, $8, $8, r from unnest($1::text[],"
                + " $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[],"
                + " $9::text[]) as x(a, t, c, y, u, p, l, r) on conflict do nothing"
                + " returning alert_id")
        .execute(
            Tuple.from(
                new Object[] {
                  ids, tickets, clocks, cycles, customers, policies, payloads, at, traces
                }))
        .map(
            rows -> {
              List<String> started = new ArrayList<>();
              rows.forEach(row -> started.add(row.getString(0)));
              return started;
            });
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
