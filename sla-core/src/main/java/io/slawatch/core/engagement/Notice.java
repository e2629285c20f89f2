package io.slawatch.core.engagement;

import io.slawatch.core.calendar.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;

/**
 * "5 business days' notice", on the customer's business calendar, with "N business days" as it
 * means everywhere in slawatch ({@link BusinessCalendar#addBusinessDays}): a change made at {@code
 * c} gives enough notice for a session starting at {@code s} when the same local time on the 5th
 * business day after {@code c} (counted from the next opening when {@code c} is outside business
 * hours) is at or before {@code s}. Weekends, holidays and closed overrides are not business days.
 */
public final class Notice {
  /** How far back the deadline is searched: five business days never span more than this. */
  private static final Duration SEARCH = Duration.ofDays(3660);

  private Notice() {}

  /** Whether a change at {@code change} gives less notice than needed for {@code start}. */
  public static boolean late(BusinessCalendar calendar, Instant change, Instant start) {
    return calendar.addBusinessDays(change, Obligations.NOTICE_BUSINESS_DAYS).isAfter(start);
  }

  /**
   * The latest instant at which a change still gives enough notice for {@code start}: a change at
   * it is fine, one a nanosecond later is late. Found by bisection over {@link #late}, so it agrees
   * with the rule by construction.
   */
  public static Instant deadline(BusinessCalendar calendar, Instant start) {
    Instant ok = start.minus(SEARCH);
    Instant late = start;
    if (!late(calendar, late, start)) {
      return start; // only a calendar with no business day at all gets here
    }
    while (Duration.between(ok, late).toNanos() > 1) {
      Instant middle = ok.plusNanos(Duration.between(ok, late).toNanos() / 2);
      if (late(calendar, middle, start)) {
        late = middle;
      } else {
        ok = middle;
      }
    }
    return ok;
  }
}
