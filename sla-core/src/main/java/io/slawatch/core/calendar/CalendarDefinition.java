package io.slawatch.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a business calendar says, as written in a plan, a customer record or the CLI: a zone, the
 * opening hours of each weekday, closed days, per-date overrides, public-holiday sets and closures
 * from an iCalendar file. {@code alwaysOpen} is the {@code preset: 24x7} calendar.
 *
 * <p>Rules: holidays and overrides act on whole local days. An override replaces the hours of its
 * date ({@code []} closes it) and wins over a holiday on the same date. Intervals running past
 * midnight stop at the start of a following closed or overridden day.
 */
public record CalendarDefinition(
    ZoneId zone,
    boolean alwaysOpen,
    Map<DayOfWeek, List<OpeningHours>> week,
    Set<LocalDate> holidays,
    Set<MonthDay> annualHolidays,
    Map<LocalDate, List<OpeningHours>> overrides,
    List<String> holidaySets,
    List<TimeSpan> closures) {

  public CalendarDefinition {
    Objects.requireNonNull(zone, "zone");
    EnumMap<DayOfWeek, List<OpeningHours>> days = new EnumMap<>(DayOfWeek.class);
    week.forEach((day, hours) -> days.put(day, List.copyOf(hours)));
    week = java.util.Collections.unmodifiableMap(days);
    holidays = java.util.Collections.unmodifiableSet(new TreeSet<>(holidays));
    annualHolidays = java.util.Collections.unmodifiableSet(new TreeSet<>(annualHolidays));
    TreeMap<LocalDate, List<OpeningHours>> dates = new TreeMap<>();
    overrides.forEach((date, hours) -> dates.put(date, List.copyOf(hours)));
    overrides = java.util.Collections.unmodifiableMap(dates);
    holidaySets = List.copyOf(holidaySets);
    closures = TimeSpan.normalize(closures);
  }

  /** {@code preset: 24x7}. */
  public static CalendarDefinition alwaysOpen(ZoneId zone) {
    return new CalendarDefinition(
        zone, true, Map.of(), Set.of(), Set.of(), Map.of(), List.of(), List.of());
  }

  /** The default business hours: 09:00-17:00, Monday to Friday, in the zone. */
  public static CalendarDefinition businessHours(ZoneId zone) {
    return weekdays(zone, OpeningHours.of("09:00", "17:00"));
  }

  /** The same hours Monday to Friday. */
  public static CalendarDefinition weekdays(ZoneId zone, OpeningHours... hours) {
    Map<DayOfWeek, List<OpeningHours>> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
        week.put(day, List.of(hours));
      }
    }
    return new CalendarDefinition(
        zone, false, week, Set.of(), Set.of(), Map.of(), List.of(), List.of());
  }

  public CalendarDefinition withZone(ZoneId newZone) {
    return new CalendarDefinition(
        newZone, alwaysOpen, week, holidays, annualHolidays, overrides, holidaySets, closures);
  }

  public CalendarDefinition withHolidays(Set<LocalDate> dates, Set<MonthDay> annual) {
    return new CalendarDefinition(
        zone, alwaysOpen, week, dates, annual, overrides, holidaySets, closures);
  }

  public CalendarDefinition withOverrides(Map<LocalDate, List<OpeningHours>> dates) {
    return new CalendarDefinition(
        zone, alwaysOpen, week, holidays, annualHolidays, dates, holidaySets, closures);
  }

  public CalendarDefinition withHolidaySets(List<String> sets) {
    return new CalendarDefinition(
        zone, alwaysOpen, week, holidays, annualHolidays, overrides, sets, closures);
  }

  public CalendarDefinition withClosures(List<TimeSpan> spans) {
    return new CalendarDefinition(
        zone, alwaysOpen, week, holidays, annualHolidays, overrides, holidaySets, spans);
  }

  /**
   * The same business days (weekdays with hours, holidays, closed overrides) open {@code from} to
   * {@code to} on each of them: "12 h on business days" is 08:00-20:00, "24 h on business days"
   * 00:00-24:00. An always-open calendar gives those hours on every day.
   */
  public CalendarDefinition onBusinessDays(LocalTime from, String to) {
    OpeningHours hours = OpeningHours.of(from.toString(), to);
    Map<DayOfWeek, List<OpeningHours>> newWeek = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      if (alwaysOpen || !week.getOrDefault(day, List.of()).isEmpty()) {
        newWeek.put(day, List.of(hours));
      }
    }
    Map<LocalDate, List<OpeningHours>> newOverrides = new LinkedHashMap<>();
    overrides.forEach(
        (date, h) -> newOverrides.put(date, h.isEmpty() ? List.of() : List.of(hours)));
    return new CalendarDefinition(
        zone, false, newWeek, holidays, annualHolidays, newOverrides, holidaySets, closures);
  }

  public List<OpeningHours> hoursOf(DayOfWeek day) {
    return week.getOrDefault(day, List.of());
  }
}
