package io.slawatch.notifier.escalation;

import io.slawatch.core.alert.SlaAlert;
import io.slawatch.notifier.policy.Policy;
import io.slawatch.notifier.policy.PolicyBook;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Escalations as stored: begun, acknowledged, resolved; their state and history. */
@ApplicationScoped
public class Escalations {
  private static final Logger LOG = Logger.getLogger(Escalations.class);

  private final Pool pool;
  private final NotifierMetrics metrics;
  private final Clock clock;
  private final PolicyBook book;

  Escalations(Pool pool, NotifierMetrics metrics, Clock clock, PolicyBook book) {
    this.pool = pool;
    this.metrics = metrics;
    this.clock = clock;
    this.book = book;
  }

  /** An alert to begin: its policy, if one matches. */
  public record Begin(
      SlaAlert alert, String payload, Optional<Policy> policy, String traceparent) {}

  /**
   * In one transaction for a whole poll of alerts: begins each routed alert's escalation (once per
   * alert id; an alert of a clock that already closed starts nothing), then stops every escalation
   * still running for the clock of each closing alert ({@code sla.met}, {@code sla.ended}), and
   * audits it all. A closing alert no policy matches takes the policy of its clock's earlier
   * escalation, so the targets that heard of the clock hear how it ended. An alert with no policy
   * at all is counted and logged. Emits how many escalations began.
   */
  public Uni<Integer> beginAll(List<Begin> alerts) {
    if (alerts.isEmpty()) {
      return Uni.createFrom().item(0);
    }
    Instant now = clock.instant();
    OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    List<SlaAlert> closing = alerts.stream().map(Begin::alert).filter(SlaAlert::closes).toList();
    return pool.withTransaction(
        conn ->
            earlierPolicies(conn, closing)
                .flatMap(
                    earlier -> {
                      List<Begin> all = new ArrayList<>(alerts.size());
                      for (Begin b : alerts) {
                        Optional<Policy> policy = b.policy();
                        if (b.alert().closes()
                            && (policy.isEmpty()
                                || policy.get().name().equals(PolicyBook.FALLBACK_POLICY))) {
                          policy =
                              Optional.ofNullable(earlier.get(b.alert().clockId()))
                                  .flatMap(book::policy)
                                  .or(() -> b.policy());
                        }
                        all.add(new Begin(b.alert(), b.payload(), policy, b.traceparent()));
                      }
                      List<Begin> routed =
                          all.stream().filter(b -> b.policy().isPresent()).toList();
                      List<Begin> unrouted =
                          all.stream().filter(b -> b.policy().isEmpty()).toList();
                      return insert(conn, routed, at)
                          .flatMap(
                              started ->
                                  Multi.createFrom()
                                      .iterable(closing)
                                      .onItem()
                                      .transformToUniAndConcatenate(c -> resolveClock(conn, c, now))
                                      .collect()
                                      .asList()
                                      .replaceWith(started))
                          .flatMap(started -> auditBegun(conn, routed, unrouted, started, now));
                    }));
  }

  private Uni<Integer> auditBegun(
      SqlConnection conn,
      List<Begin> routed,
      List<Begin> unrouted,
      List<String> started,
      Instant now) {
    List<Audit.Entry> entries = new ArrayList<>();
    for (Begin b : unrouted) {
      metrics.unroutable("", "no_policy");
      LOG.warnf(
          "alert %s matches no policy and no fallback target is set: nobody is notified",
          b.alert().id());
      entries.add(
          Audit.Entry.of(
              b.alert().id(), now, "unrouted", "no policy matches and no fallback target is set"));
    }
    Map<String, Policy> policies = new HashMap<>();
    for (Begin b : routed) {
      policies.putIfAbsent(b.alert().id(), b.policy().get());
    }
    for (String id : started) {
      Policy policy = policies.get(id);
      String name = policy == null ? "?" : policy.name();
      if (PolicyBook.FALLBACK_POLICY.equals(name)) {
        metrics.unroutable("", "no_policy");
        LOG.warnf("alert %s matches no policy: it goes to the fallback target", id);
        entries.add(
            Audit.Entry.of(
                id,
                now,
                "unroutable",
                "no policy matches: to the fallback target "
                    + policy.steps().getFirst().targets().getFirst()));
      }
      entries.add(Audit.Entry.of(id, now, "escalation_started", "policy " + name));
    }
    return Audit.writeAll(conn, entries).replaceWith(started.size());
  }

