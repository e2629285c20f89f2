package io.slawatch.core.engagement;

import java.time.Instant;

/** Where an engagement is: waiting for a booking, booked, under way, or completed. */
public sealed interface EngagementStage {
  /** Purchased, no open booking (never booked, or the booking was cancelled). */
  record Unscheduled() implements EngagementStage {}

  /** A session is booked and has not started. */
  record Scheduled(Booking booking) implements EngagementStage {}

  /**
   * A session started at {@code at} (of {@code booking}, empty when it started without one); more
   * sessions may be booked.
   */
  record InProgress(java.util.Optional<Booking> booking, Instant at) implements EngagementStage {}

  /** Finished at {@code at}: every obligation has ended. */
  record Completed(Instant at) implements EngagementStage {}
}
