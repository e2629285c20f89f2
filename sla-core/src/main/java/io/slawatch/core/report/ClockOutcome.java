package io.slawatch.core.report;

import io.slawatch.core.alert.EndReason;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One clock of one ticket as the compliance reports count it: a row per ticket, clock and cycle,
 * kept up to date as the ticket's events arrive. An engagement's obligations take the same shape
 * ({@code engagement.EngagementOutcomes}: {@code ticket} holds the engagement id).
 *
 * @param status where the clock stands as of the evaluation
 * @param due the deadline of a clock still running (a clock still {@link Status#OPEN} whose due has
 *     passed since is breached: the reports compare it with their own now)
 * @param breachedAt when the clock breached, if it did by the evaluation instant
 * @param metAt when a met clock was met
 * @param endedAt when a clock stopped unmet (see {@code endReason})
 * @param used the business time the clock consumed (until met or stopped, else as of evaluation)
 * @param late the business time beyond its target ({@link Duration#ZERO} when in time)
 */
public record ClockOutcome(
    String ticket,
    String clock,
    int cycle,
    String customer,
    String plan,
    String priority,
    String source,
    Instant start,
    Duration target,
    Status status,
    Optional<Instant> due,
    Optional<Instant> breachedAt,
    Optional<Instant> metAt,
    Optional<Instant> endedAt,
    Optional<EndReason> endReason,
    Duration used,
    Duration late,
    Set<String> flags) {
  public ClockOutcome {
    flags = Collections.unmodifiableSortedSet(new TreeSet<>(flags));
  }

  /** How a clock came out. */
  public enum Status {
    /** Running or paused, not (yet) past its target. */
    OPEN,
    /** Met within its target. */
    MET,
    /** Met after its target. */
    MET_LATE,
    /** Past its target and not met: still running, or stopped (solved, closed, removed) late. */
    BREACHED,
    /** Stopped unmet within its target (solved or closed before it was due, or removed). */
    ENDED;

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
