package io.slawatch.core.clock;

import io.slawatch.core.calendar.CalendarDefinition;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What the engine needs to know about a ticket's customer: its plan (unless the ticket names one)
 * and its business calendar (zone, hours, holidays), on which "business hours" are counted.
 */
public record CustomerTerms(String plan, CalendarDefinition businessCalendar) {
  public CustomerTerms {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(businessCalendar, "businessCalendar");
  }

  /** The default business hours (09:00-17:00, Monday to Friday) in the customer's zone. */
  public static CustomerTerms of(String plan, ZoneId zone) {
    return new CustomerTerms(plan, CalendarDefinition.businessHours(zone));
  }
}
