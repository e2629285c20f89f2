package io.slawatch.core.calendar;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.Year;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link HolidaySets} from Jollyday: {@code FR} is France's public holidays, {@code DE-BY} those of
 * Bavaria ({@code country-region[-subregion]}, case-insensitive). Results are cached per set and
 * year.
 */
final class JollydayHolidaySets implements HolidaySets {
  static final JollydayHolidaySets INSTANCE = new JollydayHolidaySets();

  private final Map<String, Set<LocalDate>> cache = new ConcurrentHashMap<>();

  private JollydayHolidaySets() {}

  @Override
  public Set<LocalDate> holidays(String set, int year) {
    return cache.computeIfAbsent(
        set.toUpperCase(Locale.ROOT) + "/" + year, key -> compute(set, year));
  }

  @Override
  public boolean isKnown(String set) {
    String[] parts = split(set);
    if (!HolidayManager.getSupportedCalendarCodes().contains(parts[0].toUpperCase(Locale.ROOT))) {
      return false;
    }
    if (parts.length == 1) {
      return true;
    }
    var hierarchy = manager(parts[0]).getCalendarHierarchy();
    for (int i = 1; i < parts.length; i++) {
      hierarchy = hierarchy.getChildren().get(parts[i]);
      if (hierarchy == null) {
        return false;
      }
    }
    return true;
  }

  private static Set<LocalDate> compute(String set, int year) {
    String[] parts = split(set);
    String[] regions = Arrays.copyOfRange(parts, 1, parts.length);
    Set<LocalDate> dates = new HashSet<>();
    for (Holiday holiday :
        manager(parts[0]).getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY, regions)) {
      dates.add(holiday.getActualDate());
    }
    return Set.copyOf(dates);
  }

  private static HolidayManager manager(String country) {
    return HolidayManager.getInstance(ManagerParameters.create(country));
  }

  private static String[] split(String set) {
    return set.trim().toLowerCase(Locale.ROOT).split("-");
  }
}
