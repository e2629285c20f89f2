package io.slawatch.timer.schedule;

import io.slawatch.core.report.ClockOutcome;
import java.util.List;

/**
 * What a replay decided for a set of subjects (tickets, or engagements): the pending timers of
 * {@code replaced} subjects become exactly {@code timers} (any other timer of theirs is deleted; an
 * alert already fired is never scheduled again, which the store enforces); the subjects that {@code
 * failed} keep the timers and outcomes they had. The clocks (or obligations) of the replaced
 * subjects come out as {@code outcomes} (the compliance reports' rows).
 */
public record Reschedule(
    List<String> replaced,
    List<PendingTimer> timers,
    List<Failure> failed,
    List<ClockOutcome> outcomes) {
  public Reschedule {
    outcomes = List.copyOf(outcomes);
    replaced = List.copyOf(replaced);
    timers = List.copyOf(timers);
    failed = List.copyOf(failed);
  }

  /** A subject the engine could not replay (a bug, or input the edge should have refused). */
  public record Failure(String ticket, RuntimeException cause) {}

  /** The ids of the alerts the replaced tickets keep pending. */
  public List<String> wantedIds() {
    return timers.stream().map(PendingTimer::alertId).toList();
  }
}
