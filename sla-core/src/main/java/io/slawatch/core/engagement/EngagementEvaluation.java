package io.slawatch.core.engagement;

import io.slawatch.core.alert.ClockKind;
import io.slawatch.core.alert.SlaAlert;
import io.slawatch.core.clock.TimelineEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The engine's answer for one engagement as of an instant, shaped like a ticket's {@code
 * Evaluation} so the same pipeline carries it.
 *
 * @param engagement its state (empty while no {@code engagement.purchased} was replayed)
 * @param alerts every alert fired up to the instant, ordered by firing instant then id
 * @param upcoming the alerts that will fire after it unless an event changes them (for timers)
 * @param obligations every obligation it has had, in the order they began
 * @param timeline what happened and which rule it applied, in order
 * @param violations events refused because they break a booking rule (4-hour blocks)
 * @param notes events the engine ignored, and why
 */
public record EngagementEvaluation(
    Optional<Engagement> engagement,
    List<SlaAlert> alerts,
    List<SlaAlert> upcoming,
    List<Obligation> obligations,
    List<TimelineEntry> timeline,
    List<BookingViolation> violations,
    List<String> notes) {
  public EngagementEvaluation {
    alerts = List.copyOf(alerts);
    upcoming = List.copyOf(upcoming);
    obligations = List.copyOf(obligations);
    timeline = List.copyOf(timeline);
    violations = List.copyOf(violations);
    notes = List.copyOf(notes);
  }

  /** The latest instance of an obligation. */
  public Optional<Obligation> obligation(ClockKind clock) {
    return obligations.stream().filter(o -> o.clock().equals(clock)).reduce((a, b) -> b);
  }

  /**
   * The instants at which the engagement's alerts are next due, earliest first: when a durable
   * timer must wake up and evaluate it again (the firing instants of {@link #upcoming}).
   */
  public List<Instant> dueInstants() {
    return upcoming.stream().map(SlaAlert::firedAt).distinct().sorted().toList();
  }

  /** The timeline as text, one entry a line. */
  public String explain() {
    StringBuilder text = new StringBuilder();
    timeline.forEach(entry -> text.append(entry).append('\n'));
    return text.toString();
  }
}
