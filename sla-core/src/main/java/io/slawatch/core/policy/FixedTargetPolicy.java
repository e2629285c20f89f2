package io.slawatch.core.policy;

import io.slawatch.core.alert.AlertKind;
import io.slawatch.core.alert.ClockKind;
import io.slawatch.core.alert.SlaAlert;
import io.slawatch.core.event.TicketEvent;
import io.slawatch.core.ticket.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The simplest first-response policy: a 24x7 clock with one target per priority, warnings at fixed
 * fractions of the target and a breach at the target. It is what the walking skeleton runs until
 * plans with business calendars are wired in.
 */
public record FixedTargetPolicy(
    String plan, Map<Priority, Duration> targets, List<Double> warningThresholds) {

  public FixedTargetPolicy {
    Objects.requireNonNull(plan, "plan");
    targets = Map.copyOf(new EnumMap<>(targets));
    warningThresholds = List.copyOf(warningThresholds);
    for (Priority priority : Priority.values()) {
      Duration target = targets.get(priority);
      if (target == null || target.isNegative() || target.isZero()) {
        throw new IllegalArgumentException(
            "plan " + plan + ": target for " + priority + " must be a positive duration");
      }
    }
    for (double threshold : warningThresholds) {
      if (!(threshold > 0 && threshold < 1)) {
        throw new IllegalArgumentException(
            "plan " + plan + ": warning threshold " + threshold + " must be between 0 and 1");
      }
    }
  }

  public Duration target(Priority priority) {
    return targets.get(priority);
  }

  /** Every alert the first-response clock of a new ticket will fire unless it is answered. */
  public List<SlaAlert> scheduleFirstResponse(TicketEvent.Created created) {
    Duration target = target(created.priority());
    Instant start = created.occurredAt();
    Instant due = start.plus(target);
    List<SlaAlert> alerts = new ArrayList<>(warningThresholds.size() + 1);
    for (double threshold : warningThresholds) {
      Instant at = start.plusNanos((long) (target.toNanos() * threshold));
      alerts.add(alert(created, AlertKind.WARNING, target, due, at, threshold));
    }
    alerts.add(alert(created, AlertKind.BREACHED, target, due, due, 1.0));
    return alerts;
  }

  /**
   * Every alert a ticket's first-response clock fires, given all its events so far in any order:
   * the warnings and breach scheduled at creation that fall before the first answer. Deterministic:
   * the same events give the same alerts (and alert ids) whatever their arrival order.
   */
  public List<SlaAlert> alertsFor(List<TicketEvent> events) {
    Optional<TicketEvent.Created> created =
        events.stream()
            .filter(TicketEvent.Created.class::isInstance)
            .map(TicketEvent.Created.class::cast)
            .min(BY_OCCURRENCE);
    if (created.isEmpty()) {
      return List.of();
    }
    Instant start = created.get().occurredAt();
    Optional<Instant> answeredAt =
        events.stream()
            .filter(FixedTargetPolicy::satisfiesFirstResponse)
            .map(TicketEvent::occurredAt)
            .filter(at -> !at.isBefore(start))
            .min(Instant::compareTo);
    return scheduleFirstResponse(created.get()).stream()
        .filter(alert -> answeredAt.map(alert.firedAt()::isBefore).orElse(true))
        .toList();
  }

  private static final java.util.Comparator<TicketEvent> BY_OCCURRENCE =
      java.util.Comparator.comparing(TicketEvent::occurredAt).thenComparing(e -> e.eventId().key());

  /** Whether this event stops the first-response clock. */
  public static boolean satisfiesFirstResponse(TicketEvent event) {
    return switch (event) {
      case TicketEvent.AgentReplied reply -> reply.isPublic();
      case TicketEvent.StatusChanged change -> change.status().isFinished();
      default -> false;
    };
  }

  private SlaAlert alert(
      TicketEvent.Created created,
      AlertKind kind,
      Duration target,
      Instant due,
      Instant at,
      double threshold) {
    return new SlaAlert(
        kind,
        created.ticket(),
        created.customer(),
        plan,
        created.priority(),
        ClockKind.FIRST_RESPONSE,
        1,
        target,
        due,
        at,
        Optional.of(threshold),
        Optional.empty(),
        Optional.empty());
  }
}
