package io.slawatch.notifier.policy;

import io.slawatch.core.alert.SlaAlert;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The targets and the policies, in order: an alert goes to the first policy that matches it. Pure:
 * routing and each step's decisions depend only on their arguments.
 *
 * @param fallback the target of last resort for every policy without its own {@code fallback}: a
 *     step none of whose targets can take the alert goes to it
 */
public record PolicyBook(
    Map<String, Target> targets, List<Policy> policies, Optional<String> fallback) {
  public PolicyBook {
    targets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(targets));
    policies = List.copyOf(policies);
    Objects.requireNonNull(fallback, "fallback");
    for (Policy policy : policies) {
      for (Step step : policy.steps()) {
        for (String target : step.targets()) {
          if (!targets.containsKey(target)) {
            throw new IllegalArgumentException(
                "policy " + policy.name() + " notifies unknown target " + target);
          }
        }
      }
      if (policy.fallback().isPresent() && !targets.containsKey(policy.fallback().get())) {
        throw new IllegalArgumentException(
            "policy " + policy.name() + " falls back to unknown target " + policy.fallback().get());
      }
    }
    if (fallback.isPresent() && !targets.containsKey(fallback.get())) {
      throw new IllegalArgumentException(
          "the fallback target "
              + fallback.get()
              + " is not a target (one of "
              + targets.keySet()
              + ")");
    }
  }

  public PolicyBook(Map<String, Target> targets, List<Policy> policies) {
    this(targets, policies, Optional.empty());
  }

  /** This book with a global fallback target (which must be one of its targets). */
  public PolicyBook withFallback(Optional<String> target) {
    return new PolicyBook(targets, policies, target);
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

  /** The name of the policy of alerts no policy matches, when there is a global fallback. */
  public static final String FALLBACK_POLICY = "(fallback)";

  /** The first policy that matches the alert. */
  public Optional<Policy> route(SlaAlert alert, CustomerFacts customer) {
    return policies.stream().filter(p -> p.match().matches(alert, customer)).findFirst();
  }

  /**
   * The first policy that matches the alert, else, with a global fallback target, the policy that
   * notifies just that target ({@link #FALLBACK_POLICY}, at any hour).
   */
  public Optional<Policy> routeOrFallback(SlaAlert alert, CustomerFacts customer) {
    return route(alert, customer).or(this::fallbackPolicy);
  }

  public Optional<Policy> policy(String name) {
    return policies.stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .or(() -> FALLBACK_POLICY.equals(name) ? fallbackPolicy() : Optional.empty());
  }

  private Optional<Policy> fallbackPolicy() {
    return fallback.map(
        target ->
            new Policy(
                FALLBACK_POLICY,
                Match.ANY,
                List.of(new Step(List.of(target), Duration.ZERO)),
                1,
                true));
  }

  /**
   * Decides step {@code step} of round {@code round} of the policy for this alert, at {@code now}:
   * the designated engineer first, targets restricted to US persons for customers that require it,
   * regional targets to customers of their region, business-hours targets left out outside their
   * hours (unless the policy pages at any hour). A step none of whose targets can take the alert is
   * unroutable: it goes to the fallback target (the policy's, else the book's), or, when the policy
   * says {@code wait} and a target is only off duty, it runs again when the first of them comes on
   * call.
   */
  public StepRun run(
      Policy policy, int step, int round, Instant now, SlaAlert alert, CustomerFacts customer) {
    Step current = policy.steps().get(step);
    List<Decision> decisions = decide(current.targets(), policy, now, customer);
    StepRun.Next next;
    Instant at = now.plus(current.waitAfter());
    if (step + 1 < policy.steps().size()) {
      next = new StepRun.Next.At(step + 1, round, at);
    } else if (round + 1 < policy.rounds()) {
      next = new StepRun.Next.At(0, round + 1, at);
    } else {
      next = new StepRun.Next.Done();
    }
    if (decisions.stream().anyMatch(d -> d instanceof Decision.Notify)) {
      return new StepRun(step + 1, round, decisions, next);
    }
    String reason = reason(decisions);
    if (policy.whenUnroutable() == Policy.WhenUnroutable.WAIT) {
      Optional<Instant> window =
          decisions.stream()
              .filter(d -> d instanceof Decision.Skip s && s.why() == Decision.Why.OFF_DUTY)
              .map(d -> d.target().nextOnCall(now))
              .min(Comparator.naturalOrder());
      if (window.isPresent()) {
        return new StepRun(
            step + 1,
            round,
            decisions,
            new StepRun.Next.At(step, round, window.get()),
            Optional.of(
                new StepRun.Unroutable(
                    reason, "wait", "waiting for the next on-call window at " + window.get())));
      }
    }
    Optional<String> fallbackName = policy.fallback().or(() -> fallback);
    if (fallbackName.isEmpty()) {
      return new StepRun(
          step + 1,
          round,
          decisions,
          next,
          Optional.of(
              new StepRun.Unroutable(
                  reason, "none", "no target could take it and no fallback is set")));
    }
    Target target = targets.get(fallbackName.get());
    Decision last = eligibility(target, customer).orElseGet(() -> notify(target, customer));
    List<Decision> withFallback = new ArrayList<>(decisions);
    withFallback.add(last);
    StepRun.Unroutable unroutable =
        switch (last) {
          case Decision.Notify n ->
              new StepRun.Unroutable(reason, "fallback", "to the fallback target " + target.name());
          case Decision.Skip s ->
              new StepRun.Unroutable(
                  reason,
                  "none",
                  "the fallback target " + target.name() + " cannot take it: " + s.reason());
        };
    return new StepRun(step + 1, round, withFallback, next, Optional.of(unroutable));
  }

  /**
   * The one step of a closing alert ({@code sla.met}, {@code sla.ended}): every target an earlier
   * alert of its clock reached hears how it ended (PagerDuty and Alertmanager resolve, chats get a
   * follow-up), whatever the hour, since they were paged about it; when nobody was, the policy's
   * first step's targets. Nothing follows it: no further step, no round.
   *
   * @param notified the names of the targets earlier alerts of the clock were delivered to
   */
  public StepRun close(
      Policy policy, Set<String> notified, Instant now, SlaAlert alert, CustomerFacts customer) {
    List<Decision> decisions = new ArrayList<>();
    targets.values().stream()
        .filter(t -> notified.contains(t.name()))
        .forEach(t -> decisions.add(notify(t, customer)));
    if (decisions.isEmpty()) {
      decisions.addAll(decide(policy.steps().getFirst().targets(), policy, now, customer));
    }
    decisions.sort(Comparator.comparing((Decision d) -> d.target().designatedEngineer() ? 0 : 1));
    return new StepRun(1, 0, decisions, new StepRun.Next.Done());
  }

  private List<Decision> decide(
      List<String> names, Policy policy, Instant now, CustomerFacts customer) {
    List<Decision> decisions = new ArrayList<>();
    for (String name : names) {
      Target target = targets.get(name);
      Optional<Decision> skip = eligibility(target, customer);
      if (skip.isEmpty() && !policy.pageAnytime() && !target.onCallAt(now)) {
        skip = Optional.of(new Decision.Skip(target, Decision.Why.OFF_DUTY));
      }
      decisions.add(skip.orElseGet(() -> notify(target, customer)));
    }
    // the designated engineer hears first
    decisions.sort(Comparator.comparing((Decision d) -> d.target().designatedEngineer() ? 0 : 1));
    return decisions;
  }

  /** A skip when the target may not take this customer's alerts at all. */
  private static Optional<Decision> eligibility(Target target, CustomerFacts customer) {
    if (customer.usPersonsOnly() && !target.usPerson()) {
      return Optional.of(new Decision.Skip(target, Decision.Why.US_PERSONS_ONLY));
    }
    if (!target.serves(customer.region())) {
      return Optional.of(
          new Decision.Skip(
              target,
              Decision.Why.OTHER_REGION,
              Optional.of(
                  "serves region "
                      + target.region().orElseThrow()
                      + ", the customer is in "
                      + customer.region().orElseThrow())));
    }
    if (target.designatedEngineer() && customer.designatedEngineer().isEmpty()) {
      return Optional.of(new Decision.Skip(target, Decision.Why.NO_DESIGNATED_ENGINEER));
    }
    return Optional.empty();
  }

  private static Decision notify(Target target, CustomerFacts customer) {
    if (target.designatedEngineer()) {
      return customer
          .designatedEngineer()
          .<Decision>map(engineer -> new Decision.Notify(target, Optional.of(engineer)))
          .orElseGet(() -> new Decision.Skip(target, Decision.Why.NO_DESIGNATED_ENGINEER));
    }
    return new Decision.Notify(target, target.address());
  }

  /** The metric's word for why nobody could take it: the skips' one reason, or a general one. */
  private static String reason(List<Decision> decisions) {
    List<String> whys =
        decisions.stream().map(d -> ((Decision.Skip) d).why().code()).distinct().toList();
    return whys.size() == 1 ? whys.getFirst() : "no_eligible_target";
  }
}
