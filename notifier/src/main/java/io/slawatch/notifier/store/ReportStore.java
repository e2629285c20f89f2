package io.slawatch.notifier.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The {@code customer_report} table: who sends which customer's report of which period, and what
 * became of it (the reports' audit). Lease times are the database's, so instances agree on them.
 */
@ApplicationScoped
public class ReportStore {
  private final Pool pool;

  ReportStore(Pool pool) {
    this.pool = pool;
  }

  /**
   * Claims the report of {@code customer} for {@code period} for this instance: a new row, or one
   * whose lease ran out while it was being sent (its instance died, or its last attempt failed and
   * its retry is due), up to {@code maxAttempts} attempts. Empty when another instance has it, it
   * was sent, or it was given up.
   *
   * @return the attempt this claim is (1 for the first)
   */
  public Uni<Optional<Integer>> claim(
      String customer,
      String period,
      Instant from,
      Instant to,
      String instance,
      Duration lease,
      String messageId,
      Optional<String> requestedBy,
      int maxAttempts) {
    return pool.preparedQuery(
            "insert into customer_report as r (customer_id, period, period_from, period_to, state,"
                + " claimed_by, lease_until, attempts, message_id, requested_by)"
                + " values ($1, $2, $3, $4, 'sending', $5,"
                + " now() + make_interval(secs => $6), 1, $7, $8)"
                + " on conflict (customer_id, period) do update set claimed_by = excluded.claimed_by,"
                + " lease_until = excluded.lease_until, attempts = r.attempts + 1"
                + " where r.state = 'sending' and r.lease_until < now() and r.attempts < $9"
                + " returning attempts")
        .execute(
            Tuple.from(
                new Object[] {
                  customer,
                  period,
                  utc(from),
                  utc(to),
                  instance,
                  lease.toMillis() / 1000.0,
                  messageId,
                  requestedBy.orElse(null),
                  maxAttempts
                }))
        .map(
            rows ->
                rows.size() == 0
                    ? Optional.empty()
                    : Optional.of(rows.iterator().next().getInteger(0)));
  }

  /** Records the report sent, if this instance still holds its claim. */
  public Uni<Boolean> sent(
      String customer, String period, String instance, List<String> recipients) {
    return pool.preparedQuery(
            "update customer_report set state = 'sent', sent_at = now(), recipients = $4,"
                + " last_error = null where customer_id = $1 and period = $2 and claimed_by = $3"
                + " and state = 'sending'")
        .execute(Tuple.of(customer, period, instance, (Object) recipients.toArray(String[]::new)))
        .map(rows -> rows.rowCount() == 1);
  }

  /**
   * Records a failed attempt: retried by whichever instance claims it after {@code retryAfter},
   * given up ({@code failed}) after {@code maxAttempts}.
   */
  public Uni<Void> failed(
      String customer,
      String period,
      String instance,
      String error,
      Duration retryAfter,
      int maxAttempts) {
    return pool.preparedQuery(
            "update customer_report set last_error = $4,"
                + " lease_until = now() + make_interval(secs => $5),"
                + " state = case when attempts >= $6 then 'failed' else 'sending' end"
                + " where customer_id = $1 and period = $2 and claimed_by = $3"
                + " and state = 'sending'")
        .execute(
            Tuple.from(
                new Object[] {
                  customer,
                  period,
                  instance,
                  error.length() > 2000 ? error.substring(0, 2000) : error,
                  retryAfter.toMillis() / 1000.0,
                  maxAttempts
                }))
        .replaceWithVoid();
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
