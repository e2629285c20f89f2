package io.slawatch.timer.schedule;

import io.slawatch.core.alert.SlaAlert;
import io.slawatch.core.clock.CustomerHistory;
import io.slawatch.core.engagement.EngagementEngine;
import io.slawatch.core.engagement.EngagementEvaluation;
import io.slawatch.core.engagement.EngagementEvent;
import io.slawatch.core.ticket.CustomerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides which timers each engagement should have after its events changed, as {@link
 * TimerPlanner} does for tickets: the engagement engine replays every stored event of the
 * engagement on its customer's terms (the version in force at the replay instant: plan for the
 * alerts, zone for the expiry, business calendar for the notice), and each alert it has fired by
 * now or will fire later becomes a pending timer. Engagements have no clock outcomes (the
 * compliance reports count tickets). Plain Java.
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
    Map<String, PendingTimer> wanted = new LinkedHashMap<>();
    List<String> replaced = new ArrayList<>(engagements.size());
    List<Reschedule.Failure> failed = new ArrayList<>();
    stored.forEach(
        (engagement, events) -> {
          EngagementEvaluation evaluation;
          try {
            evaluation = evaluate(events, terms, asOf(events, now));
          } catch (RuntimeException e) {
            failed.add(new Reschedule.Failure(engagement, e));
            return;
          }
          Optional<String> trace = Optional.ofNullable(traces.get(engagement));
          for (SlaAlert alert : evaluation.alerts()) {
            wanted.put(alert.id(), PendingTimer.of(alert, trace));
          }
          for (SlaAlert alert : evaluation.upcoming()) {
            wanted.put(alert.id(), PendingTimer.of(alert, trace));
          }
          replaced.add(engagement);
        });
    engagements.stream().filter(e -> !stored.containsKey(e)).forEach(replaced::add);
    return new Reschedule(replaced, List.copyOf(wanted.values()), failed, List.of());
  }

  /** One engagement replayed as of {@code asOf} on its customer's terms in force then. */
  public EngagementEvaluation evaluate(
      List<EngagementEvent> events,
      Function<Optional<String>, CustomerHistory> terms,
      Instant asOf) {
    CustomerHistory history = terms.apply(customer(events));
    return engine.evaluate(events, history.at(asOf), asOf);
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
