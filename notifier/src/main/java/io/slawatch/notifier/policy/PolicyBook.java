package io.slawatch.notifier.policy;

import io.slawatch.core.alert.SlaAlert;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The targets and the policies, in order: an alert goes to the first policy that matches it. Pure:
 * routing and each step's decisions depend only on their arguments.
 */
public record PolicyBook(Map<String, Target> targets, List<Policy> policies) {
  public PolicyBook {
    targets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(targets));
    policies = List.copyOf(policies);
    for (Policy policy : policies) {
      for (Step step : policy.steps()) {
        for (String target : step.targets()) {
          if (!targets.containsKey(target)) {
            throw new IllegalArgumentException(
                "policy " + policy.name() + " notifies unknown target " + target);
          }
        }
      }
    }
  }

  /** Without a policy file: every alert to every enabled channel, once, at any hour. */
  public static PolicyBook everyChannel(List<String> channels) {
    Map<String, Target> targets = new LinkedHashMap<>();
    channels.forEach(channel -> targets.put(channel, Target.channel(channel)));
    List<Policy> policies =
        channels.isEmpty()
            ? List.of()
            : List.of(
                new Policy(
                    "default", Match.ANY, List.of(new Step(channels, Duration.ZERO)), 1, true));
    return new PolicyBook(targets, policies);
  }

  public Optional<Policy> route(SlaAlert alert, CustomerFacts customer) {
    return policies.stream().filter(p -> p.match().matches(alert, customer)).findFirst();
  }

  public Optional<Policy> policy(String name) {
    return policies.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /**
   * Decides step {@code step} of round {@code round} of the policy for this alert, at {@code now}:
   * the designated engineer first, targets restricted to US persons for customers that require it,
   * regional targets to customers of their region, business-hours targets left out outside their
   * hours (unless the policy pages at any hour).
   */
  public StepRun run(
      Policy policy, int step, int round, Instant now, SlaAlert alert, CustomerFacts customer) {
    Step current = policy.steps().get(step);
    List<Decision> decisions = new ArrayList<>();
    for (String name : current.targets()) {
      decisions.add(decide(targets.get(name), policy, now, customer));
    }
    // the designated engineer hears first
    decisions.sort(
        java.util.Comparator.comparing((Decision d) -> d.target().designatedEngineer() ? 0 : 1));
    StepRun.Next next;
    Instant at = now.plus(current.waitAfter());
    if (step + 1 < policy.steps().size()) {
      next = new StepRun.Next.At(step + 1, round, at);
    } else if (round + 1 < policy.rounds()) {
      next = new StepRun.Next.At(0, round + 1, at);
    } else {
      next = new StepRun.Next.Done();
    }
    return new StepRun(step + 1, round, decisions, next);
  }

  private static Decision decide(
      Target target, Policy policy, Instant now, CustomerFacts customer) {
    if (customer.usPersonsOnly() && !target.usPerson()) {
      return new Decision.Skip(target, "the customer is served by US persons only");
    }
    if (!target.serves(customer.region())) {
      return new Decision.Skip(
          target,
          "serves region "
              + target.region().orElseThrow()
              + ", the customer is in "
              + customer.region().orElseThrow());
    }
    if (!policy.pageAnytime() && !target.onCallAt(now)) {
      return new Decision.Skip(target, "outside the target's on-call hours");
    }
    if (target.designatedEngineer()) {
      return customer
          .designatedEngineer()
          .<Decision>map(engineer -> new Decision.Notify(target, Optional.of(engineer)))
          .orElseGet(() -> new Decision.Skip(target, "the customer has no designated engineer"));
    }
    return new Decision.Notify(target, target.address());
  }
}
