package io.slawatch.core.plan;

import java.util.Objects;

/** A clock's promise: a target on a calendar. */
public record ClockTerms(Target target, Coverage coverage) {
  public ClockTerms {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(coverage, "coverage");
  }

  @Override
  public String toString() {
    return target + " on " + coverage;
  }
}
