package io.slawatch.core.calendar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** A half-open span of real time {@code [from, to)}: a pause, or a closure from an iCalendar. */
public record TimeSpan(Instant from, Instant to) {
  public TimeSpan {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("span ends before it starts: " + from + " .. " + to);
    }
  }

  public boolean contains(Instant t) {
    return !t.isBefore(from) && t.isBefore(to);
  }

  /** Sorted by start, overlapping or touching spans merged, empty spans dropped. */
  public static List<TimeSpan> normalize(List<TimeSpan> spans) {
    List<TimeSpan> sorted = new ArrayList<>(spans);
    sorted.removeIf(s -> !s.to.isAfter(s.from));
    sorted.sort(Comparator.comparing(TimeSpan::from));
    List<TimeSpan> merged = new ArrayList<>(sorted.size());
    for (TimeSpan span : sorted) {
      if (!merged.isEmpty() && !span.from.isAfter(merged.getLast().to)) {
        TimeSpan last = merged.removeLast();
        merged.add(new TimeSpan(last.from, last.to.isAfter(span.to) ? last.to : span.to));
      } else {
        merged.add(span);
      }
    }
    return List.copyOf(merged);
  }
}
