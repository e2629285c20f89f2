package io.slawatch.core.clock;

import static io.slawatch.core.testing.TicketStory.at;
import static io.slawatch.core.testing.TicketStory.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.slawatch.core.alert.AlertKind;
import io.slawatch.core.alert.ClockKind;
import io.slawatch.core.alert.EndReason;
import io.slawatch.core.alert.SlaAlert;
import io.slawatch.core.calendar.CalendarDefinition;
import io.slawatch.core.plan.PlanCatalog;
import io.slawatch.core.plan.PlanReader;
import io.slawatch.core.plan.PresetPlans;
import io.slawatch.core.testing.Calendars;
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
 * The obligations beyond the response clock that the seed plans promise (issue 15), as the preset
 * plans define them, on the customer's own calendar: a customer in Paris working 09:00-17:00,
 * Monday to Friday, with Easter Monday (2026-04-06) off. Clocks go forward on Sunday 2026-03-29.
 */
@ZoneSensitive
class ObligationScenariosTest {
  static final ClockKind HARDWARE = ClockKind.defined("hardware_replacement");
  static final ClockKind RCA = ClockKind.defined("rca");

  static final CalendarDefinition PARIS =
      Calendars.officeHours("Europe/Paris").holiday("2026-04-06").definition();

  static TicketStory story(String id, String plan) {
    return ticket(id).onPlan(plan).customerCalendar(PARIS);
  }

  static List<SlaAlert> alertsOf(Evaluation result, ClockKind clock) {
    return result.alerts().stream().filter(a -> a.clock().equals(clock)).toList();
  }

  /** OPSWAT: "advance replacement shipped within 2 business days of identifying a defect". */
  @Nested
  class HardwareReplacement {
    @Test
    void shipped_on_the_monday_after_a_thursday_defect_is_met_across_the_weekend_and_dst() {
      Evaluation result =
          story("T-300", "opswat-gold")
              .created("2026-03-26T14:00+01:00", Priority.P3)
              .agentReplied("2026-03-26T14:30+01:00")
              .milestone("2026-03-26T15:00+01:00", "hardware_defect_identified")
              .milestone("2026-03-30T12:00+02:00", "replacement_shipped")
              .asOf("2026-04-01T12:00+02:00");
      assertThat(alertsOf(result, HARDWARE))
          .extracting(SlaAlert::kind, SlaAlert::firedAt, SlaAlert::due)
          .containsExactly(
              tuple(AlertKind.WARNING, at("2026-03-30T11:00+02:00"), at("2026-03-30T15:00+02:00")),
              tuple(AlertKind.MET, at("2026-03-30T12:00+02:00"), at("2026-03-30T15:00+02:00")));
      SlaAlert met = alertsOf(result, HARDWARE).getLast();
      assertThat(met.id()).isEqualTo("T-300/hardware_replacement/1/sla.met");
      assertThat(met.terms()).contains("2 business days");
      assertThat(met.target()).as("Thu 2h + Fri 8h + Mon 6h").isEqualTo(Duration.ofHours(16));
      assertThat(met.elapsed()).contains(Duration.ofHours(13));
    }

    @Test
    void not_shipped_by_the_same_local_time_two_business_days_later_is_a_breach() {
      Evaluation result =
          story("T-301", "opswat-gold")
              .created("2026-03-26T14:00+01:00", Priority.P3)
              .milestone("2026-03-26T15:00+01:00", "hardware_defect_identified")
              .milestone("2026-03-31T10:00+02:00", "replacement_shipped")
              .asOf("2026-04-01T12:00+02:00");
      assertThat(alertsOf(result, HARDWARE))
          .extracting(SlaAlert::kind, SlaAlert::firedAt, SlaAlert::reason)
          .containsExactly(
              tuple(AlertKind.WARNING, at("2026-03-30T11:00+02:00"), Optional.empty()),
              tuple(AlertKind.WARNING, at("2026-03-30T13:24+02:00"), Optional.empty()),
              tuple(AlertKind.BREACHED, at("2026-03-30T15:00+02:00"), Optional.empty()),
              tuple(
                  AlertKind.ENDED, at("2026-03-31T10:00+02:00"), Optional.of(EndReason.MET_LATE)));
      assertThat(alertsOf(result, HARDWARE).getLast().elapsed())
          .as("Thu 2h + Fri 8h + Mon 8h + Tue 1h")
          .contains(Duration.ofHours(19));
    }

