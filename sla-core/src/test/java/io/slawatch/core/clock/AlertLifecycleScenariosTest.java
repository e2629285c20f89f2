package io.slawatch.core.clock;

import static io.slawatch.core.testing.TicketStory.at;
import static io.slawatch.core.testing.TicketStory.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.slawatch.core.alert.AlertKind;
import io.slawatch.core.alert.ClockKind;
import io.slawatch.core.alert.EndReason;
import io.slawatch.core.alert.SlaAlert;
import io.slawatch.core.testing.ZoneSensitive;
import io.slawatch.core.ticket.Priority;
import io.slawatch.core.ticket.TicketStatus;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Alerts on-call engineers can trust (issue 13; support-plans.md section 6, 2026-12-01): every
 * alert ends, an update is owed only when it is, and customer-record changes are never back-dated.
 */
@ZoneSensitive
class AlertLifecycleScenariosTest {

  @Nested
  class EveryAlertEnds {
    @Test
    void a_breached_first_response_answered_late_ends_met_late_with_how_late() {
      Evaluation result =
          ticket("T-100")
              .onPlan("jamf-gold")
              .created("2026-03-23T10:00", Priority.P1)
              .agentReplied("2026-03-23T12:00")
              .status("2026-03-23T12:30", TicketStatus.SOLVED)
              .asOf("2026-03-23T13:00");
      assertThat(result.alerts())
          .extracting(SlaAlert::kind, SlaAlert::firedAt, SlaAlert::reason)
          .containsExactly(
              tuple(AlertKind.WARNING, at("2026-03-23T10:45"), Optional.empty()),
              tuple(AlertKind.WARNING, at("2026-03-23T10:54"), Optional.empty()),
              tuple(AlertKind.BREACHED, at("2026-03-23T11:00"), Optional.empty()),
              tuple(AlertKind.ENDED, at("2026-03-23T12:00"), Optional.of(EndReason.MET_LATE)));
      SlaAlert ended = result.alerts().getLast();
      assertThat(ended.id()).isEqualTo("T-100/first_response/1/sla.ended");
      assertThat(ended.metAt()).contains(at("2026-03-23T12:00"));
      assertThat(ended.elapsed()).contains(Duration.ofHours(2));
      assertThat(ended.due()).isEqualTo(at("2026-03-23T11:00"));
    }

    @Test
    void solving_a_ticket_whose_clock_has_warned_ends_that_clock_ticket_solved() {
      Evaluation result =
          ticket("T-101")
              .created("2026-03-23T10:00", Priority.P1)
              .status("2026-03-23T10:50", TicketStatus.SOLVED)
              .asOf("2026-03-23T13:00");
      assertThat(result.alerts())
          .extracting(SlaAlert::kind, SlaAlert::firedAt, SlaAlert::reason, SlaAlert::elapsed)
          .containsExactly(
              tuple(AlertKind.WARNING, at("2026-03-23T10:45"), Optional.empty(), Optional.empty()),
              tuple(
                  AlertKind.ENDED,
                  at("2026-03-23T10:50"),
                  Optional.of(EndReason.TICKET_SOLVED),
                  Optional.of(Duration.ofMinutes(50))));
      assertThat(result.alerts().getLast().due()).isEqualTo(at("2026-03-23T11:00"));
    }

    @Test
    void closing_a_breached_ticket_ends_its_clock_ticket_closed() {
      Evaluation result =
          ticket("T-102")
              .created("2026-03-23T10:00", Priority.P1)
              .status("2026-03-23T11:30", TicketStatus.CLOSED)
              .asOf("2026-03-23T13:00");
      assertThat(result.alerts().getLast())
          .extracting(SlaAlert::kind, SlaAlert::reason, SlaAlert::firedAt)
          .containsExactly(
              AlertKind.ENDED, Optional.of(EndReason.TICKET_CLOSED), at("2026-03-23T11:30"));
    }

    @Test
    void a_plan_change_that_removes_a_warned_clock_ends_it_clock_removed() {
      Evaluation result =
          ticket("T-103")
              .onPlan("jamf-gold")
              .created("2026-03-23T10:00", Priority.P1)
              .agentReplied("2026-03-23T10:10")
              .customerReplied("2026-03-23T10:20")
              .planChanged("2026-03-23T11:10", "opswat-gold")
              .asOf("2026-03-23T18:00");
      assertThat(result.alerts())
          .filteredOn(a -> a.clock() == ClockKind.NEXT_RESPONSE)
          .extracting(SlaAlert::kind, SlaAlert::firedAt, SlaAlert::reason)
          .containsExactly(
              tuple(AlertKind.WARNING, at("2026-03-23T11:05"), Optional.empty()),
              tuple(AlertKind.ENDED, at("2026-03-23T11:10"), Optional.of(EndReason.CLOCK_REMOVED)));
      assertThat(result.alerts())
          .as("the update clock never alerted, so nothing ends it")
          .filteredOn(a -> a.clock() == ClockKind.UPDATE)
          .isEmpty();
    }

