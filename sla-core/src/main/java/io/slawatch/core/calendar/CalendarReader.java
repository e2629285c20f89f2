package io.slawatch.core.calendar;

import io.slawatch.core.config.ConfigException;
import io.slawatch.core.config.Tree;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the calendar structure (the same in plan files, customer records and the CLI):
 *
 * <pre>
 * zone: Europe/Paris
 * week: {MON: [["09:00", "17:00"]], TUE: [["09:00", "12:00"], ["13:00", "17:00"]]}
 * holidays: ["2026-12-25", "05-01"]
 * overrides: {"2026-12-24": [["09:00", "12:00"]]}
 * holiday_sets: ["FR"]
 * ical: holidays.ics
 * </pre>
 *
 * or {@code preset: 24x7} (or {@code preset: business_hours}) with a zone. Every mistake names its
 * field and line.
 */
public final class CalendarReader {
  private static final Set<String> FIELDS =
      Set.of("zone", "preset", "week", "holidays", "overrides", "holiday_sets", "ical");
  private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d)?");
  private static final Pattern MONTH_DAY = Pattern.compile("\\d\\d-\\d\\d");

  private final HolidaySets holidaySets;
  private final Path baseDirectory;

  public CalendarReader(HolidaySets holidaySets, Path baseDirectory) {
    this.holidaySets = holidaySets;
    this.baseDirectory = baseDirectory;
  }

  /** Reads with Jollyday's holiday sets, iCalendar paths relative to {@code baseDirectory}. */
  public static CalendarReader relativeTo(Path baseDirectory) {
    return new CalendarReader(HolidaySets.jollyday(), baseDirectory);
  }

  public CalendarDefinition read(Tree tree) {
    Tree.Mapping fields = tree.asMapping().allowOnly(FIELDS);
    ZoneId zone = zone(fields.require("zone"));
    if (fields.get("preset").isPresent()) {
      return preset(fields, zone);
    }
    Map<DayOfWeek, List<OpeningHours>> week = week(fields.require("week"));
    Set<LocalDate> dates = new HashSet<>();
    Set<MonthDay> annual = new HashSet<>();
    fields.get("holidays").ifPresent(list -> holidays(list, dates, annual));
    Map<LocalDate, List<OpeningHours>> overrides = new LinkedHashMap<>();
    fields.get("overrides").ifPresent(map -> overrides(map, overrides));
    List<String> sets = fields.get("holiday_sets").map(this::holidaySets).orElse(List.of());
    List<TimeSpan> closures = new ArrayList<>();
    if (fields.get("ical").isPresent()) {
      Tree ical = fields.get("ical").get();
      IcalClosures.Closures read = IcalClosures.read(icalPath(ical), zone, ical.path());
      dates.addAll(read.dates());
      closures.addAll(read.spans());
    }
    CalendarDefinition definition =
        new CalendarDefinition(zone, false, week, dates, annual, overrides, sets, closures);
    requireOpenEveryYear(definition, tree);
    return definition;
  }

  /** The years a calendar must open in at least once (a never-open calendar has no deadlines). */
  static final int FIRST_CHECKED_YEAR = 2025;

  static final int LAST_CHECKED_YEAR = 2035;

  private void requireOpenEveryYear(CalendarDefinition definition, Tree tree) {
    BusinessCalendar calendar = BusinessCalendar.of(definition, holidaySets);
    for (int year = FIRST_CHECKED_YEAR; year <= LAST_CHECKED_YEAR; year++) {
      LocalDate day = LocalDate.of(year, 1, 1);
      while (day.getYear() == year && !calendar.isBusinessDay(day)) {
        day = day.plusDays(1);
      }
      if (day.getYear() != year) {
        throw new ConfigException(
            tree.path(),
            tree.line(),
            "the calendar is never open in "
                + year
                + ": holidays and overrides close every day (a calendar must open at least once"
                + " a year)");
      }
    }
  }

  private static CalendarDefinition preset(Tree.Mapping fields, ZoneId zone) {
    Tree preset = fields.get("preset").get();
    if (fields.fields().size() > 2) {
      throw preset.error("a preset takes only a zone");
    }
    return switch (preset.text()) {
      case "24x7" -> CalendarDefinition.alwaysOpen(zone);
      case "business_hours" -> CalendarDefinition.businessHours(zone);
      default ->
          throw preset.error("unknown preset \"" + preset.text() + "\" (24x7, business_hours)");
    };
  }

  public static ZoneId zone(Tree tree) {
    try {
      return ZoneId.of(tree.text().trim());
    } catch (DateTimeException e) {
      throw tree.error("\"" + tree.text() + "\" is not an IANA time zone (e.g. Europe/Paris)");
    }
  }

  private static Map<DayOfWeek, List<OpeningHours>> week(Tree tree) {
    Map<DayOfWeek, List<OpeningHours>> week = new EnumMap<>(DayOfWeek.class);
    for (Map.Entry<String, Tree> day : tree.asMapping().fields().entrySet()) {
      week.put(dayOfWeek(day.getKey(), day.getValue()), intervals(day.getValue()));
    }
    if (week.values().stream().allMatch(List::isEmpty)) {
      throw tree.error("no opening hours on any day (use preset: 24x7 for always open)");
    }
    return week;
  }

  private static DayOfWeek dayOfWeek(String name, Tree at) {
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.name().substring(0, 3).equals(name.toUpperCase(Locale.ROOT))) {
        return day;
      }
    }
    throw at.error("not a weekday (MON, TUE, WED, THU, FRI, SAT, SUN)");
  }

  /** A list of {@code [start, end]} pairs. */
  public static List<OpeningHours> intervals(Tree tree) {
    List<OpeningHours> hours = new ArrayList<>();
    for (Tree pair : tree.asSequence().items()) {
      List<Tree> ends = pair.asSequence().items();
      if (ends.size() != 2) {
        throw pair.error("an interval is a pair [\"HH:MM\", \"HH:MM\"]");
      }
      String start = time(ends.get(0), false);
      String end = time(ends.get(1), true);
      hours.add(OpeningHours.of(start, end));
    }
    return hours;
  }

  private static String time(Tree tree, boolean end) {
    String text = tree.text().trim();
    if (end && text.equals("24:00")) {
      return text;
    }
    if (!TIME.matcher(text).matches()) {
      throw tree.error(
          "\"" + text + "\" is not a time (HH:MM" + (end ? ", or 24:00 for midnight" : "") + ")");
    }
    return LocalTime.parse(text).toString();
  }

  private static void holidays(Tree tree, Set<LocalDate> dates, Set<MonthDay> annual) {
    for (Tree item : tree.asSequence().items()) {
      String text = item.text().trim();
      try {
        if (MONTH_DAY.matcher(text).matches()) {
          annual.add(MonthDay.parse("--" + text));
        } else {
          dates.add(LocalDate.parse(text));
        }
      } catch (DateTimeParseException e) {
        throw item.error("\"" + text + "\" is not a date (YYYY-MM-DD) or a yearly day (MM-DD)");
      }
    }
  }

  private static void overrides(Tree tree, Map<LocalDate, List<OpeningHours>> overrides) {
    for (Map.Entry<String, Tree> entry : tree.asMapping().fields().entrySet()) {
      LocalDate date;
      try {
        date = LocalDate.parse(entry.getKey().trim());
      } catch (DateTimeParseException e) {
        throw entry.getValue().error("\"" + entry.getKey() + "\" is not a date (YYYY-MM-DD)");
      }
      overrides.put(date, intervals(entry.getValue()));
    }
  }

  private List<String> holidaySets(Tree tree) {
    List<String> sets = new ArrayList<>();
    for (Tree item : tree.asSequence().items()) {
      String name = item.text().trim();
      if (!holidaySets.isKnown(name)) {
        throw item.error(
            "unknown holiday set \"" + name + "\" (a country or region code such as FR or DE-BY)");
      }
      sets.add(name.toUpperCase(Locale.ROOT));
    }
    return sets;
  }

  private Path icalPath(Tree tree) {
    Path path = Path.of(tree.text().trim());
    Path resolved = path.isAbsolute() ? path : baseDirectory.resolve(path);
    if (!java.nio.file.Files.isReadable(resolved)) {
      throw new ConfigException(tree.path(), tree.line(), "cannot read iCalendar file " + resolved);
    }
    return resolved;
  }
}
