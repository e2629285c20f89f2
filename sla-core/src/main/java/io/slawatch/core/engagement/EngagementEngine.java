package io.slawatch.core.engagement;

import io.slawatch.core.calendar.BusinessCalendar;
import io.slawatch.core.calendar.CalendarDefinition;
import io.slawatch.core.customer.CustomerTerms;
import io.slawatch.core.event.EventId;
import io.slawatch.core.ticket.CustomerId;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engagement engine: a pure, deterministic function from one engagement's events (in any
 * arrival order, redeliveries included), its customer's terms (plan name for the alerts, business
 * calendar for notice and zone for expiry) and an instant to its state, obligations and alerts.
 * Nothing here reads the wall clock. Business calendars are built once per definition and kept (the
 * {@value #CALENDARS_KEPT} most recently used). Safe for concurrent use.
 */
public final class EngagementEngine {
  static final int CALENDARS_KEPT = 256;

  private final Map<CalendarDefinition, BusinessCalendar> calendars =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<CalendarDefinition, BusinessCalendar> e) {
          return size() > CALENDARS_KEPT;
        }
      };

  /**
   * Every alert up to {@code asOf}, what comes next, the obligations and the timeline. The events
   * must all be about one engagement.
   *
   * @throws IllegalArgumentException for events of more than one engagement
   */
  public EngagementEvaluation evaluate(
      List<EngagementEvent> events, CustomerTerms customer, Instant asOf) {
    long subjects = events.stream().map(EngagementEvent::engagement).distinct().count();
    if (subjects > 1) {
      throw new IllegalArgumentException("events of " + subjects + " engagements; give one");
    }
    return new EngagementReplay(customer, calendar(customer.businessCalendar())).run(events, asOf);
  }

  /**
   * The customer an engagement's events name (its earliest {@code engagement.purchased}), so the
   * caller can look up that customer's terms before evaluating.
   */
  public static Optional<CustomerId> customer(List<EngagementEvent> events) {
    return events.stream()
        .filter(EngagementEvent.Purchased.class::isInstance)
        .map(EngagementEvent.Purchased.class::cast)
        .min(
            Comparator.comparing(EngagementEvent::occurredAt)
                .thenComparing(EngagementEvent::eventId, EventId.ORDER))
        .map(EngagementEvent.Purchased::customer);
  }

  private BusinessCalendar calendar(CalendarDefinition definition) {
    synchronized (calendars) {
      return calendars.computeIfAbsent(definition, BusinessCalendar::of);
    }
  }
}
