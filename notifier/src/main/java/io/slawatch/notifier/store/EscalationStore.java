package io.slawatch.notifier.store;

import io.slawatch.core.alert.SlaAlert;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code escalation} table: one row per routed alert, where its policy's chain stands and when
 * its next step runs ({@code state}: active, acknowledged, resolved, done).
 */
@ApplicationScoped
public class EscalationStore {
  private final Pool pool;

  EscalationStore(Pool pool) {
    this.pool = pool;
  }

  /** A step claimed to run: the escalation as it stands. */
  public record ClaimedStep(
      String alertId,
      String policy,
      int step,
      int round,
      String payload,
      String customer,
      String traceparent) {}

  /**
   * Claims, for {@code owner}, up to {@code limit} escalations whose next step is due at {@code
   * now}, oldest first, by moving their next step to {@code leaseUntil} ({@code FOR UPDATE SKIP
   * LOCKED}: instances never claim the same one; a dead instance's claim comes back when the lease
   * runs out, as its heartbeat no longer renews it).
   */
  public Uni<List<ClaimedStep>> claimDue(
      Transaction tx, String owner, Instant now, Instant leaseUntil, int limit) {
    return tx.connection()
        .preparedQuery(
            "update escalation set next_at = $2, updated_at = $1, claimed_by = $4 where alert_id in"
                + " (select alert_id from escalation where state = 'active' and next_at <= $1"
                + " order by next_at limit $3 for update skip locked)"
                + " returning alert_id, policy, step, round, payload, customer_id, traceparent")
        .execute(Tuple.of(utc(now), utc(leaseUntil), limit, owner))
        .map(
            rows -> {
              List<ClaimedStep> claimed = new ArrayList<>();
              for (Row row : rows) {
                claimed.add(
                    new ClaimedStep(
                        row.getString(0),
                        row.getString(1),
                        row.getInteger(2),
                        row.getInteger(3),
                        row.getString(4),
                        row.getString(5),
                        row.getString(6)));
              }
              return claimed;
            });
  }

  /**
   * The heartbeat: extends {@code owner}'s claims on these escalations (still active, still its
   * own) to {@code leaseUntil}, never earlier than a snooze put them. A row locked by another
   * transaction at that moment (its step being recorded, acknowledged) is skipped, never waited
   * for: the next beat renews it. Emits how many were renewed.
   */
  public Uni<Integer> renew(
      Transaction tx, String owner, Collection<String> alertIds, Instant leaseUntil) {
    if (alertIds.isEmpty()) {
      return Uni.createFrom().item(0);
    }
    return tx.connection()
        .preparedQuery(
            "update escalation set next_at = greatest(next_at, $3) where alert_id in"
                + " (select alert_id from escalation where alert_id = any($1) and claimed_by = $2"
                + " and state = 'active' for update skip locked)")
        .execute(Tuple.of(alertIds.toArray(String[]::new), owner, utc(leaseUntil)))
        .map(RowSet::rowCount);
  }

  /** An escalation moving on to its next step (or round), reached {@code level}. */
  public record Move(String alertId, int step, int round, Instant at, int level) {}

  /**
   * Moves active escalations {@code owner} still holds to their next steps, and releases them, in
   * one statement: a snoozed escalation's next step runs no earlier than its snooze ends; the level
   * reached never goes down. One another instance took over (this one's lease ran out) is left to
   * it.
   */
  public Uni<Void> move(Transaction tx, String owner, List<Move> moves, Instant now) {
    int n = moves.size();
    String[] ids = new String[n];
    Integer[] steps = new Integer[n];
    Integer[] rounds = new Integer[n];
    OffsetDateTime[] nextAt = new OffsetDateTime[n];
    Integer[] levels = new Integer[n];
    for (int i = 0; i < n; i++) {
      Move move = moves.get(i);
      ids[i] = move.alertId();
      steps[i] = move.step();
      rounds[i] = move.round();
      nextAt[i] = utc(move.at());
      levels[i] = move.level();
    }
    return tx.connection()
        .preparedQuery(
            "update escalation e set step = m.s, round = m.r,"
                + " next_at = greatest(m.n, coalesce(e.snoozed_until, m.n)),"
                + " level_reached = greatest(e.level_reached, m.l),"
                + " updated_at = $6, claimed_by = null from unnest($1::text[], $2::int[],"
                + " $3::int[], $4::timestamptz[], $5::int[]) as m(a, s, r, n, l)"
                + " where e.alert_id = m.a and e.state = 'active' and e.claimed_by = $7")
        .execute(Tuple.from(new Object[] {ids, steps, rounds, nextAt, levels, utc(now), owner}))
        .replaceWithVoid();
  }

  /** An escalation at its end, having reached {@code level}. */
  public record End(String alertId, int level) {}

