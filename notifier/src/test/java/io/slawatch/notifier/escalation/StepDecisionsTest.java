package io.slawatch.notifier.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.core.alert.SlaAlert;
import io.slawatch.core.calendar.CalendarReader;
import io.slawatch.notifier.audit.AuditEntry;
import io.slawatch.notifier.delivery.Outcome;
import io.slawatch.notifier.escalation.StepDecisions.BatchRecord;
import io.slawatch.notifier.escalation.StepDecisions.StepPlan;
import io.slawatch.notifier.policy.CustomerFacts;
import io.slawatch.notifier.policy.Decision;
import io.slawatch.notifier.policy.PolicyBook;
import io.slawatch.notifier.policy.PolicyReader;
import io.slawatch.notifier.policy.StepRun;
import io.slawatch.notifier.store.EscalationStore.ClaimedStep;
import io.slawatch.notifier.store.EscalationStore.End;
import io.slawatch.notifier.store.EscalationStore.Move;
import io.slawatch.notifier.testdata.AnAlert;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a claimed escalation step leads to, and what a batch writes: no database, no broker. */
class StepDecisionsTest {
  static final PolicyBook BOOK =
      new PolicyReader(
              Set.of("console", "webhook", "email"), CalendarReader.relativeTo(Path.of(".")))
          .read(
              """
              targets:
                chat: {channel: console}
                pager: {channel: webhook, on_call: {zone: UTC, week: {MON: [["08:00", "16:00"]]}}}
                duty: {channel: email, address: duty@example.com}
              policies:
                - name: two-levels
                  match: {plans: [gold]}
                  rounds: 2
                  steps:
                    - {notify: [chat], wait: PT5M}
                    - {notify: [pager], wait: PT10M}
                - name: pager-only
                  match: {plans: [night]}
                  fallback: duty
                  steps:
                    - {notify: [pager]}
              """);

  static final Instant MONDAY_MORNING = Instant.parse("2026-11-23T09:00:00Z");
  static final Instant MONDAY_NIGHT = Instant.parse("2026-11-23T22:00:00Z");

  private static ClaimedStep claimed(SlaAlert alert, String policy, int step, int round) {
    return new ClaimedStep(alert.id(), policy, step, round, "{}", "acme", null);
  }

  private static StepPlan plan(SlaAlert alert, String policy, int step, int round, Instant now) {
    return StepDecisions.plan(
        BOOK, claimed(alert, policy, step, round), alert, CustomerFacts.UNKNOWN, Set.of(), now);
  }

  @Test
  void a_first_step_notifies_its_targets_and_the_escalation_moves_on_after_its_wait() {
    SlaAlert breach = AnAlert.breach().build();
    StepPlan plan = plan(breach, "two-levels", 0, 0, MONDAY_MORNING);

    assertThat(plan.runs()).isTrue();
    assertThat(plan.countsLevel()).isTrue();
    assertThat(plan.level()).isEqualTo(1);
    assertThat(plan.decisions())
        .containsExactly(new Decision.Notify(BOOK.targets().get("chat"), Optional.empty()));
    assertThat(plan.audit()).isEmpty();

    BatchRecord batch = StepDecisions.record(List.of(plan.result(List.of())));
    assertThat(batch.moves())
        .containsExactly(
            new Move(breach.id(), 1, 0, MONDAY_MORNING.plus(Duration.ofMinutes(5)), 1));
    assertThat(batch.ends()).isEmpty();
  }

  @Test
  void after_the_last_step_of_the_last_round_the_escalation_ends_because_every_step_ran() {
    SlaAlert breach = AnAlert.breach().build();
    StepPlan plan = plan(breach, "two-levels", 1, 1, MONDAY_MORNING);
    assertThat(plan.next()).isEqualTo(new StepRun.Next.Done());

    BatchRecord batch = StepDecisions.record(List.of(plan.result(List.of())));
    assertThat(batch.moves()).isEmpty();
    assertThat(batch.ends()).containsExactly(new End(breach.id(), 2));
    Instant now = MONDAY_MORNING.plusSeconds(1);
    assertThat(batch.ended(List.of(breach.id()), now))
        .containsExactly(AuditEntry.of(breach.id(), now, "done", "every step and round ran"));
    assertThat(batch.ended(List.of(), now))
        .as("an escalation acknowledged meanwhile was not ended, so it is not audited as done")
        .isEmpty();
  }

