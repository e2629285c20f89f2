package io.slawatch.timer.schedule;

import io.slawatch.core.clock.CustomerHistory;
import io.slawatch.core.engagement.EngagementEngine;
import io.slawatch.core.engagement.EngagementEvaluation;
import io.slawatch.core.engagement.EngagementEvent;
import io.slawatch.core.engagement.EngagementOutcomes;
import io.slawatch.core.ticket.CustomerId;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides which timers each engagement should have after its events changed, as {@link
 * TimerPlanner} does for tickets ({@link Replays}): the engagement engine replays every stored
 * event of the engagement on its customer's terms over time (each version from its instant on: plan
 * for the alerts, zone for the expiry, business calendar for the notice), each alert it has fired
 * by now or will fire later becomes a pending timer, and each obligation a clock outcome ({@code
 * EngagementOutcomes}: the compliance reports' rows, marked as the engagement's). Plain Java.
 */
public final class EngagementPlanner {
  private final EngagementEngine engine;

  public EngagementPlanner(EngagementEngine engine) {
    this.engine = engine;
  }

  /**
   * The timers of these engagements from their stored events.
   *
   * @param engagements the engagements to reschedule; one without stored events keeps no timer
   * @param stored the stored events of each engagement that has any
   * @param terms the history of an engagement's customer (the one its purchase names, if any)
   * @param now the clock's instant
   * @param traces the trace context each engagement's timers continue (id → traceparent)
   */
  public Reschedule reschedule(
      Collection<String> engagements,
      Map<String, List<EngagementEvent>> stored,
      Function<Optional<String>, CustomerHistory> terms,
      Instant now,
      Map<String, String> traces) {
    return Replays.reschedule(
        engagements,
        stored,
        traces,
        (engagement, events) -> {
          Instant asOf = asOf(events, now);
          EngagementEvaluation evaluation = evaluate(events, terms, asOf);
          return new Replays.Replayed(
              evaluation.alerts(), evaluation.upcoming(), EngagementOutcomes.of(evaluation, asOf));
        });
  }

  /**
   * One engagement replayed as of {@code asOf} on its customer's terms over time: each version of
   * the customer record applies from its instant on, never back-dated.
   */
  public EngagementEvaluation evaluate(
      List<EngagementEvent> events,
      Function<Optional<String>, CustomerHistory> terms,
      Instant asOf) {
    return engine.evaluate(events, terms.apply(customer(events)), asOf);
  }

  /** The customer an engagement's purchase names, if it was recorded. */
  public static Optional<String> customer(List<EngagementEvent> events) {
    return EngagementEngine.customer(events).map(CustomerId::value);
  }

  /**
   * The instant an engagement is replayed as of: now, or its latest event when stamped slightly
   * ahead of our clock.
   */
  public static Instant asOf(List<EngagementEvent> events, Instant now) {
    return events.stream()
        .map(EngagementEvent::occurredAt)
        .reduce(now, (a, b) -> a.isAfter(b) ? a : b);
  }

  /** The customers whose histories a replay of these engagements needs. */
  public static Set<String> customers(Map<String, List<EngagementEvent>> stored) {
    Set<String> customers = new LinkedHashSet<>();
    stored.values().forEach(events -> customer(events).ifPresent(customers::add));
    return customers;
  }
}
