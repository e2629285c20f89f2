package io.slawatch.notifier.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.core.alert.EndReason;
import io.slawatch.core.alert.SlaAlert;
import io.slawatch.notifier.audit.AuditEntry;
import io.slawatch.notifier.escalation.Escalations.Begin;
import io.slawatch.notifier.policy.Policy;
import io.slawatch.notifier.policy.PolicyBook;
import io.slawatch.notifier.store.EscalationStore.NewEscalation;
import io.slawatch.notifier.testdata.AnAlert;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a poll of alerts begins escalations and what it audits: no database, no broker. */
class BeginDecisionsTest {
  private static final PolicyBook BOOK = StepDecisionsTest.BOOK.withFallback(Optional.of("duty"));
  private static final Instant NOW = Instant.parse("2026-11-23T09:00:05Z");

  private static Optional<Policy> policy(String name) {
    return BOOK.policy(name);
  }

  private static Begin begin(SlaAlert alert, Optional<Policy> policy) {
    return new Begin(alert, "{}", policy, null);
  }

  private static Optional<String> policyOf(Begin begin) {
    return begin.policy().map(Policy::name);
  }

  @Test
  void a_closing_alert_no_policy_matches_takes_the_policy_of_its_clocks_first_escalation() {
    SlaAlert met = AnAlert.met().plan("unknown").build();
    Map<String, String> first = Map.of(met.clockId(), "two-levels");

    assertThat(
            BeginDecisions.withClosingPolicies(List.of(begin(met, Optional.empty())), first, BOOK))
        .map(BeginDecisionsTest::policyOf)
        .containsExactly(Optional.of("two-levels"));
    assertThat(
            BeginDecisions.withClosingPolicies(
                List.of(begin(met, policy(PolicyBook.FALLBACK_POLICY))), first, BOOK))
        .as("sent to the fallback, it also goes to whoever heard of the clock")
        .map(BeginDecisionsTest::policyOf)
        .containsExactly(Optional.of("two-levels"));
  }

  @Test
  void a_closing_alert_of_a_clock_without_earlier_escalation_keeps_its_own_policy_or_none() {
    SlaAlert ended = AnAlert.ended(EndReason.TICKET_SOLVED).plan("unknown").build();

    assertThat(
            BeginDecisions.withClosingPolicies(
                List.of(
                    begin(ended, policy(PolicyBook.FALLBACK_POLICY)),
                    begin(ended, Optional.empty())),
                Map.of(),
                BOOK))
        .map(BeginDecisionsTest::policyOf)
        .containsExactly(Optional.of(PolicyBook.FALLBACK_POLICY), Optional.empty());
  }

  @Test
  void an_opening_alert_keeps_its_policy_whatever_its_clocks_first_escalation_had() {
    SlaAlert breach = AnAlert.breach().build();
    Map<String, String> first = Map.of(breach.clockId(), "two-levels");

    assertThat(
            BeginDecisions.withClosingPolicies(
                List.of(begin(breach, policy("pager-only")), begin(breach, Optional.empty())),
                first,
                BOOK))
        .map(BeginDecisionsTest::policyOf)
        .containsExactly(Optional.of("pager-only"), Optional.empty());
  }

  @Test
  void only_alerts_with_a_policy_begin_an_escalation() {
    SlaAlert routed = AnAlert.breach().ticket("T-1").build();
    SlaAlert unrouted = AnAlert.breach().ticket("T-2").build();

    assertThat(
            BeginDecisions.escalations(
                List.of(begin(routed, policy("two-levels")), begin(unrouted, Optional.empty()))))
        .containsExactly(new NewEscalation(routed, "two-levels", "{}", null));
  }

  @Test
  void each_escalation_begun_is_audited_under_its_policy_and_an_alert_without_one_as_unrouted() {
    SlaAlert routed = AnAlert.breach().ticket("T-1").build();
    SlaAlert unrouted = AnAlert.breach().ticket("T-2").build();
    SlaAlert toFallback = AnAlert.breach().ticket("T-3").build();
    SlaAlert refired = AnAlert.breach().ticket("T-4").build();
    List<Begin> alerts =
        List.of(
            begin(routed, policy("two-levels")),
            begin(unrouted, Optional.empty()),
            begin(toFallback, policy(PolicyBook.FALLBACK_POLICY)),
            begin(refired, policy("two-levels")));

    BeginDecisions.Begun begun =
        BeginDecisions.audit(alerts, List.of(routed.id(), toFallback.id()), NOW);

    assertThat(begun.audit())
        .containsExactly(
            AuditEntry.of(
                unrouted.id(), NOW, "unrouted", "no policy matches and no fallback target is set"),
            AuditEntry.of(routed.id(), NOW, "escalation_started", "policy two-levels"),
            AuditEntry.of(
                toFallback.id(),
                NOW,
                "unroutable",
                "no policy matches: to the fallback target duty"),
            AuditEntry.of(toFallback.id(), NOW, "escalation_started", "policy (fallback)"));
    assertThat(begun.unrouted()).containsExactly(unrouted.id());
    assertThat(begun.toFallback()).containsExactly(toFallback.id());
    assertThat(begun.started()).as("the re-fired alert began nothing").isEqualTo(2);
  }

  @Test
  void a_resolved_escalation_says_how_its_clock_ended() {
    SlaAlert met = AnAlert.met().build();
    SlaAlert late = AnAlert.ended(EndReason.MET_LATE).build();

    assertThat(BeginDecisions.resolvedBecause(met)).isEqualTo("the clock was met: " + met.id());
    assertThat(BeginDecisions.resolvedBecause(late))
        .isEqualTo("the clock ended (met_late): " + late.id());
  }
}
