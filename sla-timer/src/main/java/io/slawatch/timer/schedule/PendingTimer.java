package io.slawatch.timer.schedule;

import io.slawatch.core.alert.SlaAlert;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A row of the {@code timer} table as the scheduler wants it: the alert it publishes when due (its
 * payload), when that is ({@code fireAt}), and the columns the firing loop, the gauges and the
 * at-risk API read instead of parsing the payload.
 *
 * @param traceparent the W3C trace context the alert continues (empty: keep the timer's own)
 */
public record PendingTimer(
    String alertId,
    String ticket,
    Instant fireAt,
    String kind,
    String customer,
    String plan,
    String priority,
    String clock,
    Instant due,
    Optional<Duration> elapsed,
    Optional<String> traceparent,
    SlaAlert alert) {

  /** The timer that publishes this alert at its firing instant. */
  public static PendingTimer of(SlaAlert alert, Optional<String> traceparent) {
    return new PendingTimer(
        alert.id(),
        alert.ticket().value(),
        alert.firedAt(),
        alert.kind().type(),
        alert.customer().value(),
        alert.plan(),
        alert.priority().name(),
        alert.clock().wireName(),
        alert.due(),
        alert.elapsed(),
        traceparent,
        alert);
  }
}
