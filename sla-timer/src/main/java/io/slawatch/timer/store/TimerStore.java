package io.slawatch.timer.store;

import io.slawatch.contract.json.SlaAlertCodec;
import io.slawatch.core.alert.SlaAlert;
import io.slawatch.timer.config.TimerConfig;
import io.slawatch.timer.schedule.PendingTimer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The {@code timer} table: pending alerts, one row per deterministic alert id, claimed by the
 * firing loop when due. Statements run on the caller's connection, inside the caller's transaction:
 * a claim is committed only once its alerts are published, a replacement with the events that
 * caused it.
 */
@ApplicationScoped
public class TimerStore {
  /**
   * The claim: the locked batch is a materialized CTE, so PostgreSQL takes it once (an {@code IN
   * (subquery)} may be planned as a join that rescans the locked rows, which stalled both loops on
   * {@code LockManager} in a pile-up over a table whose statistics were taken empty).
   */
  /**
   * Locks a batch of due timers (oldest first, skipping those another claim holds) and deletes
   * exactly those rows by their physical address: a TID scan, whatever PostgreSQL believes about
   * the table's size. The earlier join of the locked batch back to {@code timer} was planned as a
   * hash join over a sequential scan of the whole table when its statistics were taken small (a
   * fresh database): 140 ms per 1,000-timer claim over 200,000 due timers, against 2 ms now.
   */
  public static final String CLAIM =
      "delete from timer where ctid = any(array(select ctid from timer where fire_at <= $1"
          + " order by fire_at limit $2 for update skip locked))"
          + " returning alert_id, ticket_id, payload, fire_at, kind, plan, priority,"
          + " clock, elapsed_ms, traceparent, subject_kind";

  private final SlaAlertCodec alerts;
  private final String statementTimeout;

  /**
   * The firing transaction's settings: its statement timeout, and a claim planned for the table as
   * it is now ({@code plan_cache_mode = force_custom_plan}). A prepared claim run while the table
   * was empty (a fresh database) otherwise keeps a cached generic plan, a sequential scan and a
   * sort of the whole table per claim, once a pile-up fills it: 1.4 s per 1,000-timer claim over
   * 200,000 due timers, against 3 ms planned afresh (about 0.2 ms of planning).
   */
  public static String transactionSettings(long statementTimeoutMillis) {
    return "select set_config('statement_timeout', '"
        + Math.max(1, statementTimeoutMillis)
        + "', true), set_config('plan_cache_mode', 'force_custom_plan', true)";
  }

  TimerStore(SlaAlertCodec alerts, TimerConfig config) {
    this.alerts = alerts;
    this.statementTimeout = transactionSettings(config.statementTimeout().toMillis());
  }

  /**
   * Claims up to {@code limit} timers due at {@code now} (deleting them in the caller's
   * transaction, under the configured statement timeout); other transactions skip the locked rows.
   */
  public Uni<List<ClaimedTimer>> claimDue(SqlConnection conn, OffsetDateTime now, int limit) {
    return conn.query(statementTimeout)
        .execute()
        .flatMap(set -> conn.preparedQuery(CLAIM).execute(Tuple.of(now, limit)))
        .map(
            rows -> {
              List<ClaimedTimer> claimed = new ArrayList<>(rows.size());
              for (Row row : rows) {
                Long elapsed = row.getLong(8);
                claimed.add(
                    new ClaimedTimer(
                        row.getString(0),
                        row.getString(1),
                        row.getString(2),
                        row.getOffsetDateTime(3).toInstant(),
                        row.getString(4),
                        row.getString(5),
                        row.getString(6),
                        row.getString(7),
                        Optional.ofNullable(elapsed).map(Duration::ofMillis),
                        Optional.ofNullable(row.getString(9)),
                        SubjectKind.of(row.getString(10))));
              }
              return claimed;
            });
  }

  /**
   * The pending timers of these tickets become {@code timers}: one delete of the others, one upsert
   * of all (an alert already fired is never scheduled again; a timer rescheduled without a trace
   * context keeps the one it had).
   */
  public Uni<Void> replace(
      SqlConnection conn, Collection<String> tickets, Collection<PendingTimer> timers) {
    return replace(conn, SubjectKind.TICKET, tickets, timers);
  }

  /**
   * The pending timers of these subjects (tickets or engagements, by {@code subject}) become {@code
   * timers}; the timers of the other kind of subject are left alone, whatever their ids.
   */
  public Uni<Void> replace(
      SqlConnection conn,
      SubjectKind subject,
      Collection<String> subjects,
      Collection<PendingTimer> timers) {
    String[] wanted = timers.stream().map(PendingTimer::alertId).toArray(String[]::new);
    return conn.preparedQuery(
            "delete from timer t where t.ticket_id = any($1) and t.subject_kind = $3"
                + " and not exists"
                + " (select 1 from unnest($2::text[]) w(id) where w.id = t.alert_id)")
        .execute(Tuple.of(subjects.toArray(String[]::new), wanted, subject.column()))
        .flatMap(deleted -> upsert(conn, subject, timers));
  }

