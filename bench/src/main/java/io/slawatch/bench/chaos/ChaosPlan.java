package io.slawatch.bench.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * The plan every ticket of the fault suite runs on: one first-response clock of {@link #TARGET},
 * around the clock, warned at half of it. A ticket nobody answers owes a warning and a breach; a
 * ticket answered in time (its reply in the same request as its creation) owes one {@code sla.met}.
 * Nothing else is owed, whatever the order in which the services saw the events.
 */
final class ChaosPlan {
  static final String NAME = "chaos";
  static final Duration TARGET = Duration.ofSeconds(20);
  static final Duration WARNING = TARGET.dividedBy(2);

  static final Set<String> OWED_UNANSWERED = Set.of("sla.warning", "sla.breached");
  static final Set<String> OWED_ANSWERED = Set.of("sla.met");

  private ChaosPlan() {}

  /** The alert types a ticket owes. */
  static Set<String> owed(boolean answered) {
    return answered ? OWED_ANSWERED : OWED_UNANSWERED;
  }

  /** Writes the plan file sla-timer loads ({@code slawatch.timer.plan-files}). */
  static Path write(Path dir) throws IOException {
    Files.createDirectories(dir);
    return Files.writeString(
        dir.resolve("chaos-plan.yaml"),
        """
        # The fault suite's plan (./slawatch chaos): second-scale, always open.
        name: chaos
        title: Fault suite (seconds, 24x7)
        priorities: {P1: [P1], P2: [P2], P3: [P3], P4: [P4]}
        warnings: [50%%]
        pause_statuses: [pending, on_hold]
        clocks:
          P1: {first_response: {target: PT%dS, calendar: 24x7}}
          P2: {first_response: {target: PT%dS, calendar: 24x7}}
          P3: {first_response: {target: PT%dS, calendar: 24x7}}
          P4: {first_response: {target: PT%dS, calendar: 24x7}}
        """
            .formatted(
                TARGET.toSeconds(), TARGET.toSeconds(), TARGET.toSeconds(), TARGET.toSeconds()));
  }
}
