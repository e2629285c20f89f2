package io.slawatch.core.calendar;

import java.time.LocalDate;

/** {@code preset: 24x7}: always open; business time is real time and every day a business day. */
final class AlwaysOpenCalendar extends BusinessCalendar {
  private final CalendarDefinition definition;

  AlwaysOpenCalendar(CalendarDefinition definition) {
    this.definition = definition;
  }

  @Override
  public CalendarDefinition definition() {
    return definition;
  }

  @Override
  public boolean isBusinessDay(LocalDate date) {
    return true;
  }

  @Override
  long addOpen(long start, long duration) {
    return Math.addExact(start, duration);
  }

  @Override
  long subtractOpen(long end, long duration) {
    return Math.subtractExact(end, duration);
  }

  @Override
  long openBetween(long start, long end) {
    return Math.max(0, end - start);
  }

  @Override
  long nextOpening(long t) {
    return t;
  }
}
