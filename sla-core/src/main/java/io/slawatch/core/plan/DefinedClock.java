package io.slawatch.core.plan;

import io.slawatch.core.alert.ClockKind;
import io.slawatch.core.ticket.Priority;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A clock a plan file defines by name, beyond the built-in response, update and resolution clocks:
 * it starts on an event matching {@code startOn}, is met by one matching {@code stopOn}, pauses
 * while the ticket matches {@code pauseOn}, and has a target per priority. Solving or closing the
 * ticket does not stop it (an RCA is owed after the solve); its alerts carry its name as their
 * clock.
 *
 * @param title what it promises, for people
 * @param pauseOn states in which it consumes no time (none by default)
 * @param targets per canonical priority; a priority without one runs no such clock
 * @param warnings its own warning thresholds; empty: the plan's
 */
public record DefinedClock(
    ClockKind kind,
    String title,
    List<ClockCondition> startOn,
    List<ClockCondition> stopOn,
    List<ClockCondition> pauseOn,
    Map<Priority, ClockTerms> targets,
    Optional<List<WarningThreshold>> warnings) {

  public DefinedClock {
    Objects.requireNonNull(kind, "kind");
    if (!kind.isDefined()) {
      throw new IllegalArgumentException(kind.wireName() + " is a built-in clock");
    }
    Objects.requireNonNull(title, "title");
    startOn = List.copyOf(startOn);
    stopOn = List.copyOf(stopOn);
    pauseOn = List.copyOf(pauseOn);
    if (startOn.isEmpty() || stopOn.isEmpty()) {
      throw new IllegalArgumentException(kind.wireName() + " needs start and stop conditions");
    }
    if (targets.isEmpty()) {
      throw new IllegalArgumentException(kind.wireName() + " has no target");
    }
    targets = Collections.unmodifiableMap(new EnumMap<>(targets));
    warnings = warnings.map(List::copyOf);
  }

  public String name() {
    return kind.wireName();
  }

  public Optional<ClockTerms> terms(Priority priority) {
    return Optional.ofNullable(targets.get(priority));
  }

  /** Whether it pauses in this state of the ticket. */
  public boolean pausesOn(ClockCondition.Ticket ticket) {
    return pauseOn.stream().anyMatch(condition -> condition.holds(ticket));
  }
}
