package io.slawatch.timer.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.core.clock.SlaEngine;
import io.slawatch.core.customer.CustomerTerms;
import io.slawatch.core.event.EventId;
import io.slawatch.core.event.TicketEvent;
import io.slawatch.core.plan.PlanCatalog;
import io.slawatch.core.plan.PlanReader;
import io.slawatch.core.ticket.CustomerId;
import io.slawatch.core.ticket.Priority;
import io.slawatch.core.ticket.TicketId;
import io.slawatch.core.ticket.TicketStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * How the SLA API reports a ticket's clocks (no Quarkus: the answer is built from the engine's).
 */
class TicketSlaResponseTest {
  private static final Instant T0 = Instant.parse("2027-01-04T10:00:00Z");
  private static final SlaEngine ENGINE =
      new SlaEngine(
          PlanCatalog.of(List.of(PlanReader.read(Path.of("src/test/resources/plans/test.yaml")))));
  private static final CustomerTerms ACME = CustomerTerms.of("test", ZoneId.of("Europe/Paris"));
  private static final List<TicketEvent> CREATED =
      List.of(
          new TicketEvent.Created(
              new EventId("test", "c-1"),
              new TicketId("T-1"),
              T0,
              new CustomerId("acme"),
              Priority.P1,
              Optional.empty(),
              TicketStatus.NEW,
              "email",
              "someone@example.com",
              Set.of()));

  private static TicketSlaResponse at(Instant now) {
    return TicketSlaResponse.of("T-1", now, ACME, ENGINE.evaluate(CREATED, ACME, now));
  }

  @Test
  void a_running_clock_shows_its_deadline_and_the_business_time_left() {
    TicketSlaResponse sla = at(T0.plusSeconds(1));

    assertThat(sla.customerPlan()).isEqualTo("test");
    assertThat(sla.calendarZone()).isEqualTo("Europe/Paris");
    assertThat(sla.customerKnown()).isTrue();
    TicketSlaResponse.SlaClock clock = sla.clocks().getFirst();
    assertThat(clock.clock()).isEqualTo("first_response");
    assertThat(clock.state()).isEqualTo("running");
    assertThat(clock.paused()).isFalse();
    assertThat(clock.target()).isEqualTo("PT3S");
    assertThat(clock.consumed()).isEqualTo("PT1S");
    assertThat(clock.left()).isEqualTo("PT2S");
    assertThat(clock.due()).isEqualTo(T0.plusSeconds(3).toString());
    assertThat(sla.upcoming())
        .extracting(TicketSlaResponse.UpcomingAlert::id)
        .contains("T-1/first_response/1/sla.breached/1.0");
  }

  @Test
  void a_clock_running_past_its_target_is_reported_breached_with_nothing_left() {
    TicketSlaResponse sla = at(T0.plusSeconds(5));

    TicketSlaResponse.SlaClock clock = sla.clocks().getFirst();
    assertThat(clock.state()).isEqualTo("breached");
    assertThat(clock.consumed()).isEqualTo("PT5S");
    assertThat(clock.left()).isEqualTo("PT0S");
    assertThat(sla.fired()).contains("T-1/first_response/1/sla.breached/1.0");
  }
}