  /** The policy of the first escalation of each of these alerts' clocks, by clock id. */
  private static Uni<Map<String, String>> earlierPolicies(
      SqlConnection conn, List<SlaAlert> closing) {
    if (closing.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    return conn.preparedQuery(
            "select e.ticket_id, e.clock, e.cycle, e.policy from escalation e join unnest($1::text[],"
                + " $2::text[], $3::int[]) as k(t, c, y) on e.ticket_id = k.t and e.clock = k.c"
                + " and e.cycle = k.y order by e.started_at desc")
        .execute(
            Tuple.of(
                closing.stream().map(a -> a.ticket().value()).toArray(String[]::new),
                closing.stream().map(a -> a.clock().wireName()).toArray(String[]::new),
                closing.stream().map(SlaAlert::cycle).toArray(Integer[]::new)))
        .map(
            rows -> {
              Map<String, String> byClock = new HashMap<>();
              for (Row row : rows) {
                // the earliest wins: rows come newest first
                byClock.put(
                    row.getString(0) + "/" + row.getString(1) + "/" + row.getInteger(2),
                    row.getString(3));
              }
              return byClock;
            });
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
    Boolean[] closes = new Boolean[n];
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
      closes[i] = alert.closes();
    }
    // an alert of a clock whose closing alert is already in (a late re-fire) starts nothing
    return conn.preparedQuery(
            "insert into escalation (alert_id, ticket_id, clock, cycle, customer_id, policy, step,"
                + " round, state, next_at, payload, started_at, updated_at, traceparent)"
                + " select a, t, c, y, u, p, 0, 0, 'active', $8, l, $8, $8, r from unnest($1::text[],"
                + " $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[],"
                + " $9::text[], $10::bool[]) as x(a, t, c, y, u, p, l, r, z)"
                + " where z or not exists (select 1 from escalation k where k.ticket_id = x.t"
                + " and k.clock = x.c and k.cycle = x.y"
                + " and (k.alert_id like '%/sla.met' or k.alert_id like '%/sla.ended'))"
                + " on conflict do nothing returning alert_id")
        .execute(
            Tuple.from(
                new Object[] {
                  ids, tickets, clocks, cycles, customers, policies, payloads, at, traces, closes
                }))
        .map(
            rows -> {
              List<String> started = new ArrayList<>();
              rows.forEach(row -> started.add(row.getString(0)));
              return started;
            });
  }

  /** Stops every escalation of the closing alert's clock still running (not the closing one's). */
  private Uni<Void> resolveClock(SqlConnection conn, SlaAlert closing, Instant now) {
    String why =
        closing
            .reason()
            .map(r -> "the clock ended (" + r.wireName() + "): " + closing.id())
            .orElse("the clock was met: " + closing.id());
    return conn.preparedQuery(
            "update escalation set state = 'resolved', next_at = null, updated_at = $5"
                + " where ticket_id = $1 and clock = $2 and cycle = $3 and state = 'active'"
                + " and alert_id <> $4 returning alert_id")
        .execute(
            Tuple.from(
                new Object[] {
                  closing.ticket().value(),
                  closing.clock().wireName(),
                  closing.cycle(),
                  closing.id(),
                  OffsetDateTime.ofInstant(now, ZoneOffset.UTC)
                }))
        .flatMap(rows -> auditEach(conn, rows, now, "resolved", why));
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

  /** The outcome of a snooze. */
  public enum Snooze {
    SNOOZED,
    ALREADY_OVER,
    UNKNOWN
  }

  /**
   * Holds the alert's escalation: its next step runs no earlier than {@code duration} from now
   * (also when it is being run right now: the step after it waits for the snooze).
   */
  public Uni<Snooze> snooze(String alertId, Duration duration, String by) {
    Instant now = clock.instant();
    Instant until = now.plus(duration);
    OffsetDateTime untilAt = OffsetDateTime.ofInstant(until, ZoneOffset.UTC);
    return pool.withTransaction(
        conn ->
            conn.preparedQuery(
                    "update escalation set snoozed_until = $2, next_at = greatest(next_at, $2),"
                        + " updated_at = $3 where alert_id = $1 and state = 'active'"
                        + " returning alert_id")
                .execute(Tuple.of(alertId, untilAt, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)))
                .flatMap(
                    rows -> {
                      if (rows.size() > 0) {
                        return Audit.write(
                                conn,
                                Audit.Entry.of(
                                    alertId,
                                    now,
                                    "snoozed",
                                    "by " + by + " for " + duration + ", until " + until))
                            .replaceWith(Snooze.SNOOZED);
                      }
                      return conn.preparedQuery("select 1 from escalation where alert_id = $1")
                          .execute(Tuple.of(alertId))
                          .map(found -> found.size() > 0 ? Snooze.ALREADY_OVER : Snooze.UNKNOWN);
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
      Optional<Instant> snoozedUntil,
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
            "select policy, state, level_reached, next_at, acknowledged_by, snoozed_until"
                + " from escalation"
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
                                  Optional.ofNullable(row.getOffsetDateTime(5))
                                      .map(OffsetDateTime::toInstant),
                                  entries));
                        }));
  }
}
