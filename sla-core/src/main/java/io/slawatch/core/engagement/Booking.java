package io.slawatch.core.engagement;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A session on the calendar: its start, its length, and its number among the engagement's bookings
 * (a reschedule makes a new booking; the number is the cycle of its {@code no_show} obligation).
 */
public record Booking(int number, Instant start, Duration duration) {
  /** Remote engagements are booked in blocks of this length ("tranches de 4 heures"). */
  public static final Duration REMOTE_BLOCK = Duration.ofHours(4);

  /** The longest session accepted: a week. */
  public static final Duration MAX_DURATION = Duration.ofDays(7);

  public Booking {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(duration, "duration");
  }

  public Instant end() {
    return start.plus(duration);
  }

  /**
   * Why a session of this length cannot be booked for this kind of engagement, if it cannot: it
   * must be positive and at most {@link #MAX_DURATION}; a remote one must be a whole number of
   * {@link #REMOTE_BLOCK}s (4 h, 8 h, 12 h...; nothing shorter than 4 h). On-site sessions have no
   * block.
   */
  public static Optional<String> durationProblem(EngagementKind kind, Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      return Optional.of("must be a positive duration (was " + duration + ")");
    }
    if (duration.compareTo(MAX_DURATION) > 0) {
      return Optional.of("must be at most " + MAX_DURATION + " (was " + duration + ")");
    }
    if (kind == EngagementKind.REMOTE && duration.toNanos() % REMOTE_BLOCK.toNanos() != 0) {
      return Optional.of(
          "must be a whole number of 4-hour blocks for a remote engagement (PT4H, PT8H, ...; was "
              + duration
              + ")");
    }
    return Optional.empty();
  }
}
