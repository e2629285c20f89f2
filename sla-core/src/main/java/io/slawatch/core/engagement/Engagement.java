package io.slawatch.core.engagement;

import io.slawatch.core.ticket.CustomerId;
import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An engagement as its events say it is at an instant: a pure function of its events and its
 * customer's business calendar ({@link EngagementEngine}).
 *
 * @param source the {@code source} of the event that recorded its purchase (the system it came
 *     from, like a ticket's helpdesk)
 * @param expiresAt one year after {@code purchasedAt}, in the customer's zone ({@link Expiry})
 * @param unansweredAttempts contact attempts since the customer last responded
 * @param lateNotices bookings moved or cancelled with less than five business days' notice
 * @param flags {@code late_notice}, {@code forfeit_risk}, {@code no_show} once they happened
 */
public record Engagement(
    EngagementId id,
    CustomerId customer,
    String source,
    EngagementKind kind,
    int hours,
    Instant purchasedAt,
    Instant expiresAt,
    EngagementStage stage,
    int bookings,
    int unansweredAttempts,
    int lateNotices,
    Set<String> flags) {
  public Engagement {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(stage, "stage");
    flags = Collections.unmodifiableSortedSet(new TreeSet<>(flags));
  }

  public boolean isCompleted() {
    return stage instanceof EngagementStage.Completed;
  }
}
