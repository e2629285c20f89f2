package io.slawatch.core.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * A business calendar: when a clock may consume time. Durations are real elapsed time while open (a
 * DST day open 00:00-24:00 holds 23 or 25 hours). Every operation may exclude paused spans.
 *
 * <ul>
 *   <li>{@link #add}: the earliest instant at which {@code duration} of open time has passed since
 *       {@code start} (a deadline landing on a closing time is that closing instant; a start
 *       outside hours counts from the next opening, so adding zero there is the next opening);
 *   <li>{@link #subtract}: the latest instant from which {@code duration} of open time reaches
 *       {@code end} (subtracting zero from an instant outside hours is the previous closing);
 *   <li>{@link #elapsed}: the open time in {@code [start, end)}, zero when {@code end <= start};
 *   <li>{@link #nextOpen}: {@code t} when open, else the next opening.
 * </ul>
 *
 * The cost of each operation is independent of the duration: the calendar moves year table by year
 * table with binary searches, never minute by minute.
 */
public abstract sealed class BusinessCalendar permits AlwaysOpenCalendar, ScheduledCalendar {

  /** The calendar for a definition; holiday sets are read from Jollyday. */
  public static BusinessCalendar of(CalendarDefinition definition) {
    return of(definition, HolidaySets.jollyday());
  }

  public static BusinessCalendar of(CalendarDefinition definition, HolidaySets holidaySets) {
    return definition.alwaysOpen() && definition.closures().isEmpty()
        ? new AlwaysOpenCalendar(definition)
        : new ScheduledCalendar(definition, holidaySets);
  }

  public abstract CalendarDefinition definition();

  public ZoneId zone() {
    return definition().zone();
  }

  /** Whether the date has any opening (the "business days" of "N business days"). */
  public abstract boolean isBusinessDay(LocalDate date);

  // the raw operations, in epoch nanoseconds, without pauses
  abstract long addOpen(long start, long duration);

  abstract long subtractOpen(long end, long duration);

  abstract long openBetween(long start, long end);

  abstract long nextOpening(long t);

  public final boolean isOpen(Instant t) {
    long at = Nanos.of(t);
    return nextOpening(at) == at;
  }

  public final Instant add(Instant start, Duration duration) {
    return add(start, duration, List.of());
  }

  public final Instant add(Instant start, Duration duration, List<TimeSpan> pauses) {
    return Nanos.instant(Paused.add(this, Nanos.of(start), positive(duration), spans(pauses)));
  }

  public final Instant subtract(Instant end, Duration duration) {
    return subtract(end, duration, List.of());
  }

  public final Instant subtract(Instant end, Duration duration, List<TimeSpan> pauses) {
    return Nanos.instant(Paused.subtract(this, Nanos.of(end), positive(duration), spans(pauses)));
  }

  public final Duration elapsed(Instant start, Instant end) {
    return elapsed(start, end, List.of());
  }

  public final Duration elapsed(Instant start, Instant end, List<TimeSpan> pauses) {
    return Nanos.duration(Paused.elapsed(this, Nanos.of(start), Nanos.of(end), spans(pauses)));
  }

  public final Instant nextOpen(Instant t) {
    return nextOpen(t, List.of());
  }

  public final Instant nextOpen(Instant t, List<TimeSpan> pauses) {
    return Nanos.instant(Paused.nextOpen(this, Nanos.of(t), spans(pauses)));
  }

  /**
   * "N business days": the same local time on the Nth following business day, counted from the next
   * opening when {@code start} is outside business hours. Zero days is that opening.
   */
  public final Instant addBusinessDays(Instant start, int days) {
    if (days < 0) {
      throw new IllegalArgumentException("business days must not be negative: " + days);
    }
    Instant from = nextOpen(start);
    LocalDateTime local = LocalDateTime.ofInstant(from, zone());
    LocalDate date = local.toLocalDate();
    for (int counted = 0, guard = 0; counted < days; guard++) {
      if (guard > 3660) {
        throw new IllegalStateException("no business day within ten years after " + date);
      }
      date = date.plusDays(1);
      if (isBusinessDay(date)) {
        counted++;
      }
    }
    return LocalTimes.resolve(date, local.toLocalTime(), zone());
  }

  private static long positive(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative: " + duration);
    }
    return Nanos.of(duration);
  }

  private static long[] spans(List<TimeSpan> pauses) {
    List<TimeSpan> merged = TimeSpan.normalize(pauses);
    long[] flat = new long[merged.size() * 2];
    for (int i = 0; i < merged.size(); i++) {
      flat[2 * i] = Nanos.of(merged.get(i).from());
      flat[2 * i + 1] = Nanos.of(merged.get(i).to());
    }
    return flat;
  }

  @Override
  public final boolean equals(Object other) {
    return other instanceof BusinessCalendar calendar && calendar.definition().equals(definition());
  }

  @Override
  public final int hashCode() {
    return definition().hashCode();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + definition().zone() + "]";
  }
}
