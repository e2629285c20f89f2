package io.slawatch.notifier.policy;

import java.time.Instant;
import java.util.List;

/**
 * One step of an escalation, decided: its level (1 for the first step), what happens to each
 * target, and what comes after it.
 */
public record StepRun(int level, int round, List<Decision> decisions, Next next) {
  public StepRun {
    decisions = List.copyOf(decisions);
  }

  /** After a step: the next one at an instant, or the end of the chain. */
  public sealed interface Next {
    record At(int step, int round, Instant at) implements Next {}

    record Done() implements Next {}
  }
}
