package io.slawatch.intake.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.slawatch.contract.json.Violation;
import io.slawatch.core.event.TicketEvent;
import io.slawatch.intake.publish.EventLog;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;

/**
 * {@code slawatch_intake_events_total{source,type,outcome}} and {@code
 * slawatch_intake_rejections_total{reason}}. Labels stay low-cardinality: no ticket or event id.
 */
@ApplicationScoped
public class IntakeMetrics {
  private final MeterRegistry registry;

  IntakeMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void accepted(TicketEvent event, EventLog.Acceptance acceptance) {
    events(event.eventId().source(), event.type(), acceptance.name().toLowerCase(Locale.ROOT))
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

  private Counter events(String source, String type, String outcome) {
    return Counter.builder("slawatch_intake_events")
        .description("Ticket events received, by source, type and outcome")
        .tag("source", source)
        .tag("type", type)
        .tag("outcome", outcome)
        .register(registry);
  }
}
