package io.slawatch.timer.schedule;

import io.slawatch.core.clock.CustomerHistory;
import io.slawatch.core.clock.Evaluation;
import io.slawatch.core.clock.SlaEngine;
import io.slawatch.core.event.TicketEvent;
import io.slawatch.core.report.Outcomes;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides which timers each ticket should have after its events changed: the engine replays every
 * stored event of the ticket (in any arrival order) on its customer's terms, and each alert it has
 * fired by now or will fire later becomes a pending timer that fires at the alert's instant (one
 * already due fires at once). Plain Java: what is read and written, and when, is the caller's.
 */
public final class TimerPlanner {
  private final SlaEngine engine;

  public TimerPlanner(SlaEngine engine) {
    this.engine = engine;
  }

  /**
   * The timers of these tickets from their stored events.
   *
   * @param tickets the tickets to reschedule; one without stored events keeps no timer
   * @param stored the stored events of each ticket that has any
   * @param terms the history of a ticket's customer (by the customer its events name, if any)
   * @param now the clock's instant
   * @param traces the trace context each ticket's timers continue (ticket id → traceparent)
   */
  public Reschedule reschedule(
      Collection<String> tickets,
      Map<String, List<TicketEvent>> stored,
      Function<Optional<String>, CustomerHistory> terms,
      Instant now,
      Map<String, String> traces) {
    return Replays.reschedule(
        tickets,
        stored,
        traces,
        (ticket, events) -> {
          Evaluation evaluation =
              engine.evaluate(events, terms.apply(Tickets.customer(events)), asOf(events, now));
          return new Replays.Replayed(
              evaluation.alerts(), evaluation.upcoming(), Outcomes.of(ticket, evaluation));
        });
  }

  /**
   * The instant a ticket is replayed as of: now, or its latest event when that is stamped slightly
   * ahead of our clock (skew), so that it still counts.
   */
  public static Instant asOf(List<TicketEvent> events, Instant now) {
    return events.stream().map(TicketEvent::occurredAt).reduce(now, (a, b) -> a.isAfter(b) ? a : b);
  }

  /** The customers whose histories a replay of these tickets needs. */
  public static Set<String> customers(Map<String, List<TicketEvent>> stored) {
    Set<String> customers = new LinkedHashSet<>();
    stored.values().forEach(events -> Tickets.customer(events).ifPresent(customers::add));
    return customers;
  }
}
