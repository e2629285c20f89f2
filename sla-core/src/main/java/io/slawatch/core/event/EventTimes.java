package io.slawatch.core.event;

import java.time.Instant;

/**
 * The instants slawatch accepts on events: from 1970 up to (not including) 2200. Business calendars
 * work well within the engine's range (years 1678 to 2261), so a deadline computed from an accepted
 * instant always exists; anything outside is refused at the edge, never left to stop a consumer.
 */
public final class EventTimes {
  public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
  public static final Instant LATEST_EXCLUSIVE = Instant.parse("2200-01-01T00:00:00Z");

  private EventTimes() {}

  public static boolean accepted(Instant t) {
    return !t.isBefore(EARLIEST) && t.isBefore(LATEST_EXCLUSIVE);
  }

  /** What a refusal says. */
  public static String expected() {
    return "an instant from " + EARLIEST + " up to " + LATEST_EXCLUSIVE;
  }
}
