package io.slawatch.notifier.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * {@code slawatch_notifications_total} (by channel and outcome: delivered, failed, skipped), {@code
 * slawatch_notification_delivery_seconds} (alert time to delivered), {@code
 * slawatch_escalation_level_reached_total} (by policy and level) and {@code
 * slawatch_notifications_dead_lettered_total} and {@code slawatch_notifier_unroutable_total}. No
 * alert or ticket id is a label.
 */
@ApplicationScoped
public class NotifierMetrics {
  private final MeterRegistry registry;

  NotifierMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void outcome(String channel, String outcome) {
    Counter.builder("slawatch_notifications")
        .description("Alert notifications by channel and outcome")
        .tag("channel", channel)
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  public void delivered(String channel, Duration sinceAlert) {
    outcome(channel, "delivered");
    Timer.builder("slawatch_notification_delivery")
        .description("From the alert's firing instant to its delivery")
        .tag("channel", channel)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofHours(1))
        .register(registry)
        .record(sinceAlert.isNegative() ? Duration.ZERO : sinceAlert);
  }

  public void deadLettered(String channel) {
    Counter.builder("slawatch_notifications_dead_lettered")
        .description("Notifications given up after their retries, sent to sla.alerts.dlq.v1")
        .tag("channel", channel)
        .register(registry)
        .increment();
  }

  public void levelReached(String policy, int level) {
    Counter.builder("slawatch_escalation_level_reached")
        .description("Escalation steps run, by policy and level")
        .tag("policy", policy)
        .tag("level", Integer.toString(level))
        .register(registry)
        .increment();
  }

  /**
   * {@code slawatch_notifier_unroutable_total}: an alert no policy matched ({@code policy=""},
   * {@code reason="no_policy"}) or a step none of whose targets could take it ({@code reason}: why
   * they could not, e.g. {@code off_duty}, {@code us_persons_only}).
   */
  public void unroutable(String policy, String reason) {
    Counter.builder("slawatch_notifier_unroutable")
        .description(
            "Alerts or escalation steps no target could take (sent to a fallback, waiting, or not sent)")
        .tag("policy", policy)
        .tag("reason", reason)
        .register(registry)
        .increment();
  }
}
