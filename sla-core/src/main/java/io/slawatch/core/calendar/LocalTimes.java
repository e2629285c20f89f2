package io.slawatch.core.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.List;

/** Local wall-clock times turned into real instants, with slawatch's DST rules. */
public final class LocalTimes {
  private LocalTimes() {}

  /**
   * The instant of a local date and time in a zone: a local time that does not exist (in a DST gap)
   * moves forward to the first valid instant (the end of the gap); an ambiguous one (in a DST
   * overlap) takes the earlier offset, i.e. the earlier instant.
   */
  public static java.time.Instant resolve(LocalDate date, LocalTime time, ZoneId zone) {
    LocalDateTime local = date.atTime(time);
    ZoneRules rules = zone.getRules();
    List<ZoneOffset> offsets = rules.getValidOffsets(local);
    if (offsets.isEmpty()) {
      return rules.getTransition(local).getInstant();
    }
    return local.toInstant(offsets.getFirst());
  }

  /** The first instant of a local day. */
  public static java.time.Instant startOfDay(LocalDate date, ZoneId zone) {
    return resolve(date, LocalTime.MIDNIGHT, zone);
  }
}
