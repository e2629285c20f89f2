package io.slawatch.core.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A calendar with opening hours. Its open time is built lazily one local year at a time into a
 * {@link YearTimeline} and cached, so operations cost a few binary searches per year crossed.
 */
final class ScheduledCalendar extends BusinessCalendar {
  /** A calendar that has no open time for this many years in a row is broken. */
  private static final int MAX_EMPTY_YEARS = 50;

  private final CalendarDefinition definition;
  private final HolidaySets holidaySets;
  private final Map<Integer, YearTimeline> years = new ConcurrentHashMap<>();
  private volatile YearTimeline last;

  ScheduledCalendar(CalendarDefinition definition, HolidaySets holidaySets) {
    this.definition = definition;
    this.holidaySets = holidaySets;
  }

  @Override
  public CalendarDefinition definition() {
    return definition;
  }

  @Override
  public boolean isBusinessDay(LocalDate date) {
    if (definition.alwaysOpen()) {
      return true;
    }
    return !hoursOn(date).isEmpty();
  }

  /** The hours starting on a date: its override, nothing on a holiday, else its weekday's. */
  List<OpeningHours> hoursOn(LocalDate date) {
    if (definition.alwaysOpen()) {
      return List.of(OpeningHours.allDay());
    }
    List<OpeningHours> override = definition.overrides().get(date);
    if (override != null) {
      return override;
    }
    return isHoliday(date) ? List.of() : definition.hoursOf(date.getDayOfWeek());
  }

  /** Whether the whole local day is governed by an override or a holiday. */
  boolean closesWholeDay(LocalDate date) {
    return definition.overrides().containsKey(date) || isHoliday(date);
  }

  private boolean isHoliday(LocalDate date) {
    if (definition.holidays().contains(date)
        || definition.annualHolidays().contains(MonthDay.from(date))) {
      return true;
    }
    for (String set : definition.holidaySets()) {
      if (holidaySets.holidays(set, date.getYear()).contains(date)) {
        return true;
      }
    }
    return false;
  }

  private YearTimeline year(int year) {
    YearTimeline cached = last;
    if (cached != null && cached.year == year) {
      return cached;
    }
    YearTimeline timeline = years.computeIfAbsent(year, y -> YearTimelineBuilder.build(this, y));
    last = timeline;
    return timeline;
  }

  private YearTimeline yearOf(long t) {
    YearTimeline cached = last;
    if (cached != null && t >= cached.windowStart && t < cached.windowEnd) {
      return cached;
    }
    int guess = LocalDate.ofEpochDay(Math.floorDiv(t, Nanos.PER_SECOND * 86_400)).getYear();
    YearTimeline timeline = year(guess);
    while (t < timeline.windowStart) {
      timeline = year(timeline.year - 1);
    }
    while (t >= timeline.windowEnd) {
      timeline = year(timeline.year + 1);
    }
    return timeline;
  }

  private YearTimeline step(YearTimeline from, int direction, int crossed) {
    if (crossed > MAX_EMPTY_YEARS) {
      throw new IllegalStateException(
          "calendar in "
              + definition.zone()
              + " has no open time for "
              + MAX_EMPTY_YEARS
              + " years");
    }
    return year(from.year + direction);
  }

  @Override
  long addOpen(long start, long duration) {
    if (duration == 0) {
      return nextOpening(start);
    }
    YearTimeline year = yearOf(start);
    long before = year.openBefore(start);
    for (int crossed = 0; ; crossed = year.total == 0 ? crossed + 1 : 0) {
      long wanted = before + duration;
      if (wanted <= year.total) {
        return year.earliestWithOpenBefore(wanted);
      }
      duration = wanted - year.total;
      year = step(year, 1, crossed);
      before = 0;
    }
  }

  @Override
  long subtractOpen(long end, long duration) {
    if (duration == 0) {
      return previousClosing(end);
    }
    YearTimeline year = yearOf(end);
    long before = year.openBefore(end);
    for (int crossed = 0; ; crossed = year.total == 0 ? crossed + 1 : 0) {
      long wanted = before - duration;
      if (wanted >= 0 && year.size() > 0) {
        return year.latestWithOpenBefore(wanted);
      }
      duration -= before;
      year = step(year, -1, crossed);
      before = year.total;
    }
  }

  @Override
  long openBetween(long start, long end) {
    if (end <= start) {
      return 0;
    }
    YearTimeline first = yearOf(start);
    if (end < first.windowEnd) {
      return first.openBefore(end) - first.openBefore(start);
    }
    long open = first.total - first.openBefore(start);
    YearTimeline year = year(first.year + 1);
    while (end >= year.windowEnd) {
      open += year.total;
      year = year(year.year + 1);
    }
    return open + year.openBefore(end);
  }

  /** {@code t} when open, else the last closing before it. */
  long previousClosing(long t) {
    YearTimeline year = yearOf(t);
    for (int crossed = 0; ; crossed = year.total == 0 ? crossed + 1 : 0) {
      long previous = year.previousClose(t);
      if (previous != Long.MIN_VALUE) {
        return previous;
      }
      year = step(year, -1, crossed);
      t = year.windowEnd;
    }
  }

  @Override
  long nextOpening(long t) {
    YearTimeline year = yearOf(t);
    for (int crossed = 0; ; crossed = year.total == 0 ? crossed + 1 : 0) {
      long next = year.nextOpen(t);
      if (next != Long.MIN_VALUE) {
        return next;
      }
      year = step(year, 1, crossed);
      t = year.windowStart;
    }
  }
}
