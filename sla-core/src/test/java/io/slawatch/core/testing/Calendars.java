package io.slawatch.core.testing;

import io.slawatch.core.calendar.BusinessCalendar;
import io.slawatch.core.calendar.CalendarDefinition;
import io.slawatch.core.calendar.HolidaySets;
import io.slawatch.core.calendar.OpeningHours;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Test-data builder for business calendars. */
public final class Calendars {
  private ZoneId zone = ZoneId.of("Europe/Paris");
  private final Map<DayOfWeek, List<OpeningHours>> week = new EnumMap<>(DayOfWeek.class);
  private final Set<LocalDate> holidays = new HashSet<>();
  private final Set<MonthDay> annual = new HashSet<>();
  private final Map<LocalDate, List<OpeningHours>> overrides = new LinkedHashMap<>();
  private final List<String> sets = new ArrayList<>();

  private Calendars() {}

  public static Calendars calendar() {
    return new Calendars();
  }

  /** Monday to Friday 09:00-17:00 in the zone. */
  public static Calendars officeHours(String zone) {
    return calendar().in(zone).weekdays("09:00", "17:00");
  }

  public static BusinessCalendar alwaysOpen(String zone) {
    return BusinessCalendar.of(CalendarDefinition.alwaysOpen(ZoneId.of(zone)));
  }

  public Calendars in(String zoneId) {
    this.zone = ZoneId.of(zoneId);
    return this;
  }

  /** The same intervals Monday to Friday: {@code weekdays("09:00","12:00","13:00","17:00")}. */
  public Calendars weekdays(String... bounds) {
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.getValue() <= 5) {
        on(day, bounds);
      }
    }
    return this;
  }

  public Calendars everyDay(String... bounds) {
    for (DayOfWeek day : DayOfWeek.values()) {
      on(day, bounds);
    }
    return this;
  }

  public Calendars on(DayOfWeek day, String... bounds) {
    week.put(day, pairs(bounds));
    return this;
  }

  public Calendars holiday(String date) {
    holidays.add(LocalDate.parse(date));
    return this;
  }

  public Calendars yearly(String monthDay) {
    annual.add(MonthDay.parse("--" + monthDay));
    return this;
  }

  public Calendars override(String date, String... bounds) {
    overrides.put(LocalDate.parse(date), pairs(bounds));
    return this;
  }

  public Calendars holidaySet(String name) {
    sets.add(name);
    return this;
  }

  public CalendarDefinition definition() {
    return new CalendarDefinition(zone, false, week, holidays, annual, overrides, sets, List.of());
  }

  public BusinessCalendar build() {
    return BusinessCalendar.of(definition(), HolidaySets.jollyday());
  }

  private static List<OpeningHours> pairs(String... bounds) {
    List<OpeningHours> hours = new ArrayList<>();
    for (int i = 0; i + 1 < bounds.length; i += 2) {
      hours.add(OpeningHours.of(bounds[i], bounds[i + 1]));
    }
    return hours;
  }
}
