package io.slawatch.core.calendar;

import java.time.Duration;
import java.time.Instant;

/**
 * Instants and durations as {@code long} nanoseconds since the epoch, the calendars' working unit
 * (years 1677 to 2262 are representable, far beyond any SLA).
 */
final class Nanos {
  static final long PER_SECOND = 1_000_000_000L;

  private Nanos() {}

  static long of(Instant instant) {
    try {
      return Math.addExact(
          Math.multiplyExact(instant.getEpochSecond(), PER_SECOND), instant.getNano());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "instant out of the supported range (1678..2261): " + instant);
    }
  }

  static long of(Duration duration) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("duration too long: " + duration);
    }
  }

  static Instant instant(long nanos) {
    return Instant.ofEpochSecond(
        Math.floorDiv(nanos, PER_SECOND), Math.floorMod(nanos, PER_SECOND));
  }

  static Duration duration(long nanos) {
    return Duration.ofNanos(nanos);
  }
}
