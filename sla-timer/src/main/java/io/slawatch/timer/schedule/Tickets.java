package io.slawatch.timer.schedule;

import io.slawatch.core.event.TicketEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What sla-timer reads off a ticket's events besides the engine's answer. */
public final class Tickets {
  private Tickets() {}

  /** The customer a ticket belongs to: the one its (first) {@code ticket.created} names. */
  public static Optional<String> customer(List<TicketEvent> history) {
    return history.stream()
        .filter(TicketEvent.Created.class::isInstance)
        .map(e -> ((TicketEvent.Created) e).customer().value())
        .findFirst();
  }

  /**
   * The customer of each ticket created in this batch (ticket id → customer id, first {@code
   * ticket.created} of a ticket wins), for the ticket → customer index a customer change uses.
   */
  public static Map<String, String> createdCustomers(List<TicketEvent> batch) {
    Map<String, String> created = new LinkedHashMap<>();
    for (TicketEvent event : batch) {
      if (event instanceof TicketEvent.Created c) {
        created.putIfAbsent(c.ticket().value(), c.customer().value());
      }
    }
    return created;
  }
}
