package io.slawatch.core.clock;

import static io.slawatch.core.testing.TicketStory.at;
import static io.slawatch.core.testing.TicketStory.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.slawatch.core.alert.AlertKind;
import io.slawatch.core.alert.ClockKind;
import io.slawatch.core.alert.SlaAlert;
import io.slawatch.core.plan.PlanCatalog;
import io.slawatch.core.plan.PlanReader;
import io.slawatch.core.testing.TicketStory;
import io.slawatch.core.testing.ZoneSensitive;
import io.slawatch.core.ticket.Priority;
import io.slawatch.core.ticket.TicketStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The clock rules of support-plans.md section 6, as business stories. */
@ZoneSensitive
class SlaClockScenariosTest {

  static List<String> ids(Evaluation evaluation) {
    return evaluation.alerts().stream().map(SlaAlert::id).toList();
  }

  @Nested
  class FirstResponse {
    @Test
    void an_urgent_gold_ticket_is_warned_at_45_and_54_minutes_and_breached_at_one_hour() {
      Evaluation result =
          ticket("T-1")
              .onPlan("jamf-gold")
              .created("2026-03-23T10:00", Priority.P1)
              .asOf("2026-03-23T12:00");
      assertThat(result.alerts())
          .extracting(SlaAlert::kind, SlaAlert::firedAt, SlaAlert::due)
          .containsExactly(
              tuple(AlertKind.WARNING, at("2026-03-23T10:45"), at("2026-03-23T11:00")),
              tuple(AlertKind.WARNING, at("2026-03-23T10:54"), at("2026-03-23T11:00")),
              tuple(AlertKind.BREACHED, at("2026-03-23T11:00"), at("2026-03-23T11:00")));
      assertThat(ids(result))
          .containsExactly(
              "T-1/first_response/1/sla.warning/0.75",
              "T-1/first_response/1/sla.warning/0.9",
              "T-1/first_response/1/sla.breached/1.0");
      assertThat(result.alerts().getFirst().target()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void a_public_reply_in_time_is_met_and_starts_the_update_cadence() {
      Evaluation result =
          ticket("T-2")
              .created("2026-03-23T10:00", Priority.P1)
              .agentReplied("2026-03-23T10:30")
              .asOf("2026-03-23T16:00");
      assertThat(result.alerts())
          .extracting(SlaAlert::kind, SlaAlert::clock, SlaAlert::firedAt)
          .containsExactly(
              tuple(AlertKind.MET, ClockKind.FIRST_RESPONSE, at("2026-03-23T10:30")),
              tuple(AlertKind.UPDATE_DUE, ClockKind.UPDATE, at("2026-03-23T13:30")),
              tuple(AlertKind.UPDATE_DUE, ClockKind.UPDATE, at("2026-03-23T14:06")),
              tuple(AlertKind.BREACHED, ClockKind.UPDATE, at("2026-03-23T14:30")));
      assertThat(result.alerts().getFirst().elapsed()).contains(Duration.ofMinutes(30));
      assertThat(result.alerts().getFirst().metAt()).contains(at("2026-03-23T10:30"));
    }

    @Test
    void a_private_note_satisfies_nothing() {
      Evaluation result =
          ticket("T-3")
              .created("2026-03-23T10:00", Priority.P1)
              .privateNote("2026-03-23T10:30")
              .asOf("2026-03-23T12:00");
      assertThat(result.alerts())
          .extracting(SlaAlert::kind)
          .contains(AlertKind.BREACHED)
          .doesNotContain(AlertKind.MET);
      assertThat(result.clock(ClockKind.FIRST_RESPONSE).orElseThrow().explain())
          .contains("a private note satisfies nothing");
    }

    @Test
    void a_silver_ticket_raised_on_friday_evening_counts_from_monday_morning() {
      Evaluation result =
          ticket("T-4")
              .onPlan("jamf-silver")
              .customerIn("Europe/Paris")
              .created("2026-03-27T18:00+01:00", Priority.P1)
              .asOf("2026-04-01T00:00Z");
      assertThat(result.alerts())
          .filteredOn(a -> a.kind() == AlertKind.BREACHED)
          .extracting(SlaAlert::firedAt)
          .containsExactly(at("2026-03-30T10:00+02:00"));
    }

    @Test
    void a_reply_exactly_at_the_deadline_is_in_time() {
      Evaluation result =
          ticket("T-5")
              .created("2026-03-23T10:00", Priority.P1)
              .agentReplied("2026-03-23T11:00")
              .asOf("2026-03-23T11:30");
      assertThat(result.alerts())
          .extracting(SlaAlert::kind)
          .containsExactly(AlertKind.WARNING, AlertKind.WARNING, AlertKind.MET);
    }

    @Test
    void a_late_reply_leaves_the_breach_and_is_not_reported_as_met() {
      Evaluation result =
          ticket("T-6")
              .created("2026-03-23T10:00", Priority.P1)
              .agentReplied("2026-03-23T11:30")
              .asOf("2026-03-23T11:45");
      assertThat(result.alerts())
          .extracting(SlaAlert::kind)
          .doesNotContain(AlertKind.MET)
          .contains(AlertKind.BREACHED);
      assertThat(result.clock(ClockKind.FIRST_RESPONSE).orElseThrow().state())
          .isInstanceOf(ClockState.Met.class);
    }
  }

  @Nested
  class NextResponse {
    @Test
    void a_customer_message_starts_a_response_clock_anchored_on_the_oldest_unanswered_one() {
      Evaluation result =
          ticket("T-10")
              .created("2026-03-23T09:00", Priority.P2)
              .agentReplied("2026-03-23T09:30")
              .customerReplied("2026-03-23T10:00")
              .customerReplied("2026-03-23T11:00")
              .asOf("2026-03-23T16:00");
      assertThat(result.alerts())
          .filteredOn(a -> a.clock() == ClockKind.NEXT_RESPONSE && a.kind() == AlertKind.BREACHED)
          .extracting(SlaAlert::firedAt, SlaAlert::cycle)
          .containsExactly(tuple(at("2026-03-23T13:00"), 1));
    }

    @Test
    void each_answered_exchange_is_a_new_clock_instance_with_its_own_alert_ids() {
      Evaluation result =
          ticket("T-11")
              .created("2026-03-23T09:00", Priority.P2)
              .agentReplied("2026-03-23T09:30")
              .customerReplied("2026-03-23T10:00")
              .agentReplied("2026-03-23T10:30")
              .customerReplied("2026-03-23T11:00")
              .agentReplied("2026-03-23T11:10")
              .asOf("2026-03-23T11:20");
      assertThat(ids(result))
          .contains("T-11/next_response/1/sla.met", "T-11/next_response/2/sla.met");
    }

    @Test
    void a_customer_message_before_the_first_answer_is_covered_by_the_first_response_clock() {
      Evaluation result =
          ticket("T-12")
              .created("2026-03-23T09:00", Priority.P2)
              .customerReplied("2026-03-23T09:10")
              .asOf("2026-03-23T20:00");
      assertThat(result.clocks())
          .extracting(ClockReport::clock)
          .containsExactly(ClockKind.FIRST_RESPONSE);
    }

    @Test
    void plans_that_promise_only_an_initial_response_have_no_next_response_clock() {
      Evaluation result =
          ticket("T-13")
              .onPlan("opswat-platinum")
              .created("2026-03-23T09:00", Priority.P1)
              .agentReplied("2026-03-23T09:10")
              .customerReplied("2026-03-23T09:20")
              .asOf("2026-03-24T20:00");
      assertThat(result.clocks())
          .extracting(ClockReport::clock)
          .containsExactly(ClockKind.FIRST_RESPONSE);
    }
  }

  @Nested
  class Pauses {
    @Test
    void waiting_on_the_customer_consumes_no_time_and_resumes_with_what_was_left() {
      Evaluation result =
          ticket("T-20")
              .created("2026-03-23T10:00", Priority.P1)
              .status("2026-03-23T10:20", TicketStatus.PENDING)
              .status("2026-03-23T12:00", TicketStatus.OPEN)
              .asOf("2026-03-23T14:00");
      assertThat(result.alerts())
          .extracting(SlaAlert::kind, SlaAlert::firedAt)
          .containsExactly(
              tuple(AlertKind.WARNING, at("2026-03-23T12:25")),
              tuple(AlertKind.WARNING, at("2026-03-23T12:34")),
              tuple(AlertKind.BREACHED, at("2026-03-23T12:40")));
      assertThat(result.clock(ClockKind.FIRST_RESPONSE).orElseThrow().explain())
          .contains("paused with 20m of 1h used")
          .contains("resumes with 40m left, due 2026-03-23T12:40:00Z");
    }

    @Test
    void an_on_hold_ticket_never_breaches_while_on_hold() {
      Evaluation result =
          ticket("T-21")
              .created("2026-03-23T10:00", Priority.P1)
              .status("2026-03-23T10:10", TicketStatus.ON_HOLD)
              .asOf("2026-03-30T10:00");
      assertThat(result.alerts()).isEmpty();
      assertThat(result.upcoming()).isEmpty();
    }

    @Test
    void a_pending_to_on_hold_move_keeps_the_clock_paused() {
      Evaluation result =
          ticket("T-22")
              .created("2026-03-23T10:00", Priority.P1)
              .status("2026-03-23T10:30", TicketStatus.PENDING)
              .status("2026-03-23T11:00", TicketStatus.ON_HOLD)
              .status("2026-03-23T12:00", TicketStatus.OPEN)
              .asOf("2026-03-23T14:00");
      assertThat(result.alerts())
          .filteredOn(a -> a.kind() == AlertKind.BREACHED)
          .extracting(SlaAlert::firedAt)
          .containsExactly(at("2026-03-23T12:30"));
    }
  }

  @Nested
  class TargetChanges {
    @Test
    void raising_the_priority_past_an_exceeded_target_breaches_at_the_change_never_back_dated() {
      Evaluation result =
          ticket("T-30")
              .created("2026-03-23T10:00", Priority.P3)
              .priority("2026-03-23T11:30", Priority.P1)
              .asOf("2026-03-23T18:00");
      assertThat(result.alerts())
          .extracting(SlaAlert::kind, SlaAlert::firedAt, SlaAlert::priority, SlaAlert::due)
          .containsExactly(
              tuple(
                  AlertKind.BREACHED, at("2026-03-23T11:30"), Priority.P1, at("2026-03-23T11:30")));
      assertThat(result.clock(ClockKind.FIRST_RESPONSE).orElseThrow().explain())
          .contains("already exceeded, breaches now (never back-dated)");
    }

    @Test
    void lowering_the_priority_keeps_the_start_and_the_time_consumed() {
      Evaluation result =
          ticket("T-31")
              .created("2026-03-23T10:00", Priority.P1)
              .priority("2026-03-23T10:30", Priority.P2)
              .asOf("2026-03-23T18:00");
      assertThat(result.alerts())
          .extracting(SlaAlert::kind, SlaAlert::firedAt)
          .containsExactly(
              tuple(AlertKind.WARNING, at("2026-03-23T12:15")),
              tuple(AlertKind.WARNING, at("2026-03-23T12:42")),
              tuple(AlertKind.BREACHED, at("2026-03-23T13:00")));
    }

    @Test
    void a_plan_change_keeps_the_business_time_consumed_on_the_old_calendar() {
      // jamf-silver P1 runs on business hours (UTC 09-17): 10:00-17:00 Monday is 7h... answer by
      // 10:00 +1h
      Evaluation result =
          ticket("T-32")
              .onPlan("jamf-silver")
              .created("2026-03-23T16:30", Priority.P1)
              .planChanged("2026-03-23T18:00", "jamf-gold")
              .asOf("2026-03-24T12:00");
      assertThat(result.alerts())
          .filteredOn(a -> a.kind() == AlertKind.BREACHED)
          .extracting(SlaAlert::firedAt, SlaAlert::plan)
          .containsExactly(tuple(at("2026-03-23T18:30"), "jamf-gold"));
    }

    @Test
    void a_change_to_an_unknown_plan_is_ignored_and_noted() {
      Evaluation result =
          ticket("T-33")
              .created("2026-03-23T10:00", Priority.P1)
              .planChanged("2026-03-23T10:10", "nope")
              .asOf("2026-03-23T12:00");
      assertThat(result.notes()).anyMatch(n -> n.contains("unknown plan nope"));
      assertThat(result.alerts()).extracting(SlaAlert::plan).containsOnly("jamf-gold");
    }
  }

  @Nested
  class SolveAndReopen {
    @Test
    void solving_stops_every_clock() {
      Evaluation result =
          ticket("T-40")
              .created("2026-03-23T10:00", Priority.P1)
              .status("2026-03-23T10:30", TicketStatus.SOLVED)
              .asOf("2026-03-30T10:00");
      assertThat(result.alerts()).isEmpty();
      assertThat(result.clock(ClockKind.FIRST_RESPONSE).orElseThrow().state())
          .isInstanceOf(ClockState.Stopped.class);
    }

    @Test
    void
        a_reopen_by_a_customer_message_starts_next_response_and_the_update_waits_for_the_next_reply() {
      Evaluation result =
          ticket("T-41")
              .created("2026-03-23T09:00", Priority.P2)
              .agentReplied("2026-03-23T09:30")
              .status("2026-03-23T10:00", TicketStatus.SOLVED)
              .customerReplied("2026-03-23T12:00")
              .status("2026-03-23T12:00", TicketStatus.OPEN)
              .asOf("2026-03-23T20:00");
      assertThat(result.alerts())
          .extracting(SlaAlert::kind, SlaAlert::clock, SlaAlert::firedAt)
          .containsExactly(
              tuple(AlertKind.MET, ClockKind.FIRST_RESPONSE, at("2026-03-23T09:30")),
              tuple(AlertKind.WARNING, ClockKind.NEXT_RESPONSE, at("2026-03-23T14:15")),
              tuple(AlertKind.WARNING, ClockKind.NEXT_RESPONSE, at("2026-03-23T14:42")),
              tuple(AlertKind.BREACHED, ClockKind.NEXT_RESPONSE, at("2026-03-23T15:00")));
      assertThat(result.clock(ClockKind.UPDATE).orElseThrow().state())
          .isInstanceOf(ClockState.Stopped.class);
    }

    @Test
    void after_a_reopen_the_next_public_reply_resumes_the_update_cadence() {
      Evaluation result =
          ticket("T-42")
              .created("2026-03-23T09:00", Priority.P2)
              .agentReplied("2026-03-23T09:30")
              .status("2026-03-23T10:00", TicketStatus.SOLVED)
              .customerReplied("2026-03-23T12:00")
              .status("2026-03-23T12:00", TicketStatus.OPEN)
              .agentReplied("2026-03-23T13:00")
              .asOf("2026-03-23T13:01");
      assertThat(result.upcoming())
          .filteredOn(a -> a.kind() == AlertKind.BREACHED)
          .extracting(SlaAlert::id, SlaAlert::firedAt)
          .containsExactly(tuple("T-42/update/2/sla.breached/1.0", at("2026-03-23T17:00")));
    }
  }

  @Nested
  class Updates {
    @Test
    void every_4_business_hours_restarts_at_each_public_reply() {
      Evaluation result =
          ticket("T-50")
              .onPlan("jamf-silver")
              .created("2026-03-23T09:00", Priority.P1)
              .agentReplied("2026-03-23T10:00")
              .agentReplied("2026-03-23T13:00")
              .asOf("2026-03-24T09:00");
      assertThat(result.alerts())
          .filteredOn(a -> a.clock() == ClockKind.UPDATE)
          .extracting(SlaAlert::kind, SlaAlert::cycle, SlaAlert::firedAt)
          .containsExactly(
              tuple(AlertKind.MET, 1, at("2026-03-23T13:00")),
              tuple(AlertKind.UPDATE_DUE, 2, at("2026-03-23T16:00")),
              tuple(AlertKind.UPDATE_DUE, 2, at("2026-03-23T16:36")),
              tuple(AlertKind.BREACHED, 2, at("2026-03-23T17:00")));
    }

    @Test
    void once_per_business_day_is_due_the_next_business_day_at_the_same_local_time() {
      Evaluation result =
          ticket("T-51")
              .onPlan("jamf-silver")
              .customerIn("Europe/Paris")
              .created("2026-03-27T14:00+01:00", Priority.P3)
              .agentReplied("2026-03-27T15:00+01:00")
              .asOf("2026-04-01T00:00Z");
      assertThat(result.alerts())
          .filteredOn(a -> a.clock() == ClockKind.UPDATE && a.kind() == AlertKind.BREACHED)
          .extracting(SlaAlert::firedAt)
          .containsExactly(at("2026-03-30T15:00+02:00"));
    }

    @Test
    void when_the_status_changes_an_update_is_due_within_the_response_target() {
      Evaluation result =
          ticket("T-52")
              .created("2026-03-23T09:00", Priority.P4)
              .agentReplied("2026-03-23T10:00")
              .status("2026-03-23T11:00", TicketStatus.OPEN)
              .asOf("2026-03-24T09:00");
      assertThat(result.alerts())
          .filteredOn(a -> a.clock() == ClockKind.UPDATE)
          .extracting(SlaAlert::kind, SlaAlert::firedAt)
          .containsExactly(
              tuple(AlertKind.UPDATE_DUE, at("2026-03-23T17:00")),
              tuple(AlertKind.UPDATE_DUE, at("2026-03-23T18:12")),
              tuple(AlertKind.BREACHED, at("2026-03-23T19:00")));
    }
  }

  @Nested
  class OtherPlans {
    @Test
    void an_opswat_silver_blocker_runs_on_twelve_hours_of_business_days() {
      Evaluation result =
          ticket("T-60")
              .onPlan("opswat-silver")
              .customerIn("Europe/Bucharest")
              .created("2026-03-27T19:00+02:00", Priority.P1)
              .asOf("2026-04-01T00:00Z");
      assertThat(result.alerts())
          .filteredOn(a -> a.kind() == AlertKind.BREACHED)
          .extracting(SlaAlert::firedAt)
          .containsExactly(at("2026-03-30T11:00+03:00"));
    }

    @Test
    void a_eurolinux_standard_medium_ticket_is_due_one_business_day_later() {
      Evaluation result =
          ticket("T-61")
              .onPlan("eurolinux-standard")
              .customerIn("Europe/Warsaw")
              .created("2026-03-24T15:00+01:00", Priority.P3)
              .asOf("2026-04-01T00:00Z");
      assertThat(result.alerts())
          .filteredOn(a -> a.kind() == AlertKind.BREACHED)
          .extracting(SlaAlert::firedAt, SlaAlert::target)
          .containsExactly(tuple(at("2026-03-25T15:00+01:00"), Duration.ofHours(8)));
    }

    @Test
    void lead_time_warnings_fire_before_the_deadline() {
      PlanCatalog custom =
          PlanCatalog.of(
              List.of(
                  PlanReader.read(
                      """
                      name: lead
                      warnings: [15m before]
                      clocks:
                        P1: {first_response: {target: 1h, calendar: 24x7}}
                        P2: {first_response: {target: 2h, calendar: 24x7}}
                        P3: {first_response: {target: 3h, calendar: 24x7}}
                        P4: {first_response: {target: 4h, calendar: 24x7}}
                      """)));
      Evaluation result =
          ticket("T-62")
              .withPlans(custom)
              .onPlan("lead")
              .created("2026-03-23T10:00", Priority.P2)
              .asOf("2026-03-23T13:00");
      assertThat(result.alerts())
          .extracting(SlaAlert::id, SlaAlert::firedAt)
          .containsExactly(
              tuple("T-62/first_response/1/sla.warning/0.875", at("2026-03-23T11:45")),
              tuple("T-62/first_response/1/sla.breached/1.0", at("2026-03-23T12:00")));
    }
  }

  @Test
  void evaluating_earlier_shows_what_is_still_to_come_for_the_timer() {
    TicketStory story = ticket("T-70").created("2026-03-23T10:00", Priority.P1);
    Evaluation early = story.asOf("2026-03-23T10:50");
    Evaluation late = story.asOf("2026-03-23T12:00");
    assertThat(early.alerts()).hasSize(1);
    assertThat(early.upcoming()).hasSize(2);
    assertThat(early.alerts().stream().toList()).isSubsetOf(late.alerts());
    assertThat(early.upcoming()).isSubsetOf(late.alerts());
    assertThat(early.clock(ClockKind.FIRST_RESPONSE).orElseThrow().due())
        .contains(at("2026-03-23T11:00"));
  }
}