    @Test
    void the_customers_holiday_is_not_a_business_day() {
      TicketStory story =
          story("T-302", "opswat-platinum")
              .created("2026-04-03T10:00+02:00", Priority.P1)
              .milestone("2026-04-03T11:00+02:00", "hardware_defect_identified");
      Evaluation result = story.asOf("2026-04-09T12:00+02:00");
      assertThat(alertsOf(result, HARDWARE))
          .filteredOn(a -> a.kind() == AlertKind.BREACHED)
          .extracting(SlaAlert::firedAt)
          .as("Easter Monday skipped: Tuesday and Wednesday are the two business days")
          .containsExactly(at("2026-04-08T11:00+02:00"));
      Evaluation withoutHoliday =
          story
              .customerCalendar(Calendars.officeHours("Europe/Paris").definition())
              .asOf("2026-04-09T12:00+02:00");
      assertThat(alertsOf(withoutHoliday, HARDWARE))
          .filteredOn(a -> a.kind() == AlertKind.BREACHED)
          .extracting(SlaAlert::firedAt)
          .containsExactly(at("2026-04-07T11:00+02:00"));
    }

    @Test
    void an_s1_ticket_counts_the_replacement_in_business_days_not_in_case_support_hours() {
      Evaluation result =
          story("T-303", "opswat-silver")
              .created("2026-03-27T18:00+01:00", Priority.P1)
              .milestone("2026-03-27T18:30+01:00", "hardware_defect_identified")
              .asOf("2026-03-27T19:00+01:00");
      assertThat(result.clock(HARDWARE).orElseThrow().due())
          .as("identified after hours on Friday: counts from Monday's opening")
          .contains(at("2026-04-01T09:00+02:00"));
      assertThat(result.clock(ClockKind.FIRST_RESPONSE).orElseThrow().due())
          .as("S1's first response runs 08:00-20:00 on business days")
          .contains(at("2026-03-30T10:00+02:00"));
    }

    @Test
    void waiting_on_the_customer_does_not_pause_it_and_solving_the_ticket_does_not_stop_it() {
      Evaluation result =
          story("T-304", "opswat-emerald-us")
              .created("2026-03-26T14:00+01:00", Priority.P2)
              .milestone("2026-03-26T15:00+01:00", "hardware_defect_identified")
              .status("2026-03-26T16:00+01:00", TicketStatus.PENDING)
              .status("2026-03-27T10:00+01:00", TicketStatus.SOLVED)
              .asOf("2026-03-30T16:00+02:00");
      assertThat(alertsOf(result, HARDWARE))
          .filteredOn(a -> a.kind() == AlertKind.BREACHED)
          .extracting(SlaAlert::firedAt)
          .containsExactly(at("2026-03-30T15:00+02:00"));
      assertThat(result.clock(HARDWARE).orElseThrow().state())
          .isInstanceOf(ClockState.Running.class);
    }

    @Test
    void a_plan_file_can_pause_it_while_the_ticket_is_on_hold() {
      String paused =
          PresetPlans.yaml("opswat-gold")
              .replace("name: opswat-gold", "name: opswat-gold-paused")
              .replace(
                  "    stop_on: {event: ticket.milestone, name: replacement_shipped}\n",
                  "    stop_on: {event: ticket.milestone, name: replacement_shipped}\n"
                      + "    pause_on: {status: on_hold}\n");
      Evaluation result =
          story("T-305", "opswat-gold-paused")
              .withPlans(PlanCatalog.of(List.of(PlanReader.read(paused))))
              .created("2026-03-26T14:00+01:00", Priority.P3)
              .milestone("2026-03-26T15:00+01:00", "hardware_defect_identified")
              .status("2026-03-27T09:00+01:00", TicketStatus.ON_HOLD)
              .status("2026-03-27T13:00+01:00", TicketStatus.OPEN)
              .asOf("2026-04-01T12:00+02:00");
      assertThat(alertsOf(result, HARDWARE))
          .filteredOn(a -> a.kind() == AlertKind.BREACHED)
          .extracting(SlaAlert::firedAt)
          .as("4 business hours on hold push the deadline 4 business hours later")
          .containsExactly(at("2026-03-31T11:00+02:00"));
      assertThat(result.clock(HARDWARE).orElseThrow().explain())
          .contains("ticket.status_changed on_hold (P3) (pause_on): paused with 2h of 16h used");
    }

    @Test
    void a_jamf_plan_has_no_hardware_replacement_clock() {
      Evaluation result =
          story("T-306", "jamf-platinum")
              .created("2026-03-26T14:00+01:00", Priority.P3)
              .milestone("2026-03-26T15:00+01:00", "hardware_defect_identified")
              .asOf("2026-04-01T12:00+02:00");
      assertThat(result.clock(HARDWARE)).isEmpty();
    }
  }

