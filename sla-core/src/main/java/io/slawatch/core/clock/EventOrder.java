package io.slawatch.core.clock;

import io.slawatch.core.event.EventId;
import io.slawatch.core.event.TicketEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts a ticket's events in occurrence order, whatever order they arrived in: duplicates (same
 * source and id) once, then by time, then a fixed order of types at the same instant, then id.
 * Events before the ticket's creation are placed at its creation. A milestone comes last at its
 * instant, so a clock that a status change starts can stop on a milestone of the same submit.
 */
final class EventOrder {
  private EventOrder() {}

  static List<TicketEvent> of(List<TicketEvent> events) {
    Map<EventId, TicketEvent> unique = new LinkedHashMap<>();
    for (TicketEvent event : events) {
      unique.merge(
          event.eventId(), event, (a, b) -> a.occurredAt().isAfter(b.occurredAt()) ? b : a);
    }
    Optional<Instant> created =
        unique.values().stream()
            .filter(TicketEvent.Created.class::isInstance)
            .map(TicketEvent::occurredAt)
            .min(Comparator.naturalOrder());
    List<TicketEvent> sorted = new ArrayList<>(unique.values());
    sorted.sort(
        Comparator.comparing((TicketEvent e) -> placed(e, created))
            .thenComparingInt(EventOrder::rank)
            .thenComparing(TicketEvent::eventId, EventId.ORDER));
    return sorted;
  }

  static Instant placed(TicketEvent event, Optional<Instant> created) {
    return created.filter(c -> c.isAfter(event.occurredAt())).orElse(event.occurredAt());
  }

  private static int rank(TicketEvent event) {
    return switch (event) {
      case TicketEvent.Created c -> 0;
      case TicketEvent.PlanChanged p -> 1;
      case TicketEvent.PriorityChanged p -> 2;
      case TicketEvent.CustomerReplied c -> 3;
      case TicketEvent.AgentReplied a -> 4;
      case TicketEvent.StatusChanged s -> 5;
      case TicketEvent.Milestone m -> 6;
    };
  }
}
