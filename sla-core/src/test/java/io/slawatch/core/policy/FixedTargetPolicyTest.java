package io.slawatch.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slawatch.core.alert.AlertKind;
import io.slawatch.core.alert.SlaAlert;
import io.slawatch.core.event.EventId;
import io.slawatch.core.event.TicketEvent;
import io.slawatch.core.ticket.CustomerId;
import io.slawatch.core.ticket.Priority;
import io.slawatch.core.ticket.TicketId;
import io.slawatch.core.ticket.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FixedTargetPolicyTest {
  private static final Instant CREATED = Instant.parse("2026-03-29T00:30:00Z");

  private final FixedTargetPolicy policy =
      new FixedTargetPolicy(
          "demo",
          Map.of(
              Priority.P1, Duration.ofMinutes(1),
              Priority.P2, Duration.ofMinutes(2),
              Priority.P3, Duration.ofMinutes(3),
              Priority.P4, Duration.ofMinutes(4)),
          List.of(0.75));

  private static TicketEvent.Created created(Priority priority) {
    return new TicketEvent.Created(
        new EventId("test", "e1"),
        new TicketId("T-1"),
        CREATED,
        new CustomerId("acme"),
        priority,
        Optional.empty(),
        TicketStatus.NEW,
        "email",
        "alice@example.com");
  }

  @Test
  void an_urgent_ticket_is_warned_at_three_quarters_and_breached_at_its_target() {
    List<SlaAlert> alerts = policy.scheduleFirstResponse(created(Priority.P1));

    assertThat(alerts)
        .extracting(SlaAlert::kind, SlaAlert::firedAt, SlaAlert::due)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                AlertKind.WARNING, CREATED.plusSeconds(45), CREATED.plusSeconds(60)),
            org.assertj.core.groups.Tuple.tuple(
                AlertKind.BREACHED, CREATED.plusSeconds(60), CREATED.plusSeconds(60)));
    assertThat(alerts.get(1).id()).isEqualTo("T-1/first_response/1/sla.breached/1.0");
  }

  @Test
  void the_target_follows_the_priority() {
    assertThat(policy.scheduleFirstResponse(created(Priority.P4)).getLast().due())
        .isEqualTo(CREATED.plus(Duration.ofMinutes(4)));
  }

  @Test
  void only_a_public_reply_or_a_solved_ticket_answers_the_customer() {
    var id = new EventId("test", "e2");
    var ticket = new TicketId("T-1");
    assertThat(
            FixedTargetPolicy.satisfiesFirstResponse(
                new TicketEvent.AgentReplied(id, ticket, CREATED, true)))
        .isTrue();
    assertThat(
            FixedTargetPolicy.satisfiesFirstResponse(
                new TicketEvent.AgentReplied(id, ticket, CREATED, false)))
        .isFalse();
    assertThat(
            FixedTargetPolicy.satisfiesFirstResponse(
                new TicketEvent.StatusChanged(id, ticket, CREATED, TicketStatus.SOLVED)))
        .isTrue();
    assertThat(
            FixedTargetPolicy.satisfiesFirstResponse(
                new TicketEvent.StatusChanged(id, ticket, CREATED, TicketStatus.PENDING)))
        .isFalse();
  }

  @Test
  void an_answer_before_the_breach_cancels_what_has_not_fired_yet_in_any_arrival_order() {
    var created = created(Priority.P1);
    var reply =
        new TicketEvent.AgentReplied(
            new EventId("test", "e2"), created.ticket(), CREATED.plusSeconds(50), true);

    var inOrder = policy.alertsFor(List.of(created, reply));
    var reversed = policy.alertsFor(List.of(reply, created));

    assertThat(inOrder).extracting(SlaAlert::kind).containsExactly(AlertKind.WARNING);
    assertThat(reversed).isEqualTo(inOrder);
  }

  @Test
  void a_private_note_does_not_stop_the_clock_and_no_created_event_means_no_clock() {
    var created = created(Priority.P1);
    var note =
        new TicketEvent.AgentReplied(
            new EventId("test", "e2"), created.ticket(), CREATED.plusSeconds(10), false);

    assertThat(policy.alertsFor(List.of(created, note)))
        .extracting(SlaAlert::kind)
        .containsExactly(AlertKind.WARNING, AlertKind.BREACHED);
    assertThat(policy.alertsFor(List.of(note))).isEmpty();
  }

  @Test
  void a_plan_without_a_target_for_every_priority_is_rejected() {
    assertThatThrownBy(
            () ->
                new FixedTargetPolicy(
                    "broken", Map.of(Priority.P1, Duration.ofHours(1)), List.of()))
        .hasMessageContaining("target for P2");
  }
}
