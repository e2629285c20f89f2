package io.slawatch.core.simulation;

import static io.slawatch.core.testing.TicketStory.at;
import static io.slawatch.core.testing.TicketStory.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.slawatch.core.alert.SlaAlert;
import io.slawatch.core.calendar.CalendarDefinition;
import io.slawatch.core.calendar.TimeSpan;
import io.slawatch.core.customer.CustomerTerms;
import io.slawatch.core.event.TicketEvent;
import io.slawatch.core.plan.PlanCatalog;
import io.slawatch.core.testing.ZoneSensitive;
import io.slawatch.core.ticket.Priority;
import io.slawatch.core.ticket.TicketStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@ZoneSensitive
class SimulationTest {
  private static final CustomerTerms GOLD_IN_UTC = CustomerTerms.of("jamf-gold", ZoneId.of("UTC"));

  private final Simulation simulation = new Simulation(PlanCatalog.presets());

  @Test
  void the_alerts_of_every_ticket_come_out_ordered_by_firing_instant_whatever_the_input_order() {
    List<TicketEvent> events = new ArrayList<>();
    events.addAll(ticket("T-2").created("2026-03-23T10:20", Priority.P1).events());
    events.addAll(ticket("T-1").created("2026-03-23T10:00", Priority.P1).events());

    Simulation.Result result =
        simulation.run(GOLD_IN_UTC, events, Optional.of(at("2026-03-23T11:30")));

    assertThat(result.alerts())
        .extracting(a -> a.ticket().value(), a -> a.kind().type(), SlaAlert::firedAt)
        .containsExactly(
            tuple("T-1", "sla.warning", at("2026-03-23T10:45")),
            tuple("T-1", "sla.warning", at("2026-03-23T10:54")),
            tuple("T-1", "sla.breached", at("2026-03-23T11:00")),
            tuple("T-2", "sla.warning", at("2026-03-23T11:05")),
            tuple("T-2", "sla.warning", at("2026-03-23T11:14")),
            tuple("T-2", "sla.breached", at("2026-03-23T11:20")));
    assertThat(result.until()).isEqualTo(at("2026-03-23T11:30"));
  }

  @Test
  void alerts_fired_at_the_same_instant_come_out_in_alert_id_order() {
    List<TicketEvent> events = new ArrayList<>();
    events.addAll(ticket("B").created("2026-03-23T10:00", Priority.P1).events());
    events.addAll(ticket("A").created("2026-03-23T10:00", Priority.P1).events());

    List<SlaAlert> alerts =
        simulation.run(GOLD_IN_UTC, events, Optional.of(at("2026-03-23T10:50"))).alerts();

    assertThat(alerts)
        .extracting(SlaAlert::id)
        .containsExactly(
            "A/first_response/1/sla.warning/0.75", "B/first_response/1/sla.warning/0.75");
  }

  @Test
  void a_ticket_answered_in_time_and_solved_emits_its_met_alert_and_nothing_after() {
    List<TicketEvent> events =
        ticket("T-1")
            .status("2026-03-23T10:40", TicketStatus.SOLVED)
            .agentReplied("2026-03-23T10:30")
            .created("2026-03-23T10:00", Priority.P1)
            .events();

    List<SlaAlert> alerts = simulation.run(GOLD_IN_UTC, events, Optional.empty()).alerts();

    assertThat(alerts)
        .extracting(SlaAlert::id, SlaAlert::firedAt)
        .containsExactly(tuple("T-1/first_response/1/sla.met", at("2026-03-23T10:30")));
  }

  @Test
  void without_an_end_the_simulation_runs_to_thirty_days_after_the_latest_event() {
    // closed for 48 days right after the ticket is created: its first warning would come after
    CalendarDefinition closed =
        CalendarDefinition.businessHours(ZoneId.of("UTC"))
            .withClosures(List.of(new TimeSpan(at("2026-03-03T00:00"), at("2026-04-20T00:00"))));
    CustomerTerms terms = new CustomerTerms("jamf-silver", closed);
    List<TicketEvent> events =
        ticket("T-1")
            .customerReplied("2026-03-02T16:40")
            .created("2026-03-02T16:30", Priority.P1)
            .events();

    Simulation.Result byDefault = simulation.run(terms, events, Optional.empty());
    Simulation.Result later = simulation.run(terms, events, Optional.of(at("2026-04-21T00:00")));

    assertThat(byDefault.until()).isEqualTo(at("2026-04-01T16:40"));
    assertThat(Simulation.defaultUntil(events)).isEqualTo(at("2026-04-01T16:40"));
    assertThat(byDefault.alerts()).isEmpty();
    assertThat(later.alerts())
        .extracting(a -> a.kind().type(), SlaAlert::firedAt)
        .startsWith(tuple("sla.warning", at("2026-04-20T09:15")));
  }

