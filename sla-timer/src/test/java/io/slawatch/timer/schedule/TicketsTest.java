package io.slawatch.timer.schedule;

import static io.slawatch.timer.schedule.TicketEvents.answered;
import static io.slawatch.timer.schedule.TicketEvents.created;
import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.core.event.TicketEvent;
import io.slawatch.core.ticket.Priority;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TicketsTest {
  private static final Instant T0 = Instant.parse("2027-01-04T10:00:00Z");

  @Test
  void a_ticket_belongs_to_the_customer_its_creation_names() {
    assertThat(
            Tickets.customer(List.of(answered("T-1", T0), created("T-1", "acme", Priority.P2, T0))))
        .contains("acme");
    assertThat(Tickets.customer(List.<TicketEvent>of(answered("T-1", T0)))).isEmpty();
  }

  @Test
  void a_batch_records_the_customer_of_each_ticket_it_creates_the_first_creation_winning() {
    assertThat(
            Tickets.createdCustomers(
                List.of(
                    created("T-1", "acme", Priority.P1, T0),
                    answered("T-2", T0),
                    created("T-3", "globex", Priority.P1, T0),
                    created("T-1", "initech", Priority.P1, T0.plusSeconds(1)))))
        .containsExactly(java.util.Map.entry("T-1", "acme"), java.util.Map.entry("T-3", "globex"));
  }
}
