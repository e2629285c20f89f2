package io.slawatch.core.report;

import static io.slawatch.core.testing.TicketStory.at;
import static io.slawatch.core.testing.TicketStory.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.core.alert.EndReason;
import io.slawatch.core.clock.Evaluation;
import io.slawatch.core.report.ClockOutcome.Status;
import io.slawatch.core.testing.ZoneSensitive;
import io.slawatch.core.ticket.Priority;
import io.slawatch.core.ticket.TicketStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How each clock counts in the compliance reports (issue 14). */
@ZoneSensitive
class OutcomesTest {

  private static ClockOutcome firstResponse(String ticket, Evaluation evaluation) {
    return Outcomes.of(ticket, evaluation).stream()
        .filter(o -> o.clock().equals("first_response"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void a_first_response_in_time_is_met_with_the_business_time_it_used() {
    ClockOutcome outcome =
        firstResponse(
            "T-1",
            ticket("T-1")
                .onPlan("jamf-gold")
                .created("2026-03-23T10:00", Priority.P1)
                .agentReplied("2026-03-23T10:30")
                .asOf("2026-03-23T13:00"));
    assertThat(outcome.status()).isEqualTo(Status.MET);
    assertThat(outcome.metAt()).contains(at("2026-03-23T10:30"));
    assertThat(outcome.used()).isEqualTo(Duration.ofMinutes(30));
    assertThat(outcome.late()).isZero();
    assertThat(outcome.breachedAt()).isEmpty();
    assertThat(outcome.target()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void an_answer_after_the_breach_is_met_late_by_how_much() {
    ClockOutcome outcome =
        firstResponse(
            "T-2",
            ticket("T-2")
                .onPlan("jamf-gold")
                .created("2026-03-23T10:00", Priority.P1)
                .agentReplied("2026-03-23T12:00")
                .asOf("2026-03-23T13:00"));
    assertThat(outcome.status()).isEqualTo(Status.MET_LATE);
    assertThat(outcome.breachedAt()).contains(at("2026-03-23T11:00"));
    assertThat(outcome.late()).isEqualTo(Duration.ofHours(1));
    assertThat(outcome.used()).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void a_ticket_solved_before_its_first_response_was_due_ends_that_clock_unmet_not_breached() {
    ClockOutcome outcome =
        firstResponse(
            "T-3",
            ticket("T-3")
                .onPlan("jamf-gold")
                .created("2026-03-23T10:00", Priority.P1)
                .status("2026-03-23T10:50", TicketStatus.SOLVED)
                .asOf("2026-03-23T13:00"));
    assertThat(outcome.status()).isEqualTo(Status.ENDED);
    assertThat(outcome.endReason()).contains(EndReason.TICKET_SOLVED);
    assertThat(outcome.endedAt()).contains(at("2026-03-23T10:50"));
    assertThat(outcome.late()).isZero();
  }

  @Test
  void a_ticket_closed_after_its_breach_counts_as_breached_and_says_how_it_ended() {
    ClockOutcome outcome =
        firstResponse(
            "T-4",
            ticket("T-4")
                .onPlan("jamf-gold")
                .created("2026-03-23T10:00", Priority.P1)
                .status("2026-03-23T11:30", TicketStatus.CLOSED)
                .asOf("2026-03-23T13:00"));
    assertThat(outcome.status()).isEqualTo(Status.BREACHED);
    assertThat(outcome.endReason()).contains(EndReason.TICKET_CLOSED);
    assertThat(outcome.breachedAt()).contains(at("2026-03-23T11:00"));
    assertThat(outcome.late()).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void a_clock_still_running_is_open_with_its_due_until_it_breaches() {
    var story = ticket("T-5").onPlan("jamf-gold").created("2026-03-23T10:00", Priority.P1);

    ClockOutcome before = firstResponse("T-5", story.asOf("2026-03-23T10:40"));
    assertThat(before.status()).isEqualTo(Status.OPEN);
    assertThat(before.due()).contains(at("2026-03-23T11:00"));

    ClockOutcome after = firstResponse("T-5", story.asOf("2026-03-23T11:20"));
    assertThat(after.status()).isEqualTo(Status.BREACHED);
    assertThat(after.breachedAt()).contains(at("2026-03-23T11:00"));
    assertThat(after.endReason()).isEmpty();
  }

  @Test
  void each_outcome_names_the_ticket_customer_plan_priority_source_and_flags() {
    ClockOutcome outcome =
        firstResponse(
            "T-6",
            ticket("T-6")
                .onPlan("jamf-gold")
                .unknownCustomer()
                .created("2026-03-23T10:00", Priority.P2)
                .priority("2026-03-23T10:10", Priority.P1)
                .asOf("2026-03-23T10:20"));
    assertThat(outcome.ticket()).isEqualTo("T-6");
    assertThat(outcome.cycle()).isEqualTo(1);
    assertThat(outcome.customer()).isEqualTo("acme");
    assertThat(outcome.plan()).isEqualTo("jamf-gold");
    assertThat(outcome.priority()).as("as of the evaluation").isEqualTo("P1");
    assertThat(outcome.source()).isEqualTo("test");
    assertThat(outcome.start()).isEqualTo(at("2026-03-23T10:00"));
    assertThat(outcome.flags()).contains("unknown_customer");
  }

  @Test
  void before_its_ticket_created_a_ticket_has_no_outcome() {
    Evaluation evaluation =
        ticket("T-7").customerReplied("2026-03-23T10:00").asOf("2026-03-23T11:00");
    assertThat(Outcomes.of("T-7", evaluation)).isEqualTo(List.of());
    assertThat(evaluation.subject()).isEqualTo(Optional.empty());
  }
}
