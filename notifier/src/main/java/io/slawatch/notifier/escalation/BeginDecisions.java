package io.slawatch.notifier.escalation;

import io.slawatch.core.alert.SlaAlert;
import io.slawatch.notifier.audit.AuditEntry;
import io.slawatch.notifier.escalation.Escalations.Begin;
import io.slawatch.notifier.policy.Policy;
import io.slawatch.notifier.policy.PolicyBook;
import io.slawatch.notifier.store.EscalationStore.NewEscalation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a poll of alerts begins escalations: pure functions of the alerts, their policies and what
 * the store answered.
 */
public final class BeginDecisions {
  private BeginDecisions() {}

  /**
   * The alerts with the policies they escalate under: a closing alert ({@code sla.met}, {@code
   * sla.ended}) no policy matches, or only the fallback, takes the policy of its clock's first
   * escalation ({@code firstPolicies}, by clock id), so the targets that heard of the clock hear
   * how it ended; other alerts keep theirs.
   */
  public static List<Begin> withClosingPolicies(
      List<Begin> alerts, Map<String, String> firstPolicies, PolicyBook book) {
    List<Begin> all = new ArrayList<>(alerts.size());
    for (Begin b : alerts) {
      Optional<Policy> policy = b.policy();
      if (b.alert().closes()
          && (policy.isEmpty() || policy.get().name().equals(PolicyBook.FALLBACK_POLICY))) {
        policy =
            Optional.ofNullable(firstPolicies.get(b.alert().clockId()))
                .flatMap(book::policy)
                .or(b::policy);
      }
      all.add(new Begin(b.alert(), b.payload(), policy, b.traceparent()));
    }
    return all;
  }

  /** The escalations to begin: the alerts that have a policy. */
  public static List<NewEscalation> escalations(List<Begin> alerts) {
    return alerts.stream()
        .filter(b -> b.policy().isPresent())
        .map(
            b ->
                new NewEscalation(b.alert(), b.policy().get().name(), b.payload(), b.traceparent()))
        .toList();
  }

  /**
   * What a poll's beginnings are audited as.
   *
   * @param unrouted the alerts no policy matched with no fallback target: nobody is notified
   * @param toFallback the escalations begun under the fallback policy: no policy matched
   */
  public record Begun(
      List<AuditEntry> audit, List<String> unrouted, List<String> toFallback, int started) {}

  /**
   * The audit of a poll: each alert without a policy is {@code unrouted}; each escalation begun
   * ({@code started}, as the store answered: not an alert begun before, nor a late re-fire) is
   * {@code escalation_started} under its policy, after an {@code unroutable} entry naming the
   * fallback target when it went there.
   */
  public static Begun audit(List<Begin> alerts, List<String> started, Instant now) {
    List<AuditEntry> entries = new ArrayList<>();
    List<String> unrouted = new ArrayList<>();
    List<String> toFallback = new ArrayList<>();
    Map<String, Policy> policies = new HashMap<>();
    for (Begin b : alerts) {
      if (b.policy().isEmpty()) {
        unrouted.add(b.alert().id());
        entries.add(
            AuditEntry.of(
                b.alert().id(),
                now,
                "unrouted",
                "no policy matches and no fallback target is set"));
      } else {
        policies.putIfAbsent(b.alert().id(), b.policy().get());
      }
    }
    for (String id : started) {
      Policy policy = policies.get(id);
      String name = policy == null ? "?" : policy.name();
      if (PolicyBook.FALLBACK_POLICY.equals(name)) {
        toFallback.add(id);
        entries.add(
            AuditEntry.of(
                id,
                now,
                "unroutable",
                "no policy matches: to the fallback target "
                    + policy.steps().getFirst().targets().getFirst()));
      }
      entries.add(AuditEntry.of(id, now, "escalation_started", "policy " + name));
    }
    return new Begun(entries, unrouted, toFallback, started.size());
  }

  /** Why the escalations of a closing alert's clock were resolved, as audited. */
  public static String resolvedBecause(SlaAlert closing) {
    return closing
        .reason()
        .map(r -> "the clock ended (" + r.wireName() + "): " + closing.id())
        .orElse("the clock was met: " + closing.id());
  }
}
