package io.slawatch.core.plan;

import io.slawatch.core.calendar.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;

/** A clock's target, counted on the clock's calendar. */
public sealed interface Target {
  /** The target as business time for a clock starting at {@code start} on {@code calendar}. */
  Duration businessTime(BusinessCalendar calendar, Instant start);

  /**
   * The deadline when {@code left} business time remains at {@code since}: the earliest instant the
   * time is used up (a closing instant counts); for business days the same local time as the next
   * opening, so a deadline that falls on a closing time moves to the next opening.
   */
  default Instant due(BusinessCalendar calendar, Instant since, Duration left) {
    return calendar.add(since, left);
  }

  /** N hours/minutes of open time on the clock's calendar (real time on 24x7). */
  record BusinessTime(Duration duration) implements Target {
    public BusinessTime {
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException("a target must be positive: " + duration);
      }
    }

    @Override
    public Duration businessTime(BusinessCalendar calendar, Instant start) {
      return duration;
    }

    @Override
    public String toString() {
      return Targets.format(duration);
    }
  }

  /** Due at the same local time on the Nth following business day. */
  record BusinessDays(int days) implements Target {
    public BusinessDays {
      if (days < 1) {
        throw new IllegalArgumentException("business days must be at least 1: " + days);
      }
    }

    @Override
    public Duration businessTime(BusinessCalendar calendar, Instant start) {
      return calendar.elapsed(start, calendar.addBusinessDays(start, days));
    }

    @Override
    public Instant due(BusinessCalendar calendar, Instant since, Duration left) {
      return calendar.nextOpen(calendar.add(since, left));
    }

    @Override
    public String toString() {
      return days + (days == 1 ? " business day" : " business days");
    }
  }
}
