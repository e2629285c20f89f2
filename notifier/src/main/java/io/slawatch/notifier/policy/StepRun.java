package io.slawatch.notifier.policy;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of an escalation, decided: its level (1 for the first step), what happens to each
 * target, what comes after it, and, when none of its targets could take the alert, why and what was
 * done about it.
 */
public record StepRun(
    int level, int round, List<Decision> decisions, Next next, Optional<Unroutable> unroutable) {
  public StepRun {
    decisions = List.copyOf(decisions);
    Objects.requireNonNull(next, "next");
    Objects.requireNonNull(unroutable, "unroutable");
  }

  public StepRun(int level, int round, List<Decision> decisions, Next next) {
    this(level, round, decisions, next, Optional.empty());
  }

  /** After a step: the next one at an instant, or the end of the chain. */
  public sealed interface Next {
    record At(int step, int round, Instant at) implements Next {}

    record Done() implements Next {}
  }

  /**
   * No target of the step could take the alert.
   *
   * @param reason the metric's word: why (e.g. {@code off_duty}, {@code us_persons_only})
   * @param outcome what was done: {@code fallback} (its target is in the decisions), {@code wait}
   *     (the step runs again at the next on-call window) or {@code none} (no fallback is set, or it
   *     cannot take the alert either)
   */
  public record Unroutable(String reason, String outcome, String detail) {}
}
