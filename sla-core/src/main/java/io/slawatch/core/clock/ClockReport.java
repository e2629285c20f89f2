package io.slawatch.core.clock;

import io.slawatch.core.alert.ClockKind;
import io.slawatch.core.alert.EndReason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A clock as of the evaluation instant, with the timeline that explains its deadline.
 *
 * @param instance the clock's sequence number on the ticket (the alerts' {@code cycle})
 * @param due the deadline while running
 * @param endReason why a stopped clock stopped unmet (solved, closed, removed by new terms)
 */
public record ClockReport(
    ClockKind clock,
    int instance,
    Instant start,
    Duration target,
    ClockState state,
    Duration consumed,
    Optional<Instant> due,
    List<TimelineEntry> timeline,
    Optional<EndReason> endReason) {
  public ClockReport {
    timeline = List.copyOf(timeline);
  }

  /** The timeline as text, one entry a line. */
  public String explain() {
    StringBuilder text = new StringBuilder(clock.wireName() + " #" + instance + "\n");
    timeline.forEach(entry -> text.append("  ").append(entry).append('\n'));
    return text.toString();
  }
}
