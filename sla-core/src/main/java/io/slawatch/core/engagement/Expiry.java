package io.slawatch.core.engagement;

import io.slawatch.core.calendar.LocalTimes;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * "Expire one year after purchase", in the customer's zone: the same local date and time one year
 * later. A purchase on 29 February expires on 28 February of the next year (the year is never
 * stretched into March); a local time that falls in a DST gap that day moves later by the gap, an
 * ambiguous one takes the earlier instant ({@link LocalTimes#resolve}). So "one year" is 365 or 366
 * days of calendar, give or take the DST hour, never a fixed number of seconds.
 */
public final class Expiry {
  private Expiry() {}

  /** When services purchased at {@code purchasedAt} expire. */
  public static Instant of(Instant purchasedAt, ZoneId zone) {
    LocalDateTime bought = LocalDateTime.ofInstant(purchasedAt, zone);
    LocalDateTime expires = bought.plusYears(1);
    return LocalTimes.resolve(expires.toLocalDate(), expires.toLocalTime(), zone);
  }

  /**
   * The warning {@code days} calendar days before expiry: the same local time on the date that many
   * days earlier (DST as in {@link #of}), so "7 days before" is a week on the wall clock, not 168
   * h.
   */
  public static Instant warning(Instant expiresAt, int days, ZoneId zone) {
    LocalDateTime expires = LocalDateTime.ofInstant(expiresAt, zone);
    LocalDateTime at = expires.minusDays(days);
    return LocalTimes.resolve(at.toLocalDate(), at.toLocalTime(), zone);
  }
}
