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
 */
public record SupportPlan(
    String name,
    String title,
    String source,
    Map<String, Priority> vocabulary,
    Map<Priority, PriorityTerms> priorities,
    List<WarningThreshold> warnings,
    Set<TicketStatus> pauseStatuses,
    Entitlements entitlements) {

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
  }

  public PriorityTerms terms(Priority priority) {
    return priorities.get(priority);
  }

  public Optional<ClockTerms> clock(Priority priority, ClockKind clock) {
    return terms(priority).terms(clock);
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
