package io.slawatch.timer.schedule;

import io.slawatch.core.event.EventId;
import io.slawatch.core.event.TicketEvent;
import io.slawatch.core.ticket.CustomerId;
import io.slawatch.core.ticket.Priority;
import io.slawatch.core.ticket.TicketId;
import io.slawatch.core.ticket.TicketStatus;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Test-data builders: ticket events as the consumer decodes them. */
final class TicketEvents {
  private TicketEvents() {}

  /** A ticket created for {@code customer} at {@code at}, on its customer's plan. */
  static TicketEvent.Created created(
      String ticket, String customer, Priority priority, Instant at) {
    return created(ticket, customer, priority, Optional.empty(), at);
  }

  static TicketEvent.Created created(
      String ticket, String customer, Priority priority, Optional<String> plan, Instant at) {
    return new TicketEvent.Created(
        id(),
        new TicketId(ticket),
        at,
        new CustomerId(customer),
        priority,
        plan,
        TicketStatus.NEW,
        "email",
        "someone@example.com",
        Set.of());
  }

  /** A public reply of an agent: the first response. */
  static TicketEvent.AgentReplied answered(String ticket, Instant at) {
    return new TicketEvent.AgentReplied(id(), new TicketId(ticket), at, true);
  }

  private static EventId id() {
    return new EventId("test", UUID.randomUUID().toString());
  }
}
