package io.slawatch.core.engagement;

import io.slawatch.core.event.EventId;
import io.slawatch.core.ticket.CustomerId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The canonical engagement events (Jamf's services policy, support-plans.md section 4): a subject
 * beside tickets. Each is a CloudEvent: {@code subject} = engagement id, {@code time} = when it
 * happened.
 */
public sealed interface EngagementEvent {
  /** Every event type, in the order the engine applies them at one instant. */
  List<String> TYPES =
      List.of(
          Purchased.TYPE,
          ContactAttempted.TYPE,
          CustomerResponded.TYPE,
          Scheduled.TYPE,
          Rescheduled.TYPE,
          Cancelled.TYPE,
          Started.TYPE,
          Completed.TYPE);

  EventId eventId();

  EngagementId engagement();

  /** When it happened (not when slawatch received it). */
  Instant occurredAt();

  /** The CloudEvent type, e.g. {@code engagement.purchased}. */
  String type();

  /**
   * Services bought: the engagement exists from now on and expires one year after {@code
   * purchasedAt}.
   *
   * @param hours the hours of service purchased (at least 1)
   * @param purchasedAt the contractual purchase instant (the event's {@code time} is when it was
   *     recorded)
   */
  record Purchased(
      EventId eventId,
      EngagementId engagement,
      Instant occurredAt,
      CustomerId customer,
      EngagementKind kind,
      int hours,
      Instant purchasedAt)
      implements EngagementEvent {
    public static final String TYPE = "engagement.purchased";

    public Purchased {
      requireIds(eventId, engagement, occurredAt);
      Objects.requireNonNull(customer, "customer");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(purchasedAt, "purchasedAt");
      if (hours < 1) {
        throw new IllegalArgumentException("hours must be at least 1: " + hours);
      }
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /** A session booked: it starts at {@code start} and lasts {@code duration}. */
  record Scheduled(
      EventId eventId,
      EngagementId engagement,
      Instant occurredAt,
      Instant start,
      Duration duration)
      implements EngagementEvent {
    public static final String TYPE = "engagement.scheduled";

    public Scheduled {
      requireIds(eventId, engagement, occurredAt);
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(duration, "duration");
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /** The open booking moved: the session now starts at {@code start} and lasts {@code duration}. */
  record Rescheduled(
      EventId eventId,
      EngagementId engagement,
      Instant occurredAt,
      Instant start,
      Duration duration)
      implements EngagementEvent {
    public static final String TYPE = "engagement.rescheduled";

    public Rescheduled {
      requireIds(eventId, engagement, occurredAt);
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(duration, "duration");
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /** The vendor tried to reach the customer (by e-mail) to schedule the engagement. */
  record ContactAttempted(EventId eventId, EngagementId engagement, Instant occurredAt)
      implements EngagementEvent {
    public static final String TYPE = "engagement.contact_attempted";

    public ContactAttempted {
      requireIds(eventId, engagement, occurredAt);
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /** The customer answered: the count of unanswered contact attempts starts again. */
  record CustomerResponded(EventId eventId, EngagementId engagement, Instant occurredAt)
      implements EngagementEvent {
    public static final String TYPE = "engagement.customer_responded";

    public CustomerResponded {
      requireIds(eventId, engagement, occurredAt);
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /** The open booking was cancelled (the engagement itself stays purchased and keeps expiring). */
  record Cancelled(EventId eventId, EngagementId engagement, Instant occurredAt)
      implements EngagementEvent {
    public static final String TYPE = "engagement.cancelled";

    public Cancelled {
      requireIds(eventId, engagement, occurredAt);
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /** The session began: the customer joined (remote) or the engineer was let in (on site). */
  record Started(EventId eventId, EngagementId engagement, Instant occurredAt)
      implements EngagementEvent {
    public static final String TYPE = "engagement.started";

    public Started {
      requireIds(eventId, engagement, occurredAt);
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /** The engagement is finished (the customer's written confirmation): every obligation ends. */
  record Completed(EventId eventId, EngagementId engagement, Instant occurredAt)
      implements EngagementEvent {
    public static final String TYPE = "engagement.completed";

    public Completed {
      requireIds(eventId, engagement, occurredAt);
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  private static void requireIds(EventId eventId, EngagementId engagement, Instant occurredAt) {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(engagement, "engagement");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }
}