  /**
   * Ends the escalations still active that {@code owner} holds (state {@code done}), in one
   * statement; emits the ids of those it ended (one acknowledged or resolved meanwhile stays so,
   * one another instance took over is left to it).
   */
  public Uni<List<String>> end(Transaction tx, String owner, List<End> ends, Instant now) {
    return tx.connection()
        .preparedQuery(
            "update escalation e set state = 'done', next_at = null, claimed_by = null,"
                + " level_reached = greatest(e.level_reached, m.l),"
                + " updated_at = $3 from unnest($1::text[], $2::int[])"
                + " as m(a, l) where e.alert_id = m.a and e.state = 'active'"
                + " and e.claimed_by = $4 returning e.alert_id")
        .execute(
            Tuple.of(
                ends.stream().map(End::alertId).toArray(String[]::new),
                ends.stream().map(End::level).toArray(Integer[]::new),
                utc(now),
                owner))
        .map(EscalationStore::ids);
  }

  /**
   * The policy of the first escalation of each of these alerts' clocks, by clock id ({@code
   * ticket/clock/cycle}).
   */
  public Uni<Map<String, String>> firstPolicies(Transaction tx, List<SlaAlert> closing) {
    if (closing.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    return tx.connection()
        .preparedQuery(
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

  /** An escalation to begin: the alert, its policy's name, the alert as received, its trace. */
  public record NewEscalation(SlaAlert alert, String policy, String payload, String traceparent) {}

  /**
   * Begins escalations at their first step, due now, in one statement: once per alert id, and not
   * for an alert of a clock whose closing alert is already in (a late re-fire). Emits the ids of
   * those begun.
   */
  public Uni<List<String>> begin(Transaction tx, List<NewEscalation> escalations, Instant now) {
    if (escalations.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    int n = escalations.size();
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
      SlaAlert alert = escalations.get(i).alert();
      ids[i] = alert.id();
      tickets[i] = alert.ticket().value();
      clocks[i] = alert.clock().wireName();
      cycles[i] = alert.cycle();
      customers[i] = alert.customer().value();
      policies[i] = escalations.get(i).policy();
      payloads[i] = escalations.get(i).payload();
      traces[i] = escalations.get(i).traceparent();
      closes[i] = alert.closes();
    }
    return tx.connection()
        .preparedQuery(
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
                  ids, tickets, clocks, cycles, customers, policies, payloads, utc(now), traces,
                  closes
                }))
        .map(EscalationStore::ids);
  }

  /**
   * Resolves every escalation of the closing alert's clock still active, but the closing alert's
   * own; emits the ids of those resolved.
   */
  public Uni<List<String>> resolveClock(Transaction tx, SlaAlert closing, Instant now) {
    return tx.connection()
        .preparedQuery(
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
                  utc(now)
                }))
        .map(EscalationStore::ids);
  }

  /** Stops the alert's escalation if it is active; says whether it was. */
  public Uni<Boolean> acknowledge(Transaction tx, String alertId, String by, Instant now) {
    return tx.connection()
        .preparedQuery(
            "update escalation set state = 'acknowledged', next_at = null,"
                + " acknowledged_by = $2, updated_at = $3"
                + " where alert_id = $1 and state = 'active' returning alert_id")
        .execute(Tuple.of(alertId, by, utc(now)))
        .map(rows -> rows.size() > 0);
  }

  /**
   * Holds the alert's escalation, if it is active, until {@code until}: its next step runs no
   * earlier; says whether it was active.
   */
  public Uni<Boolean> snooze(Transaction tx, String alertId, Instant until, Instant now) {
    return tx.connection()
        .preparedQuery(
            "update escalation set snoozed_until = $2, next_at = greatest(next_at, $2),"
                + " updated_at = $3 where alert_id = $1 and state = 'active'"
                + " returning alert_id")
        .execute(Tuple.of(alertId, utc(until), utc(now)))
        .map(rows -> rows.size() > 0);
  }

  /** Whether the alert has an escalation, in whatever state. */
  public Uni<Boolean> exists(Transaction tx, String alertId) {
    return tx.connection()
        .preparedQuery("select 1 from escalation where alert_id = $1")
        .execute(Tuple.of(alertId))
        .map(found -> found.size() > 0);
  }

  /** An escalation as it stands, for its history. */
  public record Stored(
      String policy,
      String state,
      int levelReached,
      Optional<Instant> nextAt,
      Optional<String> acknowledgedBy,
      Optional<Instant> snoozedUntil) {}

  /** The alert's escalation, if it has one. */
  public Uni<Optional<Stored>> find(String alertId) {
    return pool.preparedQuery(
            "select policy, state, level_reached, next_at, acknowledged_by, snoozed_until"
                + " from escalation"
                + " where alert_id = $1")
        .execute(Tuple.of(alertId))
        .map(
            rows -> {
              for (Row row : rows) {
                return Optional.of(
                    new Stored(
                        row.getString(0),
                        row.getString(1),
                        row.getInteger(2),
                        Optional.ofNullable(row.getOffsetDateTime(3))
                            .map(OffsetDateTime::toInstant),
                        Optional.ofNullable(row.getString(4)),
                        Optional.ofNullable(row.getOffsetDateTime(5))
                            .map(OffsetDateTime::toInstant)));
              }
              return Optional.empty();
            });
  }

  private static List<String> ids(RowSet<Row> rows) {
    List<String> ids = new ArrayList<>();
    rows.forEach(row -> ids.add(row.getString(0)));
    return ids;
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
