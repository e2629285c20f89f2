package io.slawatch.timer.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.slawatch.timer.outcome.SlaOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/**
 * What the firing loop measures as alerts go out: {@code slawatch_sla_outcomes_total} (met or
 * breached, by plan, priority and clock), {@code slawatch_timer_firing_lateness_seconds} and {@code
 * slawatch_first_response_seconds}. No ticket id is ever a label.
 */
@ApplicationScoped
public class TimerMetrics {
  private static final double[] RESPONSE_BUCKETS_SECONDS = {
    60, 300, 900, 1800, 3600, 7200, 10800, 14400, 21600, 28800, 43200, 86400, 172800
  };

  private final MeterRegistry registry;
  private final Timer lateness;
  private final Counter replayFailures;
  private final Counter deadLettered;
  private final Counter gaugeFailures;

  TimerMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.deadLettered =
        Counter.builder("slawatch_timer_dead_lettered")
            .description("Records of ticket.events.v1 that were not valid events (dead-lettered)")
            .register(registry);
    this.gaugeFailures =
        Counter.builder("slawatch_timer_state_refresh_failures")
            .description("Refreshes of the timer gauges that failed (see the log)")
            .register(registry);
    consumeFailures(TICKET_EVENTS);
    this.replayFailures =
        Counter.builder("slawatch_timer_replay_failures")
            .description("Tickets the engine could not replay (kept their timers; see the log)")
            .register(registry);
    this.lateness =
        Timer.builder("slawatch_timer_firing_lateness")
            .description("How late an alert was published after its firing instant")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofMinutes(10))
            .register(registry);
  }

  /** A record of ticket.events.v1 that was not a valid event, sent to ticket.events.dlq.v1. */
  public void deadLettered() {
    deadLettered.increment();
  }

  /** The channel of {@code ticket.events.v1}. */
  public static final String TICKET_EVENTS = "ticket-events";

  private Counter consumeFailures(String channel) {
    return Counter.builder("slawatch_timer_consume_failures")
        .description(
            "Consumed messages (polls) that could not be applied and were not acknowledged")
        .tag("channel", channel)
        .register(registry);
  }

  /** What a channel consumed could not be applied (it was not acknowledged; see the log). */
  public void consumeFailed(String channel) {
    consumeFailures(channel).increment();
  }

  /** The timer gauges could not be read from the store (they keep their last values). */
  public void gaugeRefreshFailed() {
    gaugeFailures.increment();
  }

  /** A ticket the engine could not replay (its timers were kept as they were). */
  public void replayFailed() {
    replayFailures.increment();
  }

  /** What the firing loop knows of a timer it published (its columns, no payload parsing). */
  public record Fired(
      String kind, String plan, String priority, String clock, Optional<Duration> elapsed) {}

  /**
   * An alert of an engagement's obligation published ({@code slawatch_engagement_alerts_total}, by
   * clock: {@code expiry}, {@code forfeit_risk}, {@code late_notice}, {@code no_show}; and alert
   * type). The engagement id is never a label.
   */
  public void engagementAlerted(String clock, String kind) {
    Counter.builder("slawatch_engagement_alerts")
        .description("Alerts of engagement obligations published, by clock and alert type")
        .tag("clock", clock)
        .tag("type", kind)
        .register(registry)
        .increment();
  }

  /** An alert published {@code late} (see {@link SlaOutcome#lateness}) after its instant. */
  public void fired(Fired alert, Duration late) {
    lateness.record(late);
    SlaOutcome.of(alert.kind(), alert.clock(), alert.elapsed())
        .ifPresent(
            outcome -> {
              Counter.builder("slawatch_sla_outcomes")
                  .description("Commitments met or breached")
                  .tag("plan", alert.plan())
                  .tag("priority", alert.priority())
                  .tag("clock", alert.clock())
                  .tag("outcome", outcome.label())
                  .register(registry)
                  .increment();
              outcome
                  .firstResponse()
                  .ifPresent(
                      elapsed ->
                          DistributionSummary.builder("slawatch_first_response_seconds")
                              .description("Business time to the first response, when met")
                              .baseUnit("seconds")
                              .serviceLevelObjectives(RESPONSE_BUCKETS_SECONDS)
                              .tag("plan", alert.plan())
                              .tag("priority", alert.priority())
                              .register(registry)
                              .record(elapsed.toMillis() / 1000.0));
            });
  }
}
