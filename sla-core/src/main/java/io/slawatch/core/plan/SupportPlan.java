package io.slawatch.core.plan;

import io.slawatch.core.alert.ClockKind;
import io.slawatch.core.ticket.Priority;
import io.slawatch.core.ticket.TicketStatus;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A support plan: its priority vocabulary, per-priority clock terms, warning thresholds, the
 * statuses that pause the clocks, and its entitlements.
 *
 * @param vocabulary the plan's own priority words (lower case: {@code urgent}, {@code s1}, {@code
 *     1}, {@code critical}) mapped to canonical priorities; {@code P1}..{@code P4} always work
 * @param definedClocks the clocks the plan defines by name besides the built-in ones, in the plan
 *     file's order
 */
public record SupportPlan(
    String name,
    String title,
    String source,
    Map<String, Priority> vocabulary,
    Map<Priority, PriorityTerms> priorities,
    List<WarningThreshold> warnings,
    Set<TicketStatus> pauseStatuses,
    Entitlements entitlements,
    List<DefinedClock> definedClocks) {

  public SupportPlan {
    Objects.requireNonNull(name, "name");
    vocabulary = Map.copyOf(vocabulary);
    priorities = java.util.Collections.unmodifiableMap(new EnumMap<>(priorities));
    for (Priority priority : Priority.values()) {
      if (!priorities.containsKey(priority)) {
        throw new IllegalArgumentException("plan " + name + " has no terms for " + priority);
      }
    }
    warnings = List.copyOf(warnings);
    pauseStatuses = Set.copyOf(pauseStatuses);
    Objects.requireNonNull(entitlements, "entitlements");
    definedClocks = List.copyOf(definedClocks);
    if (definedClocks.stream().map(DefinedClock::kind).distinct().count() < definedClocks.size()) {
      throw new IllegalArgumentException("plan " + name + " defines a clock twice");
    }
  }

  /** A plan without defined clocks. */
  public SupportPlan(
      String name,
      String title,
      String source,
      Map<String, Priority> vocabulary,
      Map<Priority, PriorityTerms> priorities,
      List<WarningThreshold> warnings,
      Set<TicketStatus> pauseStatuses,
      Entitlements entitlements) {
    this(
        name,
        title,
        source,
        vocabulary,
        priorities,
        warnings,
        pauseStatuses,
        entitlements,
        List.of());
  }

  public PriorityTerms terms(Priority priority) {
    return priorities.get(priority);
  }

  /** The terms of a built-in or defined clock at this priority; empty when it has none. */
  public Optional<ClockTerms> clock(Priority priority, ClockKind clock) {
    if (clock.isDefined()) {
      return definedClock(clock).flatMap(defined -> defined.terms(priority));
    }
    return terms(priority).terms(clock);
  }

  /** The clock this plan defines under this name. */
  public Optional<DefinedClock> definedClock(ClockKind clock) {
    return definedClocks.stream().filter(defined -> defined.kind().equals(clock)).findFirst();
  }

  /** The warning thresholds of a clock: a defined clock's own, else the plan's. */
  public List<WarningThreshold> warnings(ClockKind clock) {
    return definedClock(clock).flatMap(DefinedClock::warnings).orElse(warnings);
  }

  /** Maps a helpdesk's priority word ({@code urgent}, {@code S2}, {@code 3}, {@code P4}). */
  public Optional<Priority> priorityOf(String word) {
    Optional<Priority> canonical = Priority.parse(word);
    if (canonical.isPresent()) {
      return canonical;
    }
    return Optional.ofNullable(vocabulary.get(word.trim().toLowerCase(Locale.ROOT)));
  }

  public boolean pauses(TicketStatus status) {
    return pauseStatuses.contains(status);
  }
}
