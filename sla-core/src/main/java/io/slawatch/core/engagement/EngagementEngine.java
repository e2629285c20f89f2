package io.slawatch.core.engagement;

import io.slawatch.core.calendar.BusinessCalendar;
import io.slawatch.core.calendar.CalendarDefinition;
import io.slawatch.core.customer.CustomerTerms;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  private BusinessCalendar calendar(CalendarDefinition definition) {
    synchronized (calendars) {
      return calendars.computeIfAbsent(definition, BusinessCalendar::of);
    }
  }
}
