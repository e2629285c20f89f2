package io.slawatch.core.calendar;

/**
 * The calendar operations with paused spans excluded. Pauses are sorted, disjoint {@code [from,
 * to)} pairs flattened into one array; the cost grows with the number of pauses, never with the
 * duration.
 */
final class Paused {
  private Paused() {}

  static long elapsed(BusinessCalendar calendar, long start, long end, long[] pauses) {
    if (end <= start) {
      return 0;
    }
    long open = calendar.openBetween(start, end);
    for (int i = 0; i < pauses.length; i += 2) {
      long from = Math.max(start, pauses[i]);
      long to = Math.min(end, pauses[i + 1]);
      if (from < to) {
        open -= calendar.openBetween(from, to);
      }
    }
    return open;
  }

  static long add(BusinessCalendar calendar, long start, long duration, long[] pauses) {
    if (duration == 0) {
      return nextOpen(calendar, start, pauses);
    }
    long at = start;
    long left = duration;
    for (int i = 0; i < pauses.length; i += 2) {
      long from = pauses[i];
      long to = pauses[i + 1];
      if (to <= at) {
        continue;
      }
      if (from <= at) {
        at = to;
        continue;
      }
      long available = calendar.openBetween(at, from);
      if (left <= available) {
        return calendar.addOpen(at, left);
      }
      left -= available;
      at = to;
    }
    return calendar.addOpen(at, left);
  }

  static long subtract(BusinessCalendar calendar, long end, long duration, long[] pauses) {
    if (duration == 0) {
      return calendar.subtractOpen(end, 0);
    }
    long at = end;
    long left = duration;
    for (int i = pauses.length - 2; i >= 0; i -= 2) {
      long from = pauses[i];
      long to = pauses[i + 1];
      if (from >= at) {
        continue;
      }
      if (to >= at) {
        at = from;
        continue;
      }
      long available = calendar.openBetween(to, at);
      if (left <= available) {
        return calendar.subtractOpen(at, left);
      }
      left -= available;
      at = from;
    }
    return calendar.subtractOpen(at, left);
  }

  static long nextOpen(BusinessCalendar calendar, long t, long[] pauses) {
    long at = calendar.nextOpening(t);
    for (int i = 0; i < pauses.length; i += 2) {
      if (pauses[i + 1] <= at) {
        continue;
      }
      if (pauses[i] <= at) {
        at = calendar.nextOpening(pauses[i + 1]);
      } else {
        break;
      }
    }
    return at;
  }
}