  private Uni<Void> upsert(
      SqlConnection conn, SubjectKind subject, Collection<PendingTimer> timers) {
    if (timers.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    int n = timers.size();
    String[] ids = new String[n];
    String[] tickets = new String[n];
    OffsetDateTime[] fireAt = new OffsetDateTime[n];
    String[] payloads = new String[n];
    String[] kinds = new String[n];
    String[] customers = new String[n];
    String[] plans = new String[n];
    String[] priorities = new String[n];
    String[] clocks = new String[n];
    OffsetDateTime[] due = new OffsetDateTime[n];
    Long[] elapsed = new Long[n];
    String[] traceparents = new String[n];
    int i = 0;
    for (PendingTimer timer : timers) {
      ids[i] = timer.alertId();
      tickets[i] = timer.ticket();
      fireAt[i] = OffsetDateTime.ofInstant(timer.fireAt(), ZoneOffset.UTC);
      payloads[i] = new String(alerts.encode(timer.alert()), StandardCharsets.UTF_8);
      kinds[i] = timer.kind();
      customers[i] = timer.customer();
      plans[i] = timer.plan();
      priorities[i] = timer.priority();
      clocks[i] = timer.clock();
      due[i] = OffsetDateTime.ofInstant(timer.due(), ZoneOffset.UTC);
      elapsed[i] = timer.elapsed().map(Duration::toMillis).orElse(null);
      traceparents[i] = timer.traceparent().orElse(null);
      i++;
    }
    return conn.preparedQuery(
            "insert into timer (alert_id, ticket_id, fire_at, payload, kind, customer_id, plan,"
                + " priority, clock, due, elapsed_ms, traceparent, subject_kind)"
                + " select u.*, $13::text from unnest($1::text[], $2::text[], $3::timestamptz[],"
                + " $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],"
                + " $10::timestamptz[], $11::bigint[], $12::text[]) as u(a)"
                + " where not exists (select 1 from fired_alert where alert_id = u.a)"
                + " on conflict (alert_id) do update set fire_at = excluded.fire_at,"
                + " payload = excluded.payload, kind = excluded.kind,"
                + " customer_id = excluded.customer_id, plan = excluded.plan,"
                + " priority = excluded.priority, clock = excluded.clock, due = excluded.due,"
                + " elapsed_ms = excluded.elapsed_ms,"
                + " traceparent = coalesce(excluded.traceparent, timer.traceparent)")
        .execute(
            Tuple.from(
                new Object[] {
                  ids,
                  tickets,
                  fireAt,
                  payloads,
                  kinds,
                  customers,
                  plans,
                  priorities,
                  clocks,
                  due,
                  elapsed,
                  traceparents,
                  subject.column()
                }))
        .replaceWithVoid();
  }

  /** Which pending breaches {@link #breachesDueBy} answers (an empty filter matches all). */
  public record BreachFilter(
      Optional<String> plan, Optional<String> priority, Optional<String> customer) {}

  /**
   * The pending breaches (open clocks) whose deadline is at or before {@code by}, soonest first, at
   * most {@code limit}: one range scan of the breach-deadline index.
   */
  public Uni<List<SlaAlert>> breachesDueBy(
      SqlClient client, Instant by, BreachFilter filter, int limit) {
    return client
        .preparedQuery(
            "select payload from timer where kind = 'sla.breached' and due <= $1"
                + " and ($2::text is null or plan = $2) and ($3::text is null or priority = $3)"
                + " and ($4::text is null or customer_id = $4) order by due limit $5")
        .execute(
            Tuple.from(
                new Object[] {
                  OffsetDateTime.ofInstant(by, ZoneOffset.UTC),
                  filter.plan().orElse(null),
                  filter.priority().orElse(null),
                  filter.customer().orElse(null),
                  limit
                }))
        .map(
            rows -> {
              List<SlaAlert> breaches = new ArrayList<>();
              for (Row row : rows) {
                breaches.add(alerts.decode(row.getString(0).getBytes(StandardCharsets.UTF_8)));
              }
              return breaches;
            });
  }

  /**
   * How many timers are pending, how many of them are breaches due by {@code atRiskBy}, and when
   * the earliest is due to fire (empty: none pending).
   */
  public record Census(long pending, long atRisk, Optional<Instant> earliestFireAt) {}

  public Uni<Census> census(SqlClient client, Instant atRiskBy) {
    return client
        .preparedQuery(
            "select count(*) filter (where true),"
                + " count(*) filter (where kind = 'sla.breached' and due <= $1),"
                + " (select min(fire_at) from timer)"
                + " from timer")
        .execute(Tuple.of(OffsetDateTime.ofInstant(atRiskBy, ZoneOffset.UTC)))
        .map(
            rows -> {
              Row row = rows.iterator().next();
              OffsetDateTime earliest = row.getOffsetDateTime(2);
              return new Census(
                  row.getLong(0),
                  row.getLong(1),
                  Optional.ofNullable(earliest).map(OffsetDateTime::toInstant));
            });
  }

  /** The pending breaches of one plan, priority and clock: that many clocks are running. */
  public record OpenClocks(String plan, String priority, String clock, long count) {}

  public Uni<List<OpenClocks>> openClocks(SqlClient client) {
    return client
        .query(
            "select plan, priority, clock, count(*) from timer"
                + " where kind = 'sla.breached' group by 1, 2, 3")
        .execute()
        .map(
            rows -> {
              List<OpenClocks> open = new ArrayList<>();
              for (Row row : rows) {
                open.add(
                    new OpenClocks(
                        row.getString(0), row.getString(1), row.getString(2), row.getLong(3)));
              }
              return open;
            });
  }
}