  @Test
  void a_step_its_policy_no_longer_has_ends_the_escalation_and_notifies_nobody() {
    SlaAlert breach = AnAlert.breach().build();
    for (StepPlan gone :
        List.of(
            plan(breach, "two-levels", 2, 0, MONDAY_MORNING),
            plan(breach, "renamed", 0, 0, MONDAY_MORNING))) {
      assertThat(gone.runs()).isFalse();
      assertThat(gone.countsLevel()).isFalse();
      assertThat(gone.decisions()).isEmpty();
      assertThat(gone.next()).isEqualTo(new StepRun.Next.Done());
    }
    assertThat(plan(breach, "renamed", 0, 0, MONDAY_MORNING).endReason())
        .isEqualTo("policy renamed no longer has this step");
  }

  @Test
  void a_step_nobody_on_call_can_take_goes_to_the_fallback_and_is_audited_as_unroutable() {
    SlaAlert breach = AnAlert.breach().plan("night").build();
    StepPlan plan = plan(breach, "pager-only", 0, 0, MONDAY_NIGHT);

    assertThat(plan.decisions())
        .containsExactly(
            new Decision.Skip(BOOK.targets().get("pager"), Decision.Why.OFF_DUTY),
            new Decision.Notify(BOOK.targets().get("duty"), Optional.of("duty@example.com")));
    assertThat(plan.unroutable())
        .contains(new StepRun.Unroutable("off_duty", "fallback", "to the fallback target duty"));
    assertThat(plan.audit())
        .containsExactly(
            new AuditEntry(
                breach.id(),
                MONDAY_NIGHT,
                "unroutable",
                null,
                null,
                1,
                0,
                null,
                "off_duty: to the fallback target duty"));
    assertThat(StepDecisions.record(List.of(plan.result(List.of()))).stepAudit())
        .isEqualTo(plan.audit());
    assertThat(plan(breach, "pager-only", 0, 0, MONDAY_MORNING).audit())
        .as("on call, nothing is unroutable")
        .isEmpty();
  }

  @Test
  void a_closing_alert_tells_the_targets_its_clock_reached_at_any_hour_and_counts_no_level() {
    SlaAlert met = AnAlert.met().build();
    StepPlan plan =
        StepDecisions.plan(
            BOOK,
            claimed(met, "two-levels", 0, 0),
            met,
            CustomerFacts.UNKNOWN,
            Set.of("pager"),
            MONDAY_NIGHT);

    assertThat(plan.decisions())
        .containsExactly(new Decision.Notify(BOOK.targets().get("pager"), Optional.empty()));
    assertThat(plan.next()).isEqualTo(new StepRun.Next.Done());
    assertThat(plan.countsLevel()).isFalse();
    assertThat(plan.endReason()).isEqualTo("the clock's end was announced");
  }

  @Test
  void
      a_batch_moves_a_step_followed_by_another_and_ends_a_last_one_its_deliveries_recorded_before() {
    SlaAlert one = AnAlert.breach().ticket("T-1").build();
    SlaAlert two = AnAlert.breach().ticket("T-2").build();
    Outcome delivered =
        new Outcome(one.id(), "chat", "console", 1, 0, "delivered", 1, null, MONDAY_MORNING);
    Outcome skipped =
        new Outcome(two.id(), "pager", "webhook", 2, 0, "skipped", 0, "off", MONDAY_MORNING);

    BatchRecord batch =
        StepDecisions.record(
            List.of(
                plan(one, "two-levels", 0, 0, MONDAY_MORNING).result(List.of(delivered)),
                plan(two, "two-levels", 1, 1, MONDAY_MORNING).result(List.of(skipped))));

    assertThat(batch.moves()).extracting(Move::alertId).containsExactly(one.id());
    assertThat(batch.ends()).extracting(End::alertId).containsExactly(two.id());
    assertThat(batch.stepAudit())
        .as("the outcomes' audit entries are written with their deliveries, not with the batch")
        .noneMatch(entry -> entry.event().equals("delivered") || entry.event().equals("skipped"));
  }
}