  @Test
  void business_time_is_counted_on_the_customers_calendar_in_its_zone() {
    List<TicketEvent> events = ticket("T-1").created("2026-03-27T15:30", Priority.P1).events();

    Instant breachInParis =
        breach(
            simulation.run(
                CustomerTerms.of("jamf-silver", ZoneId.of("Europe/Paris")),
                events,
                Optional.empty()));
    Instant breachInUtc =
        breach(
            simulation.run(
                CustomerTerms.of("jamf-silver", ZoneId.of("UTC")), events, Optional.empty()));

    // Friday 16:30-17:00 in Paris, then Monday 09:00-09:30 (summer time since Sunday)
    assertThat(breachInParis).isEqualTo(at("2026-03-30T09:30+02:00"));
    // Friday 15:30-16:30 in UTC
    assertThat(breachInUtc).isEqualTo(at("2026-03-27T16:30"));
  }

  @Test
  void a_simulation_needs_at_least_one_event() {
    assertThatThrownBy(() -> simulation.run(GOLD_IN_UTC, List.of(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Instant breach(Simulation.Result result) {
    return result.alerts().stream()
        .filter(a -> a.kind().type().equals("sla.breached"))
        .map(SlaAlert::firedAt)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void engagement_events_run_beside_tickets_without_changing_the_tickets_alerts() {
    List<TicketEvent> tickets = ticket("T-1").created("2026-03-23T10:00", Priority.P1).events();
    var engagement =
        io.slawatch.core.testing.EngagementStory.engagement("E-1")
            .purchased("2026-03-02T10:00Z", io.slawatch.core.engagement.EngagementKind.REMOTE, 8)
            .scheduled("2026-03-03T10:00Z", "2026-03-23T10:30Z", java.time.Duration.ofHours(4))
            .scheduled("2026-03-04T10:00Z", "2026-03-30T10:30Z", java.time.Duration.ofHours(6))
            .events();
    Optional<Instant> until = Optional.of(at("2026-03-23T11:30"));

    Simulation.Result ticketsOnly = simulation.run(GOLD_IN_UTC, tickets, until);
    Simulation.Result both = simulation.run(GOLD_IN_UTC, tickets, engagement, until);

    assertThat(both.alerts()).containsAll(ticketsOnly.alerts());
    assertThat(both.alerts())
        .filteredOn(a -> a.ticket().value().equals("E-1"))
        .extracting(a -> a.clock().wireName(), a -> a.kind().type(), SlaAlert::firedAt)
        .containsExactly(tuple("no_show", "sla.breached", at("2026-03-23T10:50")));
    assertThat(both.alerts())
        .isSortedAccordingTo(
            java.util.Comparator.comparing(SlaAlert::firedAt).thenComparing(SlaAlert::id));
    assertThat(both.refused())
        .extracting(io.slawatch.core.engagement.BookingViolation::field)
        .containsExactly("data.duration");
    assertThat(ticketsOnly.refused()).isEmpty();
  }

  @Test
  void engagement_events_alone_run_to_thirty_days_after_the_latest() {
    var engagement =
        io.slawatch.core.testing.EngagementStory.engagement("E-2")
            .purchased("2026-03-02T10:00Z", io.slawatch.core.engagement.EngagementKind.REMOTE, 8)
            .events();
    Simulation.Result result = simulation.run(GOLD_IN_UTC, List.of(), engagement, Optional.empty());
    assertThat(result.until()).isEqualTo(at("2026-04-01T10:00"));
    assertThat(result.alerts()).isEmpty();
    assertThatThrownBy(() -> simulation.run(GOLD_IN_UTC, List.of(), List.of(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