  /** Jamf Platinum: "root-cause analysis for P1 issues" (target: slawatch's default). */
  @Nested
  class RootCauseAnalysis {
    @Test
    void solving_a_p1_ticket_starts_it_and_delivering_the_rca_meets_it() {
      Evaluation result =
          story("T-310", "jamf-platinum")
              .created("2026-04-01T08:00+02:00", Priority.P1)
              .agentReplied("2026-04-01T08:20+02:00")
              .status("2026-04-01T10:00+02:00", TicketStatus.SOLVED)
              .milestone("2026-04-08T16:00+02:00", "rca_delivered")
              .asOf("2026-04-10T12:00+02:00");
      assertThat(alertsOf(result, RCA))
          .extracting(SlaAlert::kind, SlaAlert::firedAt, SlaAlert::due)
          .containsExactly(
              tuple(AlertKind.WARNING, at("2026-04-07T16:00+02:00"), at("2026-04-09T10:00+02:00")),
              tuple(AlertKind.WARNING, at("2026-04-08T14:00+02:00"), at("2026-04-09T10:00+02:00")),
              tuple(AlertKind.MET, at("2026-04-08T16:00+02:00"), at("2026-04-09T10:00+02:00")));
      SlaAlert met = alertsOf(result, RCA).getLast();
      assertThat(met.terms()).contains("5 business days");
      assertThat(met.priority()).isEqualTo(Priority.P1);
      assertThat(result.clock(RCA).orElseThrow().explain())
          .contains(
              "ticket.status_changed solved (P1) (start_on: ticket.status_changed status solved priority P1)");
    }

    @Test
    void an_rca_not_delivered_in_five_business_days_breaches_after_the_holiday() {
      // Wed 10:00-17:00 7h, Thu 8h, Fri 8h, (Easter Monday off), Tue 8h, Wed 8h, Thu 09:00-10:00 1h
      Evaluation result =
          story("T-311", "jamf-platinum")
              .created("2026-04-01T08:00+02:00", Priority.P1)
              .status("2026-04-01T10:00+02:00", TicketStatus.SOLVED)
              .asOf("2026-04-10T12:00+02:00");
      assertThat(alertsOf(result, RCA))
          .extracting(SlaAlert::kind, SlaAlert::firedAt)
          .containsExactly(
              tuple(AlertKind.WARNING, at("2026-04-07T16:00+02:00")),
              tuple(AlertKind.WARNING, at("2026-04-08T14:00+02:00")),
              tuple(AlertKind.BREACHED, at("2026-04-09T10:00+02:00")));
    }

    @Test
    void solving_a_p2_ticket_owes_no_rca() {
      Evaluation result =
          story("T-312", "jamf-platinum")
              .created("2026-04-01T08:00+02:00", Priority.P2)
              .status("2026-04-01T10:00+02:00", TicketStatus.SOLVED)
              .asOf("2026-04-20T12:00+02:00");
      assertThat(result.clock(RCA)).isEmpty();
      assertThat(alertsOf(result, RCA)).isEmpty();
    }

    @Test
    void a_p2_raised_to_p1_before_the_solve_owes_one_a_p1_lowered_to_p2_does_not() {
      Evaluation raised =
          story("T-313", "jamf-platinum")
              .created("2026-04-01T08:00+02:00", Priority.P2)
              .priority("2026-04-01T09:00+02:00", Priority.P1)
              .status("2026-04-01T10:00+02:00", TicketStatus.SOLVED)
              .asOf("2026-04-02T12:00+02:00");
      assertThat(raised.clock(RCA)).isPresent();
      Evaluation lowered =
          story("T-314", "jamf-platinum")
              .created("2026-04-01T08:00+02:00", Priority.P1)
              .priority("2026-04-01T09:00+02:00", Priority.P2)
              .status("2026-04-01T10:00+02:00", TicketStatus.SOLVED)
              .asOf("2026-04-02T12:00+02:00");
      assertThat(lowered.clock(RCA)).isEmpty();
    }

    @Test
    void only_platinum_owes_an_rca() {
      Evaluation result =
          story("T-315", "jamf-gold")
              .created("2026-04-01T08:00+02:00", Priority.P1)
              .status("2026-04-01T10:00+02:00", TicketStatus.SOLVED)
              .asOf("2026-04-20T12:00+02:00");
      assertThat(result.clock(RCA)).isEmpty();
    }

    @Test
    void a_plan_file_sets_another_rca_target() {
      String threeDays =
          PresetPlans.yaml("jamf-platinum")
              .replace("name: jamf-platinum", "name: jamf-platinum-rca3")
              .replace(
                  "P1: {target: 5 business days, calendar: business_hours}",
                  "P1: {target: 3 business days, calendar: business_hours}");
      Evaluation result =
          story("T-316", "jamf-platinum-rca3")
              .withPlans(PlanCatalog.of(List.of(PlanReader.read(threeDays))))
              .created("2026-04-01T08:00+02:00", Priority.P1)
              .status("2026-04-01T10:00+02:00", TicketStatus.SOLVED)
              .asOf("2026-04-02T12:00+02:00");
      assertThat(result.clock(RCA).orElseThrow().due()).contains(at("2026-04-07T10:00+02:00"));
    }
  }
}
