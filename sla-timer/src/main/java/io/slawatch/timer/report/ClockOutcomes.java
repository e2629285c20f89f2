package io.slawatch.timer.report;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The reports' reads of {@code clock_outcome} (Hibernate Reactive with Panache): the breaches as
 * entities, page by page, and compliance grouped by any of customer, plan, priority, clock, month
 * and source. A clock still open whose due has passed counts as breached as of {@code now}. A row
 * is a ticket's clock or an engagement's obligation ({@code subject}); the compliance figures never
 * add the two together (see {@link #compliance}).
 */
@ApplicationScoped
public class ClockOutcomes
    implements PanacheRepositoryBase<ClockOutcomeEntity, ClockOutcomeEntity.Key> {

  /** What the reports may group by, and the column or expression of each. */
  public enum Dimension {
    CUSTOMER("customer_id"),
    PLAN("plan"),
    PRIORITY("priority"),
    CLOCK("clock"),
    /** The month (UTC) the clock started, {@code YYYY-MM}. */
    MONTH("to_char(started_at at time zone 'UTC', 'YYYY-MM')"),
    SOURCE("source"),
    /** {@code ticket} or {@code engagement}. */
    SUBJECT("subject_kind");

    private final String expression;

    Dimension(String expression) {
      this.expression = expression;
    }

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Which outcomes: started in {@code [from, to)}, and optionally one customer, plan... */
  public record Filter(
      Instant from,
      Instant to,
      Optional<String> customer,
      Optional<String> plan,
      Optional<String> priority,
      Optional<String> clock,
      Optional<String> subject) {}

  /** One group's figures. */
  public record Row(
      List<String> keys,
      long met,
      long metLate,
      long breached,
      long open,
      long ended,
      Optional<Duration> firstResponseP50,
      Optional<Duration> firstResponseP90) {
    /** Met in time among the clocks that came out (met, met late, breached), in percent. */
    public Optional<Double> compliance() {
      long decided = met + metLate + breached;
      return decided == 0
          ? Optional.empty()
          : Optional.of(Math.round(met * 10000.0 / decided) / 100.0);
    }
  }

  private static final String BREACHED =
      "(status in ('breached', 'met_late') or (status = 'open' and dueAt <= :now))";

  /** The breaches (met late, or past due unmet) among the filter's outcomes, newest first. */
  public Uni<List<ClockOutcomeEntity>> breaches(Filter filter, Instant now, int page, int size) {
    Query query = query(filter, now);
    return find(
            query.hql,
            Sort.descending("startedAt").and("ticket").and("clock").and("cycle"),
            query.parameters)
        .page(Page.of(page, size))
        .list();
  }

  public Uni<Long> countBreaches(Filter filter, Instant now) {
    Query query = query(filter, now);
    return count(query.hql, query.parameters);
  }

  private record Query(String hql, Parameters parameters) {}

  private static Query query(Filter filter, Instant now) {
    StringBuilder hql = new StringBuilder("startedAt >= :from and startedAt < :to and " + BREACHED);
    Parameters parameters =
        Parameters.with("from", utc(filter.from()))
            .and("to", utc(filter.to()))
            .and("now", utc(now));
    filter.customer().ifPresent(c -> parameters.and("customer", c));
    filter.customer().ifPresent(c -> hql.append(" and customer = :customer"));
    filter.plan().ifPresent(p -> parameters.and("plan", p));
    filter.plan().ifPresent(p -> hql.append(" and plan = :plan"));
    filter.priority().ifPresent(p -> parameters.and("priority", p));
    filter.priority().ifPresent(p -> hql.append(" and priority = :priority"));
    filter.clock().ifPresent(c -> parameters.and("clock", c));
    filter.clock().ifPresent(c -> hql.append(" and clock = :clock"));
    filter.subject().ifPresent(k -> parameters.and("subject", k));
    filter.subject().ifPresent(k -> hql.append(" and subjectKind = :subject"));
    return new Query(hql.toString(), parameters);
  }

  /**
   * Compliance of the filter's outcomes (started in {@code [from, to)}, of its customer, plan,
   * priority, clock and subject when it names them), one row per group. The rows are always split
   * by {@link Dimension#SUBJECT} (added as the last key when not asked for), so a percentage never
   * mixes tickets' clocks with engagements' obligations.
   */
  public Uni<List<Row>> compliance(Filter filter, List<Dimension> asked, Instant now) {
    List<Dimension> groupBy = withSubject(asked);
    StringBuilder where = new StringBuilder(" where started_at >= :from and started_at < :to");
    filter.customer().ifPresent(c -> where.append(" and customer_id = :customer"));
    filter.plan().ifPresent(p -> where.append(" and plan = :plan"));
    filter.priority().ifPresent(p -> where.append(" and priority = :priority"));
    filter.clock().ifPresent(c -> where.append(" and clock = :clock"));
    filter.subject().ifPresent(k -> where.append(" and subject_kind = :subject"));
    StringJoiner keys = new StringJoiner(", ");
    groupBy.forEach(d -> keys.add(d.expression));
    String select = groupBy.isEmpty() ? "" : keys + ", ";
    String group = groupBy.isEmpty() ? "" : " group by " + keys + " order by " + keys;
    String sql =
        "select "
            + select
            + "count(*) filter (where s = 'met'), count(*) filter (where s = 'met_late'),"
            + " count(*) filter (where s = 'breached'), count(*) filter (where s = 'open'),"
            + " count(*) filter (where s = 'ended'),"
            + " percentile_cont(0.5) within group (order by used_ms)"
            + " filter (where clock = 'first_response' and s in ('met', 'met_late')),"
            + " percentile_cont(0.9) within group (order by used_ms)"
            + " filter (where clock = 'first_response' and s in ('met', 'met_late'))"
            + " from (select o.*, case when status = 'open' and due_at <= :now then 'breached'"
            + " else status end as s from clock_outcome o"
            + where
            + ") x"
            + group;
    int width = groupBy.size();
    return getSession()
        .flatMap(
            session -> {
              var query =
                  session
                      .createNativeQuery(sql, Object[].class)
                      .setParameter("from", utc(filter.from()))
                      .setParameter("to", utc(filter.to()))
                      .setParameter("now", utc(now));
              filter.customer().ifPresent(c -> query.setParameter("customer", c));
              filter.plan().ifPresent(p -> query.setParameter("plan", p));
              filter.priority().ifPresent(p -> query.setParameter("priority", p));
              filter.clock().ifPresent(c -> query.setParameter("clock", c));
              filter.subject().ifPresent(k -> query.setParameter("subject", k));
              return query.getResultList();
            })
        .map(
            rows -> {
              List<Row> result = new ArrayList<>();
              for (Object[] row : rows) {
                long met = ((Number) row[width]).longValue();
                long metLate = ((Number) row[width + 1]).longValue();
                long breached = ((Number) row[width + 2]).longValue();
                long open = ((Number) row[width + 3]).longValue();
                long ended = ((Number) row[width + 4]).longValue();
                if (width == 0 && met + metLate + breached + open + ended == 0) {
                  continue;
                }
                List<String> groupKeys = new ArrayList<>();
                for (int i = 0; i < width; i++) {
                  groupKeys.add(String.valueOf(row[i]));
                }
                result.add(
                    new Row(
                        groupKeys,
                        met,
                        metLate,
                        breached,
                        open,
                        ended,
                        millis(row[width + 5]),
                        millis(row[width + 6])));
              }
              return result;
            });
  }

  /** The dimensions asked for, then {@link Dimension#SUBJECT} unless asked for. */
  public static List<Dimension> withSubject(List<Dimension> asked) {
    if (asked.contains(Dimension.SUBJECT)) {
      return List.copyOf(asked);
    }
    List<Dimension> all = new ArrayList<>(asked);
    all.add(Dimension.SUBJECT);
    return List.copyOf(all);
  }

  private static Optional<Duration> millis(Object value) {
    return value == null
        ? Optional.empty()
        : Optional.of(Duration.ofMillis(Math.round(((Number) value).doubleValue())));
  }

  private static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}
