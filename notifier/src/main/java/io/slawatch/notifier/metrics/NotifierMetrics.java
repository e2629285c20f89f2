package io.slawatch.notifier.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;

/**
 * {@code slawatch_notifications_total} (by channel and outcome: delivered, failed, skipped), {@code
 * slawatch_notification_delivery_seconds} (alert time to delivered), {@code
 * slawatch_escalation_level_reached_total} (by policy and level) and {@code
 * slawatch_notifications_dead_lettered_total}, {@code slawatch_notifier_unroutable_total} and
 * {@code slawatch_notifier_failures_total} (by stage). No alert or ticket id is a label.
 */
@ApplicationScoped
@Startup // registers the failure series at start, before any failure
public class NotifierMetrics {
  private final MeterRegistry registry;

  /** The stages {@link #failure(String)} counts. */
  public static final List<String> FAILURE_STAGES =
      List.of("alert_record", "alert_poll", "escalation_step", "dead_letter", "notification_group");

  NotifierMetrics(MeterRegistry registry) {
    this.registry = registry;
    // every stage's series exists from the start, so a rate over it is defined before a failure
    FAILURE_STAGES.forEach(stage -> failures(stage));
  }

  /**
   * {@code slawatch_notifier_failures_total{stage}}: failures of the alert consumer and the
   * escalation loop, each also logged with its stack trace. {@code alert_record}: a record of
   * {@code sla.alerts.v1} that is no alert (skipped); {@code alert_poll}: a poll of alerts that
   * could not be stored (not acknowledged); {@code escalation_step}: a claimed step that failed
   * (its batch is given up, its claims come back after the lease); {@code dead_letter}: a
   * notification given up that {@code sla.alerts.dlq.v1} did not take.
   */
  public void failure(String stage) {
    failures(stage).increment();
  }

  private Counter failures(String stage) {
    return Counter.builder("slawatch_notifier_failures")
        .description("Failures of the notifier's alert consumer and escalation loop, by stage")
        .tag("stage", stage)
        .register(registry);
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
