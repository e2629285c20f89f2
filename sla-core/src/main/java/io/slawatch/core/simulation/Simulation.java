package io.slawatch.core.simulation;

import io.slawatch.core.alert.SlaAlert;
import io.slawatch.core.clock.SlaEngine;
import io.slawatch.core.customer.CustomerTerms;
import io.slawatch.core.engagement.BookingViolation;
import io.slawatch.core.engagement.EngagementEngine;
import io.slawatch.core.engagement.EngagementEvent;
import io.slawatch.core.engagement.EngagementId;
import io.slawatch.core.event.TicketEvent;
import io.slawatch.core.plan.PlanCatalog;
import io.slawatch.core.ticket.TicketId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The simulator, behind both {@code slawatch simulate} and {@code POST /api/v1/simulate}: ticket
 * events of any tickets, in any order, replayed for one customer's terms (plan and business
 * calendar); out come every alert the engine would emit up to {@code until}, ordered by firing
 * instant (then by alert id). Without {@code until}, the simulation runs to 30 days after the
 * latest event. Engagement events (Jamf's services policy) may be replayed beside them, on the same
 * customer's terms: their alerts come out in the same stream, as the pipeline carries them. Pure:
 * no I/O, no wall clock.
 */
public final class Simulation {
  /** How far past the latest event a simulation runs when no end is given. */
  public static final Duration DEFAULT_HORIZON = Duration.ofDays(30);

  /**
   * What a simulation emitted, and the instant it ran to.
   *
   * @param refused engagement events the replay refused (a remote booking not in whole 4-hour
   *     blocks), each naming its field; always empty for ticket events
   */
  public record Result(Instant until, List<SlaAlert> alerts, List<BookingViolation> refused) {
    public Result {
      Objects.requireNonNull(until, "until");
      alerts = List.copyOf(alerts);
      refused = List.copyOf(refused);
    }

    /** A result without refused events. */
    public Result(Instant until, List<SlaAlert> alerts) {
      this(until, alerts, List.of());
    }
  }

  private static final Comparator<SlaAlert> FIRING_ORDER =
      Comparator.comparing(SlaAlert::firedAt).thenComparing(SlaAlert::id);

  private final SlaEngine engine;
  private final EngagementEngine engagements = new EngagementEngine();

  /** A simulation on the engine the caller already has (and its cached calendars). */
  public Simulation(SlaEngine engine) {
    this.engine = Objects.requireNonNull(engine, "engine");
  }

  /** A simulation over these plans (a ticket naming its own plan finds it here). */
  public Simulation(PlanCatalog plans) {
    this(new SlaEngine(plans));
  }

  /**
   * Replays {@code events} (at least one) for a customer with these terms, up to {@code until},
   * else {@link #DEFAULT_HORIZON} after the latest event.
   */
  public Result run(CustomerTerms customer, List<TicketEvent> events, Optional<Instant> until) {
    Objects.requireNonNull(customer, "customer");
    if (events.isEmpty()) {
      throw new IllegalArgumentException("a simulation replays at least one ticket event");
    }
    Instant end = until.orElseGet(() -> defaultUntil(events));
    Map<TicketId, List<TicketEvent>> byTicket = new LinkedHashMap<>();
    for (TicketEvent event : events) {
      byTicket.computeIfAbsent(event.ticket(), t -> new ArrayList<>()).add(event);
    }
    List<SlaAlert> alerts = new ArrayList<>();
    for (List<TicketEvent> ticket : byTicket.values()) {
      alerts.addAll(engine.evaluate(ticket, customer, end).alerts());
    }
    alerts.sort(FIRING_ORDER);
    return new Result(end, alerts);
  }

  /**
   * Replays ticket events and engagement events (at least one event in all) for a customer with
   * these terms, up to {@code until}, else {@link #DEFAULT_HORIZON} after the latest event of
   * either kind. The alerts of both come out in one stream, ordered by firing instant then id.
   */
  public Result run(
      CustomerTerms customer,
      List<TicketEvent> tickets,
      List<EngagementEvent> engagementEvents,
      Optional<Instant> until) {
    Objects.requireNonNull(customer, "customer");
    if (tickets.isEmpty() && engagementEvents.isEmpty()) {
      throw new IllegalArgumentException("a simulation replays at least one event");
    }
    Instant end =
        until.orElseGet(
            () ->
                java.util.stream.Stream.concat(
                        tickets.stream().map(TicketEvent::occurredAt),
                        engagementEvents.stream().map(EngagementEvent::occurredAt))
                    .max(Comparator.naturalOrder())
                    .orElseThrow()
                    .plus(DEFAULT_HORIZON));
    List<SlaAlert> alerts = new ArrayList<>();
    if (!tickets.isEmpty()) {
      alerts.addAll(run(customer, tickets, Optional.of(end)).alerts());
    }
    Map<EngagementId, List<EngagementEvent>> byEngagement = new LinkedHashMap<>();
    for (EngagementEvent event : engagementEvents) {
      byEngagement.computeIfAbsent(event.engagement(), e -> new ArrayList<>()).add(event);
    }
    List<BookingViolation> refused = new ArrayList<>();
    for (List<EngagementEvent> engagement : byEngagement.values()) {
      var evaluation = engagements.evaluate(engagement, customer, end);
      alerts.addAll(evaluation.alerts());
      refused.addAll(evaluation.violations());
    }
    alerts.sort(FIRING_ORDER);
    return new Result(end, alerts, refused);
  }

  /** {@link #DEFAULT_HORIZON} after the latest of these (non-empty) events. */
  public static Instant defaultUntil(List<TicketEvent> events) {
    return events.stream()
        .map(TicketEvent::occurredAt)
        .max(Comparator.naturalOrder())
        .orElseThrow(() -> new IllegalArgumentException("no events"))
        .plus(DEFAULT_HORIZON);
  }
}
