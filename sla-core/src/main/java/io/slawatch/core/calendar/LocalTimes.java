package io.slawatch.core.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Local wall-clock times turned into real instants, with slawatch's DST rules. */
public final class LocalTimes {
  private LocalTimes() {}

  /**
   * The instant of a local date and time in a zone (support-plans.md section 5): a local time that
   * does not exist (in a DST gap) moves later by the gap's length, as java.time resolves it (02:30
   * in a one-hour gap at 02:00 is 03:30 in the new offset); an ambiguous one (in a DST overlap)
   * takes the earlier offset, i.e. the earlier instant.
   */
  public static java.time.Instant resolve(LocalDate date, LocalTime time, ZoneId zone) {
    return ZonedDateTime.ofLocal(date.atTime(time), zone, null).toInstant();
  }

  /** The first instant of a local day. */
  public static java.time.Instant startOfDay(LocalDate date, ZoneId zone) {
    return resolve(date, LocalTime.MIDNIGHT, zone);
  }
}
