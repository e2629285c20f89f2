package io.slawatch.core.event;

import io.slawatch.core.ticket.CustomerId;
import io.slawatch.core.ticket.Priority;
import io.slawatch.core.ticket.TicketId;
import io.slawatch.core.ticket.TicketStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * The canonical ticket events (the contract published on {@code ticket.events.v1}). Each is a
 * CloudEvent: {@code subject} = ticket id, {@code time} = when it happened in the helpdesk.
 */
public sealed interface TicketEvent {
  EventId eventId();

  TicketId ticket();

  /** When it happened in the helpdesk (not when slawatch received it). */
  Instant occurredAt();

  /** The CloudEvent type, e.g. {@code ticket.created}. */
  String type();

  record Created(
      EventId eventId,
      TicketId ticket,
      Instant occurredAt,
      CustomerId customer,
      Priority priority,
      Optional<String> plan,
      TicketStatus status,
      String channel,
      String requester)
      implements TicketEvent {
    public static final String TYPE = "ticket.created";

    @Override
    public String type() {
      return TYPE;
    }
  }

  record CustomerReplied(EventId eventId, TicketId ticket, Instant occurredAt)
      implements TicketEvent {
    public static final String TYPE = "ticket.customer_replied";

    @Override
    public String type() {
      return TYPE;
    }
  }

  /** An agent's reply; a private note ({@code isPublic == false}) satisfies no clock. */
  record AgentReplied(EventId eventId, TicketId ticket, Instant occurredAt, boolean isPublic)
      implements TicketEvent {
    public static final String TYPE = "ticket.agent_replied";

    @Override
    public String type() {
      return TYPE;
    }
  }

  record StatusChanged(EventId eventId, TicketId ticket, Instant occurredAt, TicketStatus status)
      implements TicketEvent {
    public static final String TYPE = "ticket.status_changed";

    @Override
    public String type() {
      return TYPE;
    }
  }

  record PriorityChanged(EventId eventId, TicketId ticket, Instant occurredAt, Priority priority)
      implements TicketEvent {
    public static final String TYPE = "ticket.priority_changed";

    @Override
    public String type() {
      return TYPE;
    }
  }

  record PlanChanged(EventId eventId, TicketId ticket, Instant occurredAt, String plan)
      implements TicketEvent {
    public static final String TYPE = "ticket.plan_changed";

    @Override
    public String type() {
      return TYPE;
    }
  }
}