    @Test
    void a_clock_that_never_alerted_ends_without_a_closing_alert() {
      Evaluation result =
          ticket("T-104")
              .created("2026-03-23T10:00", Priority.P1)
              .status("2026-03-23T10:30", TicketStatus.SOLVED)
              .asOf("2026-03-23T13:00");
      assertThat(result.alerts()).isEmpty();
    }

    @Test
    void each_clock_that_alerted_has_exactly_one_closing_alert() {
      Evaluation result =
          ticket("T-105")
              .created("2026-03-23T10:00", Priority.P1)
              .agentReplied("2026-03-23T11:30")
              .customerReplied("2026-03-23T12:00")
              .agentReplied("2026-03-23T13:30")
              .status("2026-03-23T20:00", TicketStatus.SOLVED)
              .asOf("2026-03-24T12:00");
      var byClock =
          result.alerts().stream()
              .collect(
                  java.util.stream.Collectors.groupingBy(
                      SlaAlert::clockId,
                      java.util.stream.Collectors.filtering(
                          SlaAlert::closes, java.util.stream.Collectors.counting())));
      assertThat(byClock).isNotEmpty().allSatisfy((clock, closing) -> assertThat(closing).isOne());
    }
  }

  @Nested
  class UpdatesOwedOnlyWhenOwed {
    @Test
    void a_public_reply_in_the_same_submit_as_a_status_change_is_that_changes_update() {
      Evaluation result =
          ticket("T-110")
              .onPlan("jamf-gold")
              .created("2026-03-23T09:00", Priority.P4)
              .agentReplied("2026-03-23T11:00")
              .status("2026-03-23T11:00", TicketStatus.OPEN)
              .asOf("2026-03-24T09:00");
      assertThat(result.alerts())
          .filteredOn(a -> a.clock() == ClockKind.UPDATE)
          .extracting(SlaAlert::kind)
          .containsOnly(AlertKind.MET);
      assertThat(result.upcoming()).isEmpty();
      assertThat(result.clock(ClockKind.UPDATE).orElseThrow().explain())
          .contains("in the same submit: it is this change's update");
    }

    @Test
    void the_update_owed_for_a_change_to_on_hold_runs_while_the_other_clocks_pause() {
      Evaluation result =
          ticket("T-111")
              .onPlan("jamf-gold")
              .created("2026-03-23T09:00", Priority.P4)
              .agentReplied("2026-03-23T10:00")
              .customerReplied("2026-03-23T11:00")
              .status("2026-03-23T11:30", TicketStatus.ON_HOLD)
              .asOf("2026-03-25T09:00");
      assertThat(result.alerts())
          .filteredOn(a -> a.clock() == ClockKind.UPDATE)
          .extracting(SlaAlert::kind, SlaAlert::firedAt)
          .containsExactly(
              tuple(AlertKind.UPDATE_DUE, at("2026-03-23T17:30")),
              tuple(AlertKind.UPDATE_DUE, at("2026-03-23T18:42")),
              tuple(AlertKind.BREACHED, at("2026-03-23T19:30")));
      assertThat(result.alerts())
          .as("the response owed to the customer's message waits while on hold")
          .filteredOn(a -> a.clock() == ClockKind.NEXT_RESPONSE)
          .isEmpty();
    }
  }

  @Nested
  class CustomerRecordChanges {
    @Test
    void a_plan_change_on_the_customer_record_keeps_consumed_time_and_breaches_at_the_change() {
      Evaluation result =
          ticket("T-120")
              .onPlan("jamf-standard")
              .created("2026-03-23T10:00", Priority.P1)
              .customerPlanChanged("2026-03-23T11:20", "jamf-gold")
              .asOf("2026-03-23T18:00");
      assertThat(result.alerts())
          .extracting(SlaAlert::kind, SlaAlert::firedAt, SlaAlert::plan, SlaAlert::due)
          .containsExactly(
              tuple(
                  AlertKind.BREACHED, at("2026-03-23T11:20"), "jamf-gold", at("2026-03-23T11:20")));
      assertThat(result.clock(ClockKind.FIRST_RESPONSE).orElseThrow().explain())
          .contains("customer record changed: plan jamf-standard -> jamf-gold")
          .contains("never back-dated");
    }

