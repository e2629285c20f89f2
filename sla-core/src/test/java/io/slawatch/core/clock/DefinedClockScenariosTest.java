package io.slawatch.core.clock;

import static io.slawatch.core.testing.TicketStory.at;
import static io.slawatch.core.testing.TicketStory.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.slawatch.core.alert.AlertKind;
import io.slawatch.core.alert.ClockKind;
import io.slawatch.core.alert.EndReason;
import io.slawatch.core.alert.SlaAlert;
import io.slawatch.core.plan.PlanCatalog;
import io.slawatch.core.plan.PlanReader;
import io.slawatch.core.testing.TicketStory;
import io.slawatch.core.testing.ZoneSensitive;
import io.slawatch.core.ticket.Priority;
import io.slawatch.core.ticket.TicketStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Clocks a plan file defines by their start, stop and pause conditions (issue 15), run by the
 * engine beside the built-in ones. The customer works 09:00-17:00 UTC, Monday to Friday; 2026-03-23
 * is a Monday.
 */
@ZoneSensitive
class DefinedClockScenariosTest {
  static final String PLAN =
      """
      name: acme-obligations
      clocks:
        P1: {first_response: {target: 1h, calendar: 24x7}}
        P2: {first_response: {target: 2h, calendar: 24x7}}
        P3: {first_response: {target: 4h, calendar: business_hours}}
        P4: {first_response: {target: 8h, calendar: business_hours}}
      defined_clocks:
        fix:
          title: A fix released
          start_on: {event: ticket.milestone, name: bug_confirmed}
          stop_on:
            - {event: ticket.milestone, name: fix_released}
          pause_on: {status: [pending, on_hold]}
          targets:
            P1: {target: 4h, calendar: business_hours}
            P2: {target: 8h, calendar: business_hours}
          warnings: [50%]
        callback:
          title: A phone ticket called back
          start_on: {event: ticket.created, channel: phone}
          stop_on: {event: ticket.agent_replied}
          targets: {any: {target: 30m, calendar: 24x7}}
      """;

  static final PlanCatalog PLANS = PlanCatalog.of(List.of(PlanReader.read(PLAN)));
  static final ClockKind FIX = ClockKind.defined("fix");
  static final ClockKind CALLBACK = ClockKind.defined("callback");

  static TicketStory story(String id) {
    return ticket(id).withPlans(PLANS).onPlan("acme-obligations");
  }

  static List<SlaAlert> alertsOf(Evaluation result, ClockKind clock) {
    return result.alerts().stream().filter(a -> a.clock().equals(clock)).toList();
  }

  @Nested
  class StartAndStop {
    @Test
    void a_milestone_starts_the_clock_and_another_meets_it_with_alerts_named_after_it() {
      Evaluation result =
          story("T-200")
              .created("2026-03-23T10:00", Priority.P1)
              .agentReplied("2026-03-23T10:05")
              .milestone("2026-03-23T11:00", "bug_confirmed")
              .milestone("2026-03-23T13:30", "fix_released")
              .asOf("2026-03-24T12:00");
      assertThat(alertsOf(result, FIX))
          .extracting(SlaAlert::kind, SlaAlert::firedAt, SlaAlert::threshold)
          .containsExactly(
              tuple(AlertKind.WARNING, at("2026-03-23T13:00"), Optional.of(0.5)),
              tuple(AlertKind.MET, at("2026-03-23T13:30"), Optional.empty()));
      SlaAlert met = alertsOf(result, FIX).getLast();
      assertThat(met.id()).isEqualTo("T-200/fix/1/sla.met");
      assertThat(met.clock().wireName()).isEqualTo("fix");
      assertThat(met.terms()).contains("4 business hours");
      assertThat(met.elapsed()).contains(Duration.ofMinutes(150));
      assertThat(met.due()).isEqualTo(at("2026-03-23T15:00"));
      assertThat(result.clock(FIX).orElseThrow().explain())
          .contains("ticket.milestone bug_confirmed (start_on: ticket.milestone bug_confirmed)")
          .contains("fix starts: 4h on business_hours, due 2026-03-23T15:00:00Z")
          .contains("ticket.milestone fix_released (stop_on: ticket.milestone fix_released)");
    }

    @Test
    void an_unmet_defined_clock_breaches_and_ends_met_late_when_its_stop_comes() {
      Evaluation result =
          story("T-201")
              .created("2026-03-23T10:00", Priority.P1)
              .milestone("2026-03-23T11:00", "bug_confirmed")
              .milestone("2026-03-24T10:00", "fix_released")
              .asOf("2026-03-24T12:00");
      assertThat(alertsOf(result, FIX))
          .extracting(SlaAlert::kind, SlaAlert::firedAt, SlaAlert::reason)
          .containsExactly(
              tuple(AlertKind.WARNING, at("2026-03-23T13:00"), Optional.empty()),
              tuple(AlertKind.BREACHED, at("2026-03-23T15:00"), Optional.empty()),
              tuple(AlertKind.ENDED, at("2026-03-24T10:00"), Optional.of(EndReason.MET_LATE)));
    }

