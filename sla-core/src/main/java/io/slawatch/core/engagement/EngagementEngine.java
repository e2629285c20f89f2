package io.slawatch.core.engagement;

import io.slawatch.core.calendar.BusinessCalendar;
import io.slawatch.core.calendar.CalendarDefinition;
import io.slawatch.core.clock.CustomerHistory;
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
 * arrival order, redeliveries included), its customer's terms over time (plan name for the alerts,
 * business calendar for notice and zone for expiry; a change of the customer record applies from
 * its instant on, never back-dated) and an instant to its state, obligations and alerts. Nothing
 * here reads the wall clock. Business calendars are built once per definition and kept (the {@value
 * #CALENDARS_KEPT} most recently used). Safe for concurrent use.
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
    return evaluate(events, CustomerHistory.of(customer), asOf);
  }

  /**
   * {@link #evaluate(List, CustomerTerms, Instant)} for a customer whose record changed over time:
   * the engagement starts on the version in force at its purchase (the first version known applies
   * from the start), and each later version applies from its instant on. What was decided before a
   * change stays as it was decided: the expiry and its warnings are fixed at the purchase (zone in
   * force then), a notice is judged on the business calendar in force when the booking was moved or
   * cancelled, an alert carries the plan in force when it fires and an obligation counts under the
   * plan in force when it began.
   *
   * @throws IllegalArgumentException for events of more than one engagement
   */
  public EngagementEvaluation evaluate(
      List<EngagementEvent> events, CustomerHistory customer, Instant asOf) {
    long subjects = events.stream().map(EngagementEvent::engagement).distinct().count();
    if (subjects > 1) {
      throw new IllegalArgumentException("events of " + subjects + " engagements; give one");
    }
    return new EngagementReplay(customer, this::calendar).run(events, asOf);
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
