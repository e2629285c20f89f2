package io.slawatch.core.clock;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.core.event.EventId;
import io.slawatch.core.event.TicketEvent;
import io.slawatch.core.ticket.TicketId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventOrderTest {
  private static final TicketId TICKET = new TicketId("T-1");
  private static final Instant AT = Instant.parse("2026-03-23T10:00:00Z");

  @Test
  void two_events_whose_source_and_id_only_look_alike_once_joined_are_both_kept() {
    var first = new TicketEvent.CustomerReplied(new EventId("kc|x", "y"), TICKET, AT);
    var second = new TicketEvent.CustomerReplied(new EventId("kc", "x|y"), TICKET, AT);
    assertThat(EventOrder.of(List.of(first, second))).containsExactlyInAnyOrder(first, second);
    assertThat(first.eventId().key()).isNotEqualTo(second.eventId().key());
  }

  @Test
  void the_same_event_delivered_twice_is_kept_once() {
    var event = new TicketEvent.CustomerReplied(new EventId("kc", "1"), TICKET, AT);
    var again = new TicketEvent.CustomerReplied(new EventId("kc", "1"), TICKET, AT.plusSeconds(5));
    assertThat(EventOrder.of(List.of(again, event))).containsExactly(event);
  }
}
