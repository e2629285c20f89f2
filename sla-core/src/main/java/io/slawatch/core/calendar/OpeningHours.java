package io.slawatch.core.calendar;

import java.time.LocalTime;
import java.util.Objects;

/**
 * One local opening interval of a day. An end of {@code 24:00}, or an end at or before the start,
 * runs past midnight into the next day.
 */
public record OpeningHours(LocalTime start, LocalTime end, boolean endsNextDay) {
  public OpeningHours {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!endsNextDay && !end.isAfter(start)) {
      throw new IllegalArgumentException("an interval ending at or before its start ends next day");
    }
  }

  /** From {@code HH:MM} texts as written in a calendar ({@code "24:00"} allowed as an end). */
  public static OpeningHours of(String start, String end) {
    LocalTime from = LocalTime.parse(start);
    if (end.equals("24:00")) {
      return new OpeningHours(from, LocalTime.MIDNIGHT, true);
    }
    LocalTime to = LocalTime.parse(end);
    return new OpeningHours(from, to, !to.isAfter(from));
  }

  public static OpeningHours allDay() {
    return new OpeningHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, true);
  }

  /** The end as written: {@code 24:00} for midnight of the next day. */
  public String endText() {
    return endsNextDay && end.equals(LocalTime.MIDNIGHT) ? "24:00" : end.toString();
  }

  @Override
  public String toString() {
    return start + "-" + endText();
  }
}
