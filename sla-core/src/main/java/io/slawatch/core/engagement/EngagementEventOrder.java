package io.slawatch.core.engagement;

import io.slawatch.core.event.EventId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts an engagement's events in occurrence order, whatever order they arrived in: duplicates (same
 * source and id) once, then by time, then the order of {@link EngagementEvent#TYPES} at the same
 * instant, then id. Events before the purchase is recorded are placed at it.
 */
final class EngagementEventOrder {
  private EngagementEventOrder() {}

  static List<EngagementEvent> of(List<EngagementEvent> events) {
    Map<EventId, EngagementEvent> unique = new LinkedHashMap<>();
    for (EngagementEvent event : events) {
      unique.merge(
          event.eventId(), event, (a, b) -> a.occurredAt().isAfter(b.occurredAt()) ? b : a);
    }
    Optional<Instant> purchase = purchase(unique.values());
    List<EngagementEvent> sorted = new ArrayList<>(unique.values());
    sorted.sort(
        Comparator.comparing((EngagementEvent e) -> placed(e, purchase))
            .thenComparingInt(e -> EngagementEvent.TYPES.indexOf(e.type()))
            .thenComparing(EngagementEvent::eventId, EventId.ORDER));
    return sorted;
  }

  /** When the (first) purchase was recorded. */
  static Optional<Instant> purchase(java.util.Collection<EngagementEvent> events) {
    return events.stream()
        .filter(EngagementEvent.Purchased.class::isInstance)
        .map(EngagementEvent::occurredAt)
        .min(Comparator.naturalOrder());
  }

  static Instant placed(EngagementEvent event, Optional<Instant> purchase) {
    return purchase.filter(p -> p.isAfter(event.occurredAt())).orElse(event.occurredAt());
  }
}
