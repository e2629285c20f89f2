package io.slawatch.notifier.policy;

import java.util.List;
import java.util.Objects;

/**
 * A routing and escalation policy: the alerts it takes, and an ordered chain of steps run one after
 * the other (each notifying its targets, then waiting), the whole chain {@code rounds} times,
 * stopped by an acknowledgement or by the clock being met.
 *
 * @param pageAnytime notify targets outside their on-call hours too (a 24x7 plan's policy)
 */
public record Policy(String name, Match match, List<Step> steps, int rounds, boolean pageAnytime) {
  public Policy {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(match, "match");
    steps = List.copyOf(steps);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("policy " + name + " has no step");
    }
    if (rounds < 1) {
      throw new IllegalArgumentException("policy " + name + " runs at least one round");
    }
  }
}
