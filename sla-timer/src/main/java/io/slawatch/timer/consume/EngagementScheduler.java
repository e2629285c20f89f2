package io.slawatch.timer.consume;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.slawatch.core.engagement.EngagementEngine;
import io.slawatch.core.engagement.EngagementEvent;
import io.slawatch.service.tracing.Tracing;
import io.slawatch.timer.customer.CustomerDirectory;
import io.slawatch.timer.metrics.TimerMetrics;
import io.slawatch.timer.schedule.EngagementPlanner;
import io.slawatch.timer.schedule.Reschedule;
import io.slawatch.timer.store.EngagementEventStore;
import io.slawatch.timer.store.SubjectKind;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Stores engagement events and brings each touched engagement's pending timers in line with what
 * the engagement engine says all its events now call for, on its customer's terms over time, as
 * {@link TimerScheduler} does for tickets: one transaction per batch, each engagement replayed
 * once, its timers and its obligations' clock outcomes written together ({@link ReplayWrites}). Its
 * timers and outcomes are the engagement's ({@link SubjectKind#ENGAGEMENT}): a ticket of the same
 * id keeps its own.
 */
@ApplicationScoped
public class EngagementScheduler {
  private static final Logger LOG = Logger.getLogger(EngagementScheduler.class);

  private final Pool pool;
  private final EngagementEventStore events;
  private final ReplayWrites writes;
  private final EngagementPlanner planner;
  private final CustomerDirectory customers;
  private final Clock clock;
  private final Tracing tracing;
  private final TimerMetrics metrics;

  EngagementScheduler(
      Pool pool,
      EngagementEventStore events,
      ReplayWrites writes,
      EngagementEngine engine,
      CustomerDirectory customers,
      Clock clock,
      Tracing tracing,
      TimerMetrics metrics) {
    this.pool = pool;
    this.events = events;
    this.writes = writes;
    this.planner = new EngagementPlanner(engine);
    this.customers = customers;
    this.clock = clock;
    this.tracing = tracing;
    this.metrics = metrics;
  }

  /**
   * Stores the events and reschedules the engagements of those not seen before, in one transaction,
   * continuing the trace each engagement's event came with ({@code traces}: id → traceparent).
   */
  public Uni<Void> applyAll(List<EngagementEvent> batch, Map<String, String> traces) {
    if (batch.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    List<Span> spans = new ArrayList<>(traces.size());
    Map<String, String> contexts = new HashMap<>();
    traces.forEach(
        (engagement, traceparent) -> {
          Span span = tracing.start("sla-timer schedule", SpanKind.CONSUMER, traceparent);
          span.setAttribute("slawatch.engagement", engagement);
          spans.add(span);
          contexts.put(engagement, Tracing.traceparent(span));
        });
    return pool.withTransaction(
            conn ->
                events
                    .insertNew(conn, batch)
                    .flatMap(
                        touched ->
                            touched.isEmpty()
                                ? Uni.createFrom().voidItem()
                                : reschedule(conn, touched, contexts)))
        .onTermination()
        .invoke((done, failure, cancelled) -> spans.forEach(span -> Tracing.end(span, failure)));
  }

  /** Recomputes the timers of this customer's open engagements (its terms changed). */
  public Uni<Void> rescheduleCustomer(SqlConnection conn, String customer) {
    return events
        .withPendingTimers(conn, customer)
        .flatMap(
            engagements -> {
              if (engagements.isEmpty()) {
                return Uni.createFrom().voidItem();
              }
              LOG.infof(
                  "customer %s changed: recomputing %d open engagement(s)",
                  customer, engagements.size());
              return reschedule(conn, engagements, Map.of());
            });
  }

  private Uni<Void> reschedule(
      SqlConnection conn, Collection<String> engagements, Map<String, String> contexts) {
    return events
        .loadAll(conn, engagements)
        .flatMap(
            stored ->
                customers
                    .histories(conn, EngagementPlanner.customers(stored))
                    .flatMap(
                        known -> {
                          Reschedule decided =
                              planner.reschedule(
                                  engagements,
                                  stored,
                                  customer -> customers.historyOf(known, customer),
                                  clock.instant(),
                                  contexts);
                          decided
                              .failed()
                              .forEach(
                                  failure -> {
                                    LOG.errorf(
                                        failure.cause(),
                                        "engagement %s cannot be replayed: its timers are kept",
                                        failure.ticket());
                                    metrics.replayFailed();
                                  });
                          return writes.write(
                              conn, SubjectKind.ENGAGEMENT, decided, clock.instant());
                        }));
  }
}