    @Test
    void events_that_meet_no_start_condition_start_nothing() {
      Evaluation result =
          story("T-202")
              .createdVia("2026-03-23T10:00", Priority.P1, "portal")
              .milestone("2026-03-23T10:10", "fix_released")
              .milestone("2026-03-23T10:20", "bug_reported")
              .asOf("2026-03-24T12:00");
      assertThat(result.clocks())
          .extracting(ClockReport::clock)
          .containsExactly(ClockKind.FIRST_RESPONSE);
    }

    @Test
    void a_condition_on_the_channel_starts_the_clock_for_that_channel_only() {
      Evaluation phone =
          story("T-203")
              .createdVia("2026-03-23T10:00", Priority.P3, "phone")
              .asOf("2026-03-23T12:00");
      assertThat(alertsOf(phone, CALLBACK))
          .extracting(SlaAlert::kind, SlaAlert::firedAt)
          .containsExactly(
              tuple(AlertKind.WARNING, at("2026-03-23T10:22:30Z")),
              tuple(AlertKind.WARNING, at("2026-03-23T10:27")),
              tuple(AlertKind.BREACHED, at("2026-03-23T10:30")));
      Evaluation email =
          story("T-204")
              .createdVia("2026-03-23T10:00", Priority.P3, "email")
              .asOf("2026-03-23T12:00");
      assertThat(email.clock(CALLBACK)).isEmpty();
    }

    @Test
    void a_private_note_meets_no_defined_clock_a_public_reply_does() {
      Evaluation result =
          story("T-205")
              .createdVia("2026-03-23T10:00", Priority.P3, "phone")
              .privateNote("2026-03-23T10:05")
              .agentReplied("2026-03-23T10:10")
              .asOf("2026-03-23T12:00");
      assertThat(alertsOf(result, CALLBACK))
          .extracting(SlaAlert::kind, SlaAlert::firedAt, SlaAlert::elapsed)
          .containsExactly(
              tuple(AlertKind.MET, at("2026-03-23T10:10"), Optional.of(Duration.ofMinutes(10))));
    }

    @Test
    void a_start_while_it_runs_changes_nothing_a_start_after_it_stopped_is_a_new_cycle() {
      Evaluation result =
          story("T-206")
              .created("2026-03-23T09:00", Priority.P1)
              .milestone("2026-03-23T10:00", "bug_confirmed")
              .milestone("2026-03-23T11:00", "bug_confirmed")
              .milestone("2026-03-23T11:30", "fix_released")
              .milestone("2026-03-24T09:00", "bug_confirmed")
              .asOf("2026-03-24T15:00");
      assertThat(alertsOf(result, FIX))
          .extracting(SlaAlert::id, SlaAlert::firedAt)
          .containsExactly(
              tuple("T-206/fix/1/sla.met", at("2026-03-23T11:30")),
              tuple("T-206/fix/2/sla.warning/0.5", at("2026-03-24T11:00")),
              tuple("T-206/fix/2/sla.breached/1.0", at("2026-03-24T13:00")));
    }

    @Test
    void the_next_alert_of_a_running_defined_clock_is_upcoming_for_the_timers() {
      Evaluation result =
          story("T-207")
              .created("2026-03-23T09:00", Priority.P2)
              .milestone("2026-03-23T16:00", "bug_confirmed")
              .asOf("2026-03-23T16:30");
      assertThat(result.upcoming())
          .filteredOn(a -> a.clock().equals(FIX))
          .extracting(SlaAlert::kind, SlaAlert::firedAt)
          .containsExactly(
              tuple(AlertKind.WARNING, at("2026-03-24T12:00")),
              tuple(AlertKind.BREACHED, at("2026-03-24T16:00")));
    }
  }

  @Nested
  class PausesAndTicketChanges {
    @Test
    void
        a_defined_clock_pauses_while_the_ticket_meets_its_pause_on_and_resumes_with_its_time_left() {
      Evaluation result =
          story("T-210")
              .created("2026-03-23T09:00", Priority.P1)
              .milestone("2026-03-23T11:00", "bug_confirmed")
              .status("2026-03-23T12:00", TicketStatus.PENDING)
              .status("2026-03-23T14:00", TicketStatus.OPEN)
              .asOf("2026-03-24T12:00");
      assertThat(alertsOf(result, FIX))
          .extracting(SlaAlert::kind, SlaAlert::firedAt)
          .containsExactly(
              tuple(AlertKind.WARNING, at("2026-03-23T15:00")),
              tuple(AlertKind.BREACHED, at("2026-03-23T17:00")));
      assertThat(result.clock(FIX).orElseThrow().explain())
          .contains("paused with 1h of 4h used")
          .contains("resumes with 3h left, due 2026-03-23T17:00:00Z");
    }

