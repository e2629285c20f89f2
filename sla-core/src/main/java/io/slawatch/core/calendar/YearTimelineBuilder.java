package io.slawatch.core.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns one local year of a calendar definition into real instants: each day's local intervals (an
 * interval belongs to the day it starts on), cut where a closed or overridden day begins, merged,
 * minus the timed closures, clipped to the year.
 */
final class YearTimelineBuilder {
  private YearTimelineBuilder() {}

  static YearTimeline build(ScheduledCalendar calendar, int year) {
    CalendarDefinition definition = calendar.definition();
    ZoneId zone = definition.zone();
    long windowStart = Nanos.of(LocalTimes.startOfDay(LocalDate.of(year, 1, 1), zone));
    long windowEnd = Nanos.of(LocalTimes.startOfDay(LocalDate.of(year + 1, 1, 1), zone));

    List<long[]> spans = new ArrayList<>(800);
    LocalDate last = LocalDate.of(year, 12, 31);
    for (LocalDate day = LocalDate.of(year - 1, 12, 31);
        !day.isAfter(last);
        day = day.plusDays(1)) {
      for (OpeningHours hours : calendar.hoursOn(day)) {
        long from = Nanos.of(LocalTimes.resolve(day, hours.start(), zone));
        LocalDate endDay = hours.endsNextDay() ? day.plusDays(1) : day;
        long to = Nanos.of(LocalTimes.resolve(endDay, hours.end(), zone));
        if (hours.endsNextDay() && calendar.closesWholeDay(endDay)) {
          to = Math.min(to, Nanos.of(LocalTimes.startOfDay(endDay, zone)));
        }
        if (to > from) {
          spans.add(new long[] {from, to});
        }
      }
    }
    spans.sort((a, b) -> Long.compare(a[0], b[0]));
    List<long[]> merged = merge(spans);
    merged = subtractClosures(merged, definition.closures());

    long[] starts = new long[merged.size()];
    long[] ends = new long[merged.size()];
    int n = 0;
    for (long[] span : merged) {
      long from = Math.max(span[0], windowStart);
      long to = Math.min(span[1], windowEnd);
      if (to > from) {
        starts[n] = from;
        ends[n] = to;
        n++;
      }
    }
    return new YearTimeline(
        year, windowStart, windowEnd, Arrays.copyOf(starts, n), Arrays.copyOf(ends, n));
  }

  private static List<long[]> merge(List<long[]> sorted) {
    List<long[]> merged = new ArrayList<>(sorted.size());
    for (long[] span : sorted) {
      if (!merged.isEmpty() && span[0] <= merged.getLast()[1]) {
        long[] previous = merged.getLast();
        previous[1] = Math.max(previous[1], span[1]);
      } else {
        merged.add(span);
      }
    }
    return merged;
  }

  private static List<long[]> subtractClosures(List<long[]> open, List<TimeSpan> closures) {
    if (closures.isEmpty()) {
      return open;
    }
    List<long[]> result = new ArrayList<>(open.size());
    for (long[] span : open) {
      long from = span[0];
      long to = span[1];
      for (TimeSpan closure : closures) {
        long closedFrom = Nanos.of(closure.from());
        long closedTo = Nanos.of(closure.to());
        if (closedTo <= from || closedFrom >= to) {
          continue;
        }
        if (closedFrom > from) {
          result.add(new long[] {from, closedFrom});
        }
        from = Math.max(from, closedTo);
        if (from >= to) {
          break;
        }
      }
      if (from < to) {
        result.add(new long[] {from, to});
      }
    }
    return result;
  }
}
