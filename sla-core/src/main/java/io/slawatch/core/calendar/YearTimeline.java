package io.slawatch.core.calendar;

/**
 * The open intervals of one local year of a calendar, as sorted, disjoint {@code [start, end)}
 * nanosecond pairs with prefix sums of open time, so that every query is a binary search: the cost
 * of an operation does not depend on the duration.
 */
final class YearTimeline {
  final int year;
  final long windowStart;
  final long windowEnd;
  private final long[] starts;
  private final long[] ends;
  private final long[] openBefore;
  final long total;

  YearTimeline(int year, long windowStart, long windowEnd, long[] starts, long[] ends) {
    this.year = year;
    this.windowStart = windowStart;
    this.windowEnd = windowEnd;
    this.starts = starts;
    this.ends = ends;
    this.openBefore = new long[starts.length];
    long sum = 0;
    for (int i = 0; i < starts.length; i++) {
      openBefore[i] = sum;
      sum += ends[i] - starts[i];
    }
    this.total = sum;
  }

  int size() {
    return starts.length;
  }

  /** The last interval starting at or before {@code t}, or -1. */
  private int lastStartingAtOrBefore(long t) {
    int lo = 0;
    int hi = starts.length - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (starts[mid] <= t) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  /** Open time in {@code [windowStart, t)}. */
  long openBefore(long t) {
    int i = lastStartingAtOrBefore(t);
    if (i < 0) {
      return 0;
    }
    return openBefore[i] + Math.min(t, ends[i]) - starts[i];
  }

  /**
   * The earliest instant with {@code open} nanoseconds before it, for {@code 0 < open <= total}.
   */
  long earliestWithOpenBefore(long open) {
    int lo = 0;
    int hi = starts.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (openBefore[mid] + ends[mid] - starts[mid] >= open) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return starts[lo] + (open - openBefore[lo]);
  }

  /** The latest instant with {@code open} nanoseconds before it, for {@code 0 <= open < total}. */
  long latestWithOpenBefore(long open) {
    int lo = 0;
    int hi = starts.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (openBefore[mid] <= open) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return starts[lo] + (open - openBefore[lo]);
  }

  /**
   * {@code t} if open, else the last closing at or before it in this year, else {@code
   * Long.MIN_VALUE}.
   */
  long previousClose(long t) {
    int i = lastStartingAtOrBefore(t);
    if (i >= 0 && t < ends[i]) {
      return t;
    }
    if (i >= 0) {
      return ends[i];
    }
    return Long.MIN_VALUE;
  }

  /**
   * {@code t} if open, else the next opening in this year, else -1... as {@code Long.MIN_VALUE}.
   */
  long nextOpen(long t) {
    int i = lastStartingAtOrBefore(t);
    if (i >= 0 && t < ends[i]) {
      return t;
    }
    return i + 1 < starts.length ? starts[i + 1] : Long.MIN_VALUE;
  }
}
