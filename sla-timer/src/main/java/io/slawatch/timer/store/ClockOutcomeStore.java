package io.slawatch.timer.store;

import io.slawatch.core.report.ClockOutcome;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Writes the clock outcomes of replayed tickets and engagements: one batched upsert (a hot path:
 * every replay writes its ticket's outcomes), on the transaction of the ticket's timers, on the
 * reactive SQL client; the reports read them through {@code timer.report.ClockOutcomeEntity}.
 */
@ApplicationScoped
public class ClockOutcomeStore {
  static final String UPSERT =
      "insert into clock_outcome (ticket_id, clock, cycle, customer_id, plan, priority, source,"
          + " started_at, target_ms, status, due_at, breached_at, met_at, ended_at, end_reason,"
          + " used_ms, late_ms, flags, updated_at, subject_kind)"
          + " select u.t, u.c, u.n, u.cu, u.p, u.pr, u.so, u.st, u.ta, u.s, u.du, u.br, u.me, u.en,"
          + " u.er, u.us, u.la, string_to_array(u.fl, ','), $19, $20"
          + " from unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[],"
          + " $7::text[], $8::timestamptz[], $9::bigint[], $10::text[], $11::timestamptz[],"
          + " $12::timestamptz[], $13::timestamptz[], $14::timestamptz[], $15::text[],"
          + " $16::bigint[], $17::bigint[], $18::text[])"
          + " as u(t, c, n, cu, p, pr, so, st, ta, s, du, br, me, en, er, us, la, fl)"
          + " on conflict (ticket_id, subject_kind, clock, cycle) do update set customer_id = excluded.customer_id,"
          + " plan = excluded.plan, priority = excluded.priority, source = excluded.source,"
          + " started_at = excluded.started_at, target_ms = excluded.target_ms,"
          + " status = excluded.status, due_at = excluded.due_at,"
          + " breached_at = excluded.breached_at, met_at = excluded.met_at,"
          + " ended_at = excluded.ended_at, end_reason = excluded.end_reason,"
          + " used_ms = excluded.used_ms, late_ms = excluded.late_ms, flags = excluded.flags,"
          + " updated_at = excluded.updated_at"
          // most replays leave most outcomes as they were: such a row is not written again (no
          // new row version, no WAL, no dead tuple to vacuum); updated_at is when it last changed
          + " where (clock_outcome.customer_id, clock_outcome.plan, clock_outcome.priority,"
          + " clock_outcome.source, clock_outcome.started_at, clock_outcome.target_ms,"
          + " clock_outcome.status, clock_outcome.due_at, clock_outcome.breached_at,"
          + " clock_outcome.met_at, clock_outcome.ended_at, clock_outcome.end_reason,"
          + " clock_outcome.used_ms, clock_outcome.late_ms, clock_outcome.flags)"
          + " is distinct from (excluded.customer_id, excluded.plan, excluded.priority,"
          + " excluded.source, excluded.started_at, excluded.target_ms, excluded.status,"
          + " excluded.due_at, excluded.breached_at, excluded.met_at, excluded.ended_at,"
          + " excluded.end_reason, excluded.used_ms, excluded.late_ms, excluded.flags)";

  /**
   * Removes the outcomes of these subjects' clocks that no longer exist after a replay (of their
   * kind only: a ticket's replay leaves an engagement of the same id alone).
   */
  static final String PRUNE =
      "delete from clock_outcome o where o.ticket_id = any($1) and o.subject_kind = $5"
          + " and not exists (select 1 from unnest($2::text[], $3::text[], $4::int[]) as k(t, c, n)"
          + " where k.t = o.ticket_id and k.c = o.clock and k.n = o.cycle)";

  /**
   * Brings the stored outcomes of these tickets in line with their replays (on the caller's
   * transaction).
   */
  public Uni<Void> replace(
      SqlClient conn, List<String> tickets, List<ClockOutcome> outcomes, Instant now) {
    return replace(conn, SubjectKind.TICKET, tickets, outcomes, now);
  }

  /**
   * Brings the stored outcomes of these subjects (tickets or engagements, by {@code subject}) in
   * line with their replays, on the caller's transaction; the other kind's rows are left alone.
   */
  public Uni<Void> replace(
      SqlClient conn,
      SubjectKind subject,
      List<String> tickets,
      List<ClockOutcome> outcomes,
      Instant now) {
    if (tickets.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    int n = outcomes.size();
    String[] ticket = new String[n];
    String[] clock = new String[n];
    Integer[] cycle = new Integer[n];
    String[] customer = new String[n];
    String[] plan = new String[n];
    String[] priority = new String[n];
    String[] source = new String[n];
    OffsetDateTime[] started = new OffsetDateTime[n];
    Long[] target = new Long[n];
    String[] status = new String[n];
    OffsetDateTime[] due = new OffsetDateTime[n];
    OffsetDateTime[] breached = new OffsetDateTime[n];
    OffsetDateTime[] met = new OffsetDateTime[n];
    OffsetDateTime[] ended = new OffsetDateTime[n];
    String[] reason = new String[n];
    Long[] used = new Long[n];
    Long[] late = new Long[n];
    String[] flags = new String[n];
    for (int i = 0; i < n; i++) {
      ClockOutcome o = outcomes.get(i);
      ticket[i] = o.ticket();
      clock[i] = o.clock();
      cycle[i] = o.cycle();
      customer[i] = o.customer();
      plan[i] = o.plan();
      priority[i] = o.priority();
      source[i] = o.source();
      started[i] = utc(o.start());
      target[i] = o.target().toMillis();
      status[i] = o.status().wireName();
      due[i] = utc(o.due());
      breached[i] = utc(o.breachedAt());
      met[i] = utc(o.metAt());
      ended[i] = utc(o.endedAt());
      reason[i] = o.endReason().map(r -> r.wireName()).orElse(null);
      used[i] = o.used().toMillis();
      late[i] = o.late().toMillis();
      flags[i] = String.join(",", o.flags());
    }
    Uni<?> upsert =
        n == 0
            ? Uni.createFrom().voidItem()
            : conn.preparedQuery(UPSERT)
                .execute(
                    Tuple.from(
                        new Object[] {
                          ticket,
                          clock,
                          cycle,
                          customer,
                          plan,
                          priority,
                          source,
                          started,
                          target,
                          status,
                          due,
                          breached,
                          met,
                          ended,
                          reason,
                          used,
                          late,
                          flags,
                          utc(now),
                          subject.column()
                        }));
    return upsert
        .flatMap(
            done ->
                conn.preparedQuery(PRUNE)
                    .execute(
                        Tuple.of(
                            tickets.toArray(String[]::new),
                            ticket,
                            clock,
                            cycle,
                            subject.column())))
        .replaceWithVoid();
  }

  /**
   * Deletes up to {@code limit} outcomes whose clock started before {@code before} (a few at a
   * time, so a purge never holds a long lock).
   *
   * @return how many it deleted
   */
  public Uni<Integer> purge(SqlClient conn, Instant before, int limit) {
    return conn.preparedQuery(
            "delete from clock_outcome where ctid in (select ctid from clock_outcome"
                + " where started_at < $1 limit $2)")
        .execute(Tuple.of(utc(before), limit))
        .map(deleted -> deleted.rowCount());
  }

  private static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  private static OffsetDateTime utc(Optional<Instant> at) {
    return at.map(ClockOutcomeStore::utc).orElse(null);
  }
}
