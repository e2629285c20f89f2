package io.slawatch.core.report;

import io.slawatch.core.alert.AlertKind;
import io.slawatch.core.alert.SlaAlert;
import io.slawatch.core.clock.ClockReport;
import io.slawatch.core.clock.ClockState;
import io.slawatch.core.clock.Evaluation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every clock of a ticket's evaluation as an outcome: met, met late, breached, ended unmet, or
 * still open. A clock breached when its breach alert fired (the engine's judgement, so the reports
 * and the pages agree) or when it used more business time than its target.
 */
public final class Outcomes {
  private Outcomes() {}

  /** The outcomes of a ticket's clocks as of the evaluation (none before its ticket.created). */
  public static List<ClockOutcome> of(String ticket, Evaluation evaluation) {
    if (evaluation.subject().isEmpty()) {
      return List.of();
    }
    Evaluation.Subject subject = evaluation.subject().get();
    Map<String, Instant> breaches = breaches(evaluation.alerts());
    List<ClockOutcome> outcomes = new ArrayList<>();
    for (ClockReport clock : evaluation.clocks()) {
      Optional<Instant> breachedAt =
          Optional.ofNullable(breaches.get(key(clock.clock().wireName(), clock.instance())));
      Duration used = clock.consumed();
      boolean over = used.compareTo(clock.target()) > 0 || breachedAt.isPresent();
      Duration late = over ? positive(used.minus(clock.target())) : Duration.ZERO;
      ClockOutcome.Status status =
          switch (clock.state()) {
            case ClockState.Met met ->
                over ? ClockOutcome.Status.MET_LATE : ClockOutcome.Status.MET;
            case ClockState.Stopped stopped ->
                over ? ClockOutcome.Status.BREACHED : ClockOutcome.Status.ENDED;
            case ClockState.Running running ->
                over ? ClockOutcome.Status.BREACHED : ClockOutcome.Status.OPEN;
            case ClockState.Paused paused ->
                over ? ClockOutcome.Status.BREACHED : ClockOutcome.Status.OPEN;
          };
      outcomes.add(
          new ClockOutcome(
              ticket,
              clock.clock().wireName(),
              clock.instance(),
              subject.customer().value(),
              subject.plan(),
              subject.priority().name(),
              subject.source(),
              clock.start(),
              clock.target(),
              status,
              clock.due(),
              breachedAt,
              clock.state() instanceof ClockState.Met met
                  ? Optional.of(met.since())
                  : Optional.empty(),
              clock.state() instanceof ClockState.Stopped stopped
                  ? Optional.of(stopped.since())
                  : Optional.empty(),
              clock.state() instanceof ClockState.Stopped ? clock.endReason() : Optional.empty(),
              used,
              late,
              evaluation.flags()));
    }
    return outcomes;
  }

  /**
   * When each clock (by {@link #key}) first breached among these alerts: the engine's judgement, so
   * the reports and the pages agree. Engagements' obligations use it too.
   */
  public static Map<String, Instant> breaches(List<SlaAlert> alerts) {
    Map<String, Instant> breaches = new HashMap<>();
    for (SlaAlert alert : alerts) {
      if (alert.kind() == AlertKind.BREACHED) {
        breaches.putIfAbsent(key(alert.clock().wireName(), alert.cycle()), alert.firedAt());
      }
    }
    return breaches;
  }

  /** A clock's key among its subject's: its name and cycle. */
  public static String key(String clock, int cycle) {
    return clock + "/" + cycle;
  }

  /** {@code d}, or zero when negative. */
  public static Duration positive(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }
}
