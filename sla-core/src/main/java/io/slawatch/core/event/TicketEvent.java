package io.slawatch.core.event;

import io.slawatch.core.ticket.CustomerId;
import io.slawatch.core.ticket.Priority;
import io.slawatch.core.ticket.TicketId;
import io.slawatch.core.ticket.TicketStatus;
import java.net.URI;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The canonical ticket events (the contract published on {@code ticket.events.v1}). Each is a
 * CloudEvent: {@code subject} = ticket id, {@code time} = when it happened in the helpdesk.
 */
public sealed interface TicketEvent {
  /** Every event type of the contract, in the order the engine applies them at one instant. */
  List<String> TYPES =
      List.of(
          Created.TYPE,
          PlanChanged.TYPE,
          PriorityChanged.TYPE,
          CustomerReplied.TYPE,
          AgentReplied.TYPE,
          StatusChanged.TYPE,
          Milestone.TYPE);

  EventId eventId();

  TicketId ticket();

  /** When it happened in the helpdesk (not when slawatch received it). */
  Instant occurredAt();

  /** The CloudEvent type, e.g. {@code ticket.created}. */
  String type();

  /**
   * A new ticket.
   *
   * @param url where an engineer opens the ticket in its helpdesk, when the source gives one (see
   *     {@link TicketUrls} for what is accepted)
   */
  record Created(
      EventId eventId,
      TicketId ticket,
      Instant occurredAt,
      CustomerId customer,
      Priority priority,
      Optional<String> plan,
      TicketStatus status,
      String channel,
      String requester,
      Set<String> flags,
      Optional<URI> url)
      implements TicketEvent {
    public static final String TYPE = "ticket.created";

    /** Raised through a channel its plan does not include: tracked all the same. */
    public static final String CHANNEL_NOT_ENTITLED = "channel_not_entitled";

    /**
     * Raised through a live channel (phone, chat) outside the hours its plan serves it, on the
     * customer's business calendar: tracked all the same.
     */
    public static final String OUTSIDE_CHANNEL_HOURS = "outside_channel_hours";

    /** From a requester who is not a validated premium contact of a plan that limits them. */
    public static final String NOT_PREMIUM_CONTACT = "not_premium_contact";

    public Created {
      flags = Collections.unmodifiableSortedSet(new TreeSet<>(flags));
      url = url.map(TicketUrls::require);
    }

    /** A ticket without a URL in its helpdesk. */
    public Created(
        EventId eventId,
        TicketId ticket,
        Instant occurredAt,
        CustomerId customer,
        Priority priority,
        Optional<String> plan,
        TicketStatus status,
        String channel,
        String requester,
        Set<String> flags) {
      this(
          eventId,
          ticket,
          occurredAt,
          customer,
          priority,
          plan,
          status,
          channel,
          requester,
          flags,
          Optional.empty());
    }

    /** A ticket without entitlement flags (intake adds them). */
    public Created(
        EventId eventId,
        TicketId ticket,
        Instant occurredAt,
        CustomerId customer,
        Priority priority,
        Optional<String> plan,
        TicketStatus status,
        String channel,
        String requester) {
      this(
          eventId,
          ticket,
          occurredAt,
          customer,
          priority,
          plan,
          status,
          channel,
          requester,
          Set.of(),
          Optional.empty());
    }

    /** This ticket with these flags, on this plan. */
    public Created entitled(Set<String> flags, Optional<String> plan) {
      return new Created(
          eventId,
          ticket,
          occurredAt,
          customer,
          priority,
          plan,
          status,
          channel,
          requester,
          flags,
          url);
    }

    /** This ticket with this URL in its helpdesk (empty: none). */
    public Created withUrl(Optional<URI> url) {
      return new Created(
          eventId,
          ticket,
          occurredAt,
          customer,
          priority,
          plan,
          status,
          channel,
          requester,
          flags,
          url);
    }

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

  /**
   * A named step of the work on a ticket that a plan's defined clocks may start or stop on ({@code
   * hardware_defect_identified}, {@code replacement_shipped}, {@code rca_delivered}).
   *
   * @param name a short token: {@value #NAME_CHARS}, 1 to {@value #MAX_NAME_LENGTH} characters
   */
  record Milestone(EventId eventId, TicketId ticket, Instant occurredAt, String name)
      implements TicketEvent {
    public static final String TYPE = "ticket.milestone";
    public static final int MAX_NAME_LENGTH = 64;
    public static final String NAME_CHARS = "a-z 0-9 _";
    public static final Pattern NAME = Pattern.compile("[a-z0-9_]{1," + MAX_NAME_LENGTH + "}");

    public Milestone {
      Objects.requireNonNull(name, "name");
      if (!isName(name)) {
        throw new IllegalArgumentException(
            "not a milestone name (" + NAME.pattern() + "): " + name);
      }
    }

    /** Whether {@code name} can name a milestone. */
    public static boolean isName(String name) {
      return NAME.matcher(name).matches();
    }

    @Override
    public String type() {
      return TYPE;
    }
  }
}
