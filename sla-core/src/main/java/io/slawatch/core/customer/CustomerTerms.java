package io.slawatch.core.customer;

import io.slawatch.core.calendar.CalendarDefinition;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What the engine needs to know about a ticket's customer: its plan (unless the ticket names one)
 * and its business calendar (zone, hours, holidays), on which "business hours" are counted.
 *
 * @param known false for the default terms given to a customer the registry does not know: its
 *     tickets carry the {@value #UNKNOWN_CUSTOMER} flag
 */
public record CustomerTerms(String plan, CalendarDefinition businessCalendar, boolean known) {
  /** The flag on the alerts of a ticket whose customer is not in the registry. */
  public static final String UNKNOWN_CUSTOMER = "unknown_customer";

  public CustomerTerms {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(businessCalendar, "businessCalendar");
  }

  /** The terms of a known customer. */
  public CustomerTerms(String plan, CalendarDefinition businessCalendar) {
    this(plan, businessCalendar, true);
  }

  /** The default terms for a customer the registry does not know. */
  public static CustomerTerms unknown(String plan, ZoneId zone) {
    return new CustomerTerms(plan, CalendarDefinition.businessHours(zone), false);
  }

  /** The default business hours (09:00-17:00, Monday to Friday) in the customer's zone. */
  public static CustomerTerms of(String plan, ZoneId zone) {
    return new CustomerTerms(plan, CalendarDefinition.businessHours(zone));
  }
}
