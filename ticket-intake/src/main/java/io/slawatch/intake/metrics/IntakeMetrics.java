package io.slawatch.intake.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.slawatch.contract.json.Violation;
import io.slawatch.core.engagement.EngagementEvent;
import io.slawatch.core.event.TicketEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * {@code slawatch_intake_events_total{source,type,outcome}}, {@code
 * slawatch_intake_rejections_total{reason}} and {@code slawatch_intake_failures_total{operation}}.
 * Labels stay low-cardinality: no ticket or event id.
 */
@ApplicationScoped
public class IntakeMetrics {
  /** Storing and publishing ticket events failed (PostgreSQL or Kafka away): nothing was kept. */
  public static final String ACCEPT = "accept";

  /** Storing and publishing a customer record failed: nothing was kept. */
  public static final String SAVE_CUSTOMER = "save_customer";

  /** An invalid inbound record could not be sent to the dead-letter topic (it is retried). */
  public static final String DEAD_LETTER = "dead_letter";

  private final MeterRegistry registry;

  IntakeMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** A valid engagement event, stored and published ({@code duplicate}: it had been before). */
  public void accepted(EngagementEvent event, boolean duplicate) {
    events(event.eventId().source(), event.type(), duplicate ? "duplicate" : "accepted")
        .increment();
  }

  /** A valid event, stored and published ({@code duplicate}: it had been before). */
  public void accepted(TicketEvent event, boolean duplicate) {
    events(event.eventId().source(), event.type(), duplicate ? "duplicate" : "accepted")
        .increment();
  }

  /** A rejected event; the reason is the first offending field (e.g. {@code data.priority}). */
  public void rejected(String source, List<Violation> violations) {
    events(source, "unknown", "rejected").increment();
    String reason = violations.isEmpty() ? "unknown" : violations.getFirst().field();
    Counter.builder("slawatch_intake_rejections")
        .description("Ticket events refused, by the first offending field")
        .tag("reason", reason.isEmpty() ? "body" : reason)
        .register(registry)
        .increment();
  }

  /**
   * A failure of infrastructure ({@link #ACCEPT}, {@link #SAVE_CUSTOMER}, {@link #DEAD_LETTER}).
   */
  public void failed(String operation) {
    Counter.builder("slawatch_intake_failures")
        .description("Operations that failed on PostgreSQL or Kafka, by operation")
        .tag("operation", operation)
        .register(registry)
        .increment();
  }

  private Counter events(String source, String type, String outcome) {
    return Counter.builder("slawatch_intake_events")
        .description("Ticket events received, by source, type and outcome")
        .tag("source", source)
        .tag("type", type)
        .tag("outcome", outcome)
        .register(registry);
  }
}