    @Test
    void a_ticket_created_after_the_customer_record_changed_runs_on_the_new_plan_from_its_start() {
      Evaluation result =
          ticket("T-121")
              .onPlan("jamf-standard")
              .customerPlanChanged("2026-03-23T08:00", "jamf-gold")
              .created("2026-03-23T10:00", Priority.P1)
              .asOf("2026-03-23T18:00");
      assertThat(result.alerts())
          .filteredOn(a -> a.kind() == AlertKind.BREACHED)
          .extracting(SlaAlert::firedAt, SlaAlert::plan)
          .containsExactly(tuple(at("2026-03-23T11:00"), "jamf-gold"));
    }

    @Test
    void
        a_customer_moving_zones_keeps_the_business_time_used_and_counts_the_rest_in_the_new_zone() {
      // jamf-standard P2: 4 business hours. 15:00-17:00 UTC uses 2h; at 18:00Z the customer moves
      // to New York (09:00-17:00 EDT = 13:00-21:00Z): 2h left from 18:00Z → 20:00Z.
      Evaluation result =
          ticket("T-122")
              .onPlan("jamf-standard")
              .created("2026-03-23T15:00", Priority.P2)
              .customerMoved("2026-03-23T18:00", "America/New_York")
              .asOf("2026-03-25T00:00");
      assertThat(result.alerts())
          .filteredOn(a -> a.kind() == AlertKind.BREACHED)
          .extracting(SlaAlert::firedAt)
          .containsExactly(at("2026-03-23T20:00"));
    }
  }

  @Nested
  class WhatAlertsCarry {
    @Test
    void an_unknown_customers_ticket_carries_the_unknown_customer_flag() {
      Evaluation result =
          ticket("T-130")
              .onPlan("jamf-standard")
              .unknownCustomer()
              .created("2026-03-23T10:00", Priority.P1)
              .asOf("2026-03-23T18:00");
      assertThat(result.alerts())
          .isNotEmpty()
          .allSatisfy(a -> assertThat(a.flags()).containsExactly("unknown_customer"));
    }

    @Test
    void alerts_state_the_target_in_the_plans_words() {
      assertThat(
              ticket("T-131")
                  .onPlan("jamf-gold")
                  .created("2026-03-23T10:00", Priority.P1)
                  .asOf("2026-03-23T12:00")
                  .alerts())
          .extracting(SlaAlert::terms)
          .containsOnly(Optional.of("1 hour, 24x7"));
      assertThat(
              ticket("T-132")
                  .onPlan("jamf-standard")
                  .created("2026-03-23T10:00", Priority.P1)
                  .asOf("2026-03-23T18:00")
                  .alerts())
          .extracting(SlaAlert::terms)
          .containsOnly(Optional.of("2 business hours"));
      assertThat(
              ticket("T-133")
                  .onPlan("jamf-standard")
                  .created("2026-03-23T10:00", Priority.P3)
                  .agentReplied("2026-03-23T10:30")
                  .asOf("2026-03-25T18:00")
                  .alerts())
          .filteredOn(a -> a.clock() == ClockKind.UPDATE)
          .extracting(SlaAlert::terms)
          .containsOnly(Optional.of("1 business day"));
    }

    @Test
    void every_alert_of_a_ticket_links_to_it_in_the_helpdesk_when_the_source_gave_its_url() {
      Evaluation result =
          ticket("T-134")
              .onPlan("jamf-gold")
              .atUrl("https://acme.zendesk.com/agent/tickets/134")
              .created("2026-03-23T10:00", Priority.P1)
              .agentReplied("2026-03-23T12:00")
              .status("2026-03-23T12:30", TicketStatus.SOLVED)
              .asOf("2026-03-23T13:00");
      assertThat(result.alerts())
          .extracting(SlaAlert::kind)
          .containsExactly(
              AlertKind.WARNING, AlertKind.WARNING, AlertKind.BREACHED, AlertKind.ENDED);
      assertThat(result.alerts())
          .extracting(SlaAlert::ticketUrl)
          .containsOnly(Optional.of(URI.create("https://acme.zendesk.com/agent/tickets/134")));
    }

    @Test
    void a_ticket_whose_source_gave_no_url_has_alerts_without_one() {
      assertThat(
              ticket("T-135")
                  .created("2026-03-23T10:00", Priority.P1)
                  .asOf("2026-03-23T12:00")
                  .alerts())
          .isNotEmpty()
          .extracting(SlaAlert::ticketUrl)
          .containsOnly(Optional.empty());
    }
  }
}
