package io.slawatch.notifier.policy;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** One level of an escalation: notify these targets, then wait before the next level. */
public record Step(List<String> targets, Duration waitAfter) {
  public Step {
    targets = List.copyOf(targets);
    Objects.requireNonNull(waitAfter, "waitAfter");
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("a step notifies at least one target");
    }
    if (waitAfter.isNegative()) {
      throw new IllegalArgumentException("a step's wait is not negative");
    }
  }
}
