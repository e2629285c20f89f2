package io.slawatch.core.clock;

import io.slawatch.core.alert.ClockKind;
import io.slawatch.core.alert.SlaAlert;
import io.slawatch.core.ticket.CustomerId;
import io.slawatch.core.ticket.Priority;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The engine's answer for one ticket as of an instant.
 *
 * @param alerts every alert fired up to the instant, ordered by firing instant then id
 * @param upcoming the alerts that will fire after it unless an event changes them (for timers)
 * @param clocks every clock the ticket has run, in the order they started
 * @param notes events the engine ignored, and why
 * @param flags the ticket's flags as of the instant (entitlement findings, {@code
 *     unknown_customer}), which its alerts carry
 * @param subject the ticket's customer, plan, priority and helpdesk source as of the instant (empty
 *     while no ticket.created with a known plan was replayed)
 */
public record Evaluation(
    List<SlaAlert> alerts,
    List<SlaAlert> upcoming,
    List<ClockReport> clocks,
    List<String> notes,
    Set<String> flags,
    Optional<Subject> subject) {
  /** What the ticket is, as the reports group it. */
  public record Subject(CustomerId customer, String plan, Priority priority, String source) {}

  public Evaluation {
    flags = Collections.unmodifiableSortedSet(new TreeSet<>(flags));
    alerts = List.copyOf(alerts);
    upcoming = List.copyOf(upcoming);
    clocks = List.copyOf(clocks);
    notes = List.copyOf(notes);
  }

  /** The latest instance of a clock. */
  public Optional<ClockReport> clock(ClockKind kind) {
    return clocks.stream().filter(c -> c.clock().equals(kind)).reduce((first, second) -> second);
  }
}
