package io.slawatch.core.clock;

import io.slawatch.core.alert.ClockKind;
import io.slawatch.core.calendar.BusinessCalendar;
import io.slawatch.core.plan.ClockTerms;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One clock instance on a ticket: its terms, calendar, business-time target, state, the alert
 * thresholds it has fired and the timeline that explains it. Immutable: each transition returns the
 * next run.
 *
 * @param fired thresholds already fired (as fractions; 1.0 is the breach)
 * @param breachedAt set when the target was exceeded by a change (the breach is not back-dated)
 */
record ClockRun(
    ClockKind kind,
    int instance,
    Instant start,
    ClockTerms terms,
    BusinessCalendar calendar,
    Duration target,
    ClockState state,
    Set<Double> fired,
    Optional<Instant> breachedAt,
    List<TimelineEntry> timeline) {

  ClockRun {
    fired = Set.copyOf(fired);
    timeline = List.copyOf(timeline);
  }

  static ClockRun begin(
      ClockKind kind,
      int instance,
      Instant at,
      ClockTerms terms,
      BusinessCalendar calendar,
      boolean paused,
      String cause) {
    Duration target = terms.target().businessTime(calendar, at);
    ClockState state =
        paused
            ? new ClockState.Paused(at, Duration.ZERO)
            : new ClockState.Running(at, Duration.ZERO);
    ClockRun run =
        new ClockRun(
            kind,
            instance,
            at,
            terms,
            calendar,
            target,
            state,
            Set.of(),
            Optional.empty(),
            List.of());
    return run.note(
        at,
        cause,
        kind.wireName()
            + " starts: "
            + terms
            + (paused ? ", paused" : "")
            + run.due().map(d -> ", due " + d).orElse(""));
  }

  boolean isActive() {
    return state instanceof ClockState.Running || state instanceof ClockState.Paused;
  }

  boolean isRunning() {
    return state instanceof ClockState.Running;
  }

  Duration consumedAt(Instant t) {
    return switch (state) {
      case ClockState.Running running ->
          running.consumed().plus(calendar.elapsed(running.since(), t));
      default -> state.consumed();
    };
  }

  /** The instant this much business time is used up, if running and not yet used up. */
  Optional<Instant> instantOfConsumed(Duration amount, boolean deadline) {
    if (!(state instanceof ClockState.Running running)) {
      return Optional.empty();
    }
    Duration left = amount.minus(running.consumed());
    if (left.isNegative() || left.isZero()) {
      return Optional.empty();
    }
    return Optional.of(
        deadline
            ? terms.target().due(calendar, running.since(), left)
            : calendar.add(running.since(), left));
  }

  /** The deadline: while running, when the target is used up; once exceeded by a change, then. */
  Optional<Instant> due() {
    return breachedAt.or(() -> instantOfConsumed(target, true));
  }

  ClockRun note(Instant at, String cause, String rule) {
    List<TimelineEntry> entries = new ArrayList<>(timeline);
    entries.add(new TimelineEntry(at, cause, rule));
    return new ClockRun(
        kind, instance, start, terms, calendar, target, state, fired, breachedAt, entries);
  }

  ClockRun withState(ClockState next) {
    return new ClockRun(
        kind, instance, start, terms, calendar, target, next, fired, breachedAt, timeline);
  }

  ClockRun firing(double threshold) {
    Set<Double> all = new TreeSet<>(fired);
    all.add(threshold);
    return new ClockRun(
        kind, instance, start, terms, calendar, target, state, all, breachedAt, timeline);
  }

  ClockRun pause(Instant at, String cause) {
    Duration used = consumedAt(at);
    return withState(new ClockState.Paused(at, used))
        .note(
            at,
            cause,
            "paused with " + Durations.text(used) + " of " + Durations.text(target) + " used");
  }

  ClockRun resume(Instant at, String cause) {
    ClockRun resumed = withState(new ClockState.Running(at, state.consumed()));
    return resumed.note(
        at,
        cause,
        "resumes with "
            + Durations.text(target.minus(state.consumed()))
            + " left"
            + resumed.due().map(d -> ", due " + d).orElse(""));
  }

  ClockRun meet(Instant at, String cause) {
    Duration used = consumedAt(at);
    return withState(new ClockState.Met(at, used))
        .note(at, cause, "met after " + Durations.text(used) + " of " + Durations.text(target));
  }

  ClockRun stop(Instant at, String cause, String rule) {
    return withState(new ClockState.Stopped(at, consumedAt(at))).note(at, cause, rule);
  }

  /**
   * New terms at {@code at} (priority or plan change): keeps the start and the business time
   * consumed, takes the new target and calendar. A target already exceeded breaches now.
   */
  ClockRun retarget(Instant at, ClockTerms newTerms, BusinessCalendar newCalendar, String cause) {
    Duration used = consumedAt(at);
    Duration newTarget = newTerms.target().businessTime(newCalendar, start);
    ClockState next =
        state instanceof ClockState.Running
            ? new ClockState.Running(at, used)
            : new ClockState.Paused(at, used);
    Optional<Instant> breach =
        breachedAt.isEmpty() && used.compareTo(newTarget) >= 0 ? Optional.of(at) : breachedAt;
    ClockRun changed =
        new ClockRun(
            kind, instance, start, newTerms, newCalendar, newTarget, next, fired, breach, timeline);
    String rule =
        "target "
            + newTerms
            + " (was "
            + terms
            + "), "
            + Durations.text(used)
            + " already used"
            + (breach.isPresent() && breachedAt.isEmpty()
                ? ": already exceeded, breaches now (never back-dated)"
                : changed.due().map(d -> ", due " + d).orElse(""));
    return changed.note(at, cause, rule);
  }
}
