package io.slawatch.core.plan;

import io.slawatch.core.event.TicketEvent;
import io.slawatch.core.ticket.Priority;
import io.slawatch.core.ticket.TicketStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * When a defined clock starts, stops or pauses: an event (its type, and for {@code
 * ticket.milestone} its name) and the ticket's state (status, priority, channel). Every field given
 * must match; a set matches any of its values; an empty set matches anything.
 *
 * @param event the event type ({@code start_on}, {@code stop_on}); empty for a state that holds
 *     ({@code pause_on})
 * @param milestone with {@code ticket.milestone}: the milestone's name
 * @param statuses the ticket's status after the event ({@code ticket.status_changed}: the new one)
 * @param priorities the ticket's priority after the event
 * @param channels the channel the ticket came in by ({@code ticket.created}'s {@code channel})
 */
public record ClockCondition(
    Optional<String> event,
    Optional<String> milestone,
    Set<TicketStatus> statuses,
    Set<Priority> priorities,
    Set<String> channels) {

  public ClockCondition {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(milestone, "milestone");
    event.ifPresent(
        type -> {
          if (!TicketEvent.TYPES.contains(type)) {
            throw new IllegalArgumentException("not a ticket event type: " + type);
          }
        });
    if (milestone.isPresent() && !event.equals(Optional.of(TicketEvent.Milestone.TYPE))) {
      throw new IllegalArgumentException(
          "a milestone name goes with " + TicketEvent.Milestone.TYPE);
    }
    statuses = Set.copyOf(statuses);
    priorities = Set.copyOf(priorities);
    channels = Set.copyOf(channels);
  }

  /** The ticket as a condition sees it, after the event. */
  public record Ticket(TicketStatus status, Priority priority, String channel) {}

  /** Whether this event, on a ticket in this state, meets the condition. */
  public boolean matches(TicketEvent happened, Ticket ticket) {
    if (event.isEmpty() || !event.get().equals(happened.type())) {
      return false;
    }
    if (milestone.isPresent()
        && !(happened instanceof TicketEvent.Milestone m && m.name().equals(milestone.get()))) {
      return false;
    }
    return holds(ticket);
  }

  /** Whether the ticket's state meets the condition (the event aside). */
  public boolean holds(Ticket ticket) {
    return (statuses.isEmpty() || statuses.contains(ticket.status()))
        && (priorities.isEmpty() || priorities.contains(ticket.priority()))
        && (channels.isEmpty() || channels.contains(ticket.channel()));
  }

  /** As a plan file would say it: {@code ticket.milestone rca_delivered}, {@code status solved}. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    event.ifPresent(parts::add);
    milestone.ifPresent(parts::add);
    if (!statuses.isEmpty()) {
      parts.add(
          "status "
              + String.join(
                  "|", new TreeSet<>(statuses.stream().map(TicketStatus::wireName).toList())));
    }
    if (!priorities.isEmpty()) {
      parts.add(
          "priority "
              + String.join("|", new TreeSet<>(priorities.stream().map(Enum::name).toList())));
    }
    if (!channels.isEmpty()) {
      parts.add("channel " + String.join("|", new TreeSet<>(channels)));
    }
    return String.join(" ", parts);
  }
}
