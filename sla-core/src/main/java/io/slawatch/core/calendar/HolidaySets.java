package io.slawatch.core.calendar;

import java.time.LocalDate;
import java.util.Set;

/** Public holidays of a country or region ({@code FR}, {@code DE-BY}, {@code US-NY}) per year. */
public interface HolidaySets {
  /** The whole days closed in that year. */
  Set<LocalDate> holidays(String set, int year);

  /** Whether a set name is known; readers reject unknown names. */
  boolean isKnown(String set);

  /** The holiday sets shipped with Jollyday (official public holidays only). */
  static HolidaySets jollyday() {
    return JollydayHolidaySets.INSTANCE;
  }
}