    @Test
    void a_defined_clock_started_while_its_pause_holds_starts_paused() {
      Evaluation result =
          story("T-211")
              .created("2026-03-23T09:00", Priority.P1)
              .status("2026-03-23T10:00", TicketStatus.ON_HOLD)
              .milestone("2026-03-23T11:00", "bug_confirmed")
              .status("2026-03-24T09:00", TicketStatus.OPEN)
              .asOf("2026-03-24T18:00");
      assertThat(alertsOf(result, FIX))
          .filteredOn(a -> a.kind() == AlertKind.BREACHED)
          .extracting(SlaAlert::firedAt)
          .containsExactly(at("2026-03-24T13:00"));
    }

    @Test
    void without_pause_on_a_defined_clock_runs_through_the_plans_pause_statuses() {
      Evaluation result =
          story("T-212")
              .createdVia("2026-03-23T10:00", Priority.P3, "phone")
              .status("2026-03-23T10:01", TicketStatus.PENDING)
              .asOf("2026-03-23T12:00");
      assertThat(alertsOf(result, CALLBACK))
          .filteredOn(a -> a.kind() == AlertKind.BREACHED)
          .extracting(SlaAlert::firedAt)
          .containsExactly(at("2026-03-23T10:30"));
    }

    @Test
    void solving_the_ticket_stops_the_built_in_clocks_but_not_a_defined_one() {
      Evaluation result =
          story("T-213")
              .created("2026-03-23T09:00", Priority.P1)
              .agentReplied("2026-03-23T09:10")
              .milestone("2026-03-23T10:00", "bug_confirmed")
              .status("2026-03-23T10:30", TicketStatus.SOLVED)
              .milestone("2026-03-23T16:00", "fix_released")
              .asOf("2026-03-24T12:00");
      assertThat(alertsOf(result, FIX))
          .extracting(SlaAlert::kind, SlaAlert::firedAt, SlaAlert::reason)
          .containsExactly(
              tuple(AlertKind.WARNING, at("2026-03-23T12:00"), Optional.empty()),
              tuple(AlertKind.BREACHED, at("2026-03-23T14:00"), Optional.empty()),
              tuple(AlertKind.ENDED, at("2026-03-23T16:00"), Optional.of(EndReason.MET_LATE)));
    }

    @Test
    void a_priority_change_retargets_a_defined_clock_and_one_without_a_target_removes_it() {
      Evaluation retargeted =
          story("T-214")
              .created("2026-03-23T09:00", Priority.P1)
              .milestone("2026-03-23T09:00", "bug_confirmed")
              .priority("2026-03-23T10:00", Priority.P2)
              .asOf("2026-03-23T18:00");
      assertThat(retargeted.clock(FIX).orElseThrow().due()).contains(at("2026-03-23T17:00"));
      Evaluation removed =
          story("T-215")
              .created("2026-03-23T09:00", Priority.P1)
              .milestone("2026-03-23T09:00", "bug_confirmed")
              .priority("2026-03-23T11:30", Priority.P3)
              .asOf("2026-03-23T18:00");
      assertThat(alertsOf(removed, FIX))
          .extracting(SlaAlert::kind, SlaAlert::firedAt, SlaAlert::reason)
          .containsExactly(
              tuple(AlertKind.WARNING, at("2026-03-23T11:00"), Optional.empty()),
              tuple(AlertKind.ENDED, at("2026-03-23T11:30"), Optional.of(EndReason.CLOCK_REMOVED)));
    }

    @Test
    void a_plan_change_to_a_plan_without_the_clock_ends_it_clock_removed() {
      Evaluation result =
          story("T-216")
              .created("2026-03-23T09:00", Priority.P1)
              .milestone("2026-03-23T09:00", "bug_confirmed")
              .planChanged("2026-03-23T12:00", "jamf-gold")
              .asOf("2026-03-23T18:00");
      assertThat(alertsOf(result, FIX))
          .extracting(SlaAlert::kind, SlaAlert::reason)
          .containsExactly(
              tuple(AlertKind.WARNING, Optional.empty()),
              tuple(AlertKind.ENDED, Optional.of(EndReason.CLOCK_REMOVED)));
    }
  }
}
