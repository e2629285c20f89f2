package io.slawatch.core.plan;

import io.slawatch.core.calendar.CalendarDefinition;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which calendar a clock runs on, relative to the customer's business calendar (which carries the
 * customer's zone, hours and holidays).
 */
public sealed interface Coverage {
  /** The calendar for a customer whose business calendar is {@code customer}. */
  CalendarDefinition resolve(CalendarDefinition customer);

  /** {@code 24x7}: always open, in the customer's zone. */
  record AlwaysOpen() implements Coverage {
    @Override
    public CalendarDefinition resolve(CalendarDefinition customer) {
      return CalendarDefinition.alwaysOpen(customer.zone());
    }

    @Override
    public String toString() {
      return "24x7";
    }
  }

  /** {@code business_hours}: the customer's own business calendar. */
  record BusinessHours() implements Coverage {
    @Override
    public CalendarDefinition resolve(CalendarDefinition customer) {
      return customer;
    }

    @Override
    public String toString() {
      return "business_hours";
    }
  }

  /**
   * {@code business_days 08:00-20:00}: open those hours on each of the customer's business days
   * ("12 h on business days"); {@code 00:00-24:00} is "24 h on business days".
   */
  record BusinessDayHours(LocalTime from, String to) implements Coverage {
    @Override
    public CalendarDefinition resolve(CalendarDefinition customer) {
      return customer.onBusinessDays(from, to);
    }

    @Override
    public String toString() {
      return "business_days " + from + "-" + to;
    }
  }

  Pattern DAY_HOURS =
      Pattern.compile(
          "business_days ((?:[01]\\d|2[0-3]):[0-5]\\d)-((?:[01]\\d|2[0-3]):[0-5]\\d|24:00)");

  /** Parses {@code 24x7}, {@code business_hours} or {@code business_days HH:MM-HH:MM}. */
  static java.util.Optional<Coverage> parse(String text) {
    String t = text.trim();
    if (t.equals("24x7")) {
      return java.util.Optional.of(new AlwaysOpen());
    }
    if (t.equals("business_hours")) {
      return java.util.Optional.of(new BusinessHours());
    }
    Matcher m = DAY_HOURS.matcher(t);
    if (m.matches()) {
      return java.util.Optional.of(new BusinessDayHours(LocalTime.parse(m.group(1)), m.group(2)));
    }
    return java.util.Optional.empty();
  }
}
