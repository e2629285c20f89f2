package io.slawatch.core.engagement;

import io.slawatch.core.alert.AlertKind;
import io.slawatch.core.alert.EndReason;
import io.slawatch.core.alert.SlaAlert;
import io.slawatch.core.report.ClockOutcome;
import io.slawatch.core.report.Outcomes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every obligation of an engagement's evaluation as an outcome for the compliance reports, in the
 * shape of a ticket's clock ({@link ClockOutcome}): the engagement id in place of the ticket, the
 * obligation's name as the clock and its instance as the cycle, the plan in force when it began,
 * and {@value #NO_PRIORITY} as priority (an engagement has none: the P4 its alerts carry is the
 * alert contract's, and a report by priority must not count it among P4 tickets).
 *
 * <ul>
 *   <li>open → {@code open} (its {@code due} ahead; once past, the reports count it breached, as a
 *       ticket's), met → {@code met}, met late → {@code met_late}, breached → {@code breached}, no
 *       longer owed (a booking moved or cancelled, the engagement completed) → {@code ended} with
 *       reason {@code clock_removed};
 *   <li>a {@code forfeit_risk} has no deadline left once raised (three attempts happened): it is a
 *       risk, not a breach, so its outcome is {@code open} without {@code due} while the customer
 *       is silent, {@code met} once they answer;
 *   <li>{@code used} is the wall time from its start to its end (met, ended, a late notice's
 *       change) or the evaluation; {@code late} the wall time past its due then (a late notice: how
 *       much too late the change was made).
 * </ul>
 *
 * <p>Its flags are the engagement's, with {@value Obligations#ENGAGEMENT_FLAG}.
 */
public final class EngagementOutcomes {
  /** The priority column of an engagement's outcomes: it has none. */
  public static final String NO_PRIORITY = "none";

  private EngagementOutcomes() {}

  /** The outcomes of an engagement's obligations as of {@code asOf} (none before its purchase). */
  public static List<ClockOutcome> of(EngagementEvaluation evaluation, Instant asOf) {
    if (evaluation.engagement().isEmpty()) {
      return List.of();
    }
    Engagement engagement = evaluation.engagement().get();
    Map<String, Instant> breaches = Outcomes.breaches(evaluation.alerts());
    Set<String> flags = new TreeSet<>(engagement.flags());
    flags.add(Obligations.ENGAGEMENT_FLAG);
    Map<String, SlaAlert> ends = new HashMap<>();
    for (SlaAlert alert : evaluation.alerts()) {
      if (alert.kind() == AlertKind.ENDED
          && alert.reason().filter(r -> r != EndReason.MET_LATE).isPresent()) {
        ends.putIfAbsent(Outcomes.key(alert.clock().wireName(), alert.cycle()), alert);
      }
    }
    List<ClockOutcome> outcomes = new ArrayList<>();
    for (Obligation o : evaluation.obligations()) {
      String key = Outcomes.key(o.clock().wireName(), o.cycle());
      Optional<Instant> breachedAt = Optional.ofNullable(breaches.get(key));
      Optional<SlaAlert> end = Optional.ofNullable(ends.get(key));
      boolean risk = o.clock().equals(Obligations.FORFEIT_RISK);
      ClockOutcome.Status status =
          switch (o.status()) {
            case OPEN -> ClockOutcome.Status.OPEN;
            case MET -> ClockOutcome.Status.MET;
            case MET_LATE -> ClockOutcome.Status.MET_LATE;
            case BREACHED -> ClockOutcome.Status.BREACHED;
            case VOID -> ClockOutcome.Status.ENDED;
          };
      Optional<Instant> metAt =
          status == ClockOutcome.Status.MET || status == ClockOutcome.Status.MET_LATE
              ? o.settledAt()
              : Optional.empty();
      Optional<Instant> endedAt =
          status == ClockOutcome.Status.ENDED
              ? o.settledAt()
              : end.map(SlaAlert::firedAt).filter(at -> status == ClockOutcome.Status.BREACHED);
      Optional<EndReason> endReason =
          status == ClockOutcome.Status.ENDED
              ? Optional.of(EndReason.CLOCK_REMOVED)
              : end.flatMap(SlaAlert::reason).filter(r -> endedAt.isPresent());
      Instant stop =
          metAt
              .or(() -> endedAt)
              .or(
                  () ->
                      o.settledAt()
                          .filter(at -> status == ClockOutcome.Status.BREACHED)
                          .filter(at -> at.isAfter(o.due())))
              .orElse(asOf);
      boolean late =
          status == ClockOutcome.Status.MET_LATE || status == ClockOutcome.Status.BREACHED;
      outcomes.add(
          new ClockOutcome(
              engagement.id().value(),
              o.clock().wireName(),
              o.cycle(),
              engagement.customer().value(),
              o.plan(),
              NO_PRIORITY,
              engagement.source(),
              o.since(),
              o.target(),
              status,
              risk ? Optional.empty() : Optional.of(o.due()),
              breachedAt,
              metAt,
              endedAt,
              endReason,
              Outcomes.positive(Duration.between(o.since(), stop)),
              late ? Outcomes.positive(Duration.between(o.due(), stop)) : Duration.ZERO,
              flags));
    }
    return outcomes;
  }
}
