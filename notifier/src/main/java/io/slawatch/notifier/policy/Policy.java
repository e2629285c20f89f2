package io.slawatch.notifier.policy;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A routing and escalation policy: the alerts it takes, and an ordered chain of steps run one after
 * the other (each notifying its targets, then waiting), the whole chain {@code rounds} times,
 * stopped by an acknowledgement or by the clock's closing alert.
 *
 * @param pageAnytime notify targets outside their on-call hours too (a 24x7 plan's policy)
 * @param language the language of its messages for targets without one (else English)
 * @param fallback the target a step with no eligible or on-call target goes to (else the global
 *     one)
 * @param whenUnroutable what a step with no eligible or on-call target does
 * @param grouping how its alerts are grouped into one notification per target
 */
public record Policy(
    String name,
    Match match,
    List<Step> steps,
    int rounds,
    boolean pageAnytime,
    Optional<Locale> language,
    Optional<String> fallback,
    WhenUnroutable whenUnroutable,
    Grouping grouping) {

  /** A step nobody can take: to the fallback target, or wait for the next on-call window. */
  public enum WhenUnroutable {
    FALLBACK,
    WAIT
  }

  public Policy {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(match, "match");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(fallback, "fallback");
    Objects.requireNonNull(whenUnroutable, "whenUnroutable");
    Objects.requireNonNull(grouping, "grouping");
    steps = List.copyOf(steps);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("policy " + name + " has no step");
    }
    if (rounds < 1) {
      throw new IllegalArgumentException("policy " + name + " runs at least one round");
    }
  }

  /** A policy grouping by default. */
  public Policy(
      String name,
      Match match,
      List<Step> steps,
      int rounds,
      boolean pageAnytime,
      Optional<Locale> language,
      Optional<String> fallback,
      WhenUnroutable whenUnroutable) {
    this(
        name,
        match,
        steps,
        rounds,
        pageAnytime,
        language,
        fallback,
        whenUnroutable,
        Grouping.DEFAULT);
  }

  public Policy(String name, Match match, List<Step> steps, int rounds, boolean pageAnytime) {
    this(
        name,
        match,
        steps,
        rounds,
        pageAnytime,
        Optional.empty(),
        Optional.empty(),
        WhenUnroutable.FALLBACK);
  }
}
