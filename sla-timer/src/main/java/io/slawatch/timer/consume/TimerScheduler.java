package io.slawatch.timer.consume;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.slawatch.core.clock.SlaEngine;
import io.slawatch.core.event.TicketEvent;
import io.slawatch.service.tracing.Tracing;
import io.slawatch.timer.customer.CustomerDirectory;
import io.slawatch.timer.metrics.TimerMetrics;
import io.slawatch.timer.schedule.Reschedule;
import io.slawatch.timer.schedule.Tickets;
import io.slawatch.timer.schedule.TimerPlanner;
import io.slawatch.timer.store.SubjectKind;
import io.slawatch.timer.store.TicketEventStore;
import io.slawatch.timer.store.TicketStore;
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
 * Stores ticket events and brings each touched ticket's pending timers in line with what the SLA
 * engine says all its events (in any arrival order) now call for, on its customer's plan and
 * business calendar: new alerts are scheduled, alerts no longer due are cancelled, alerts already
 * fired are never scheduled again, and alerts due already (a late event) fire at once. What the
 * timers become is {@link TimerPlanner}'s decision; this class runs it in a transaction.
 *
 * <p>A batch (one Kafka poll) is one transaction of a fixed number of statements, whatever its
 * size: the events are inserted together (a redelivered one is skipped by its key), and each ticket
 * they touch is replayed once, however many of its events the batch holds.
 */
@ApplicationScoped
public class TimerScheduler {
  private static final Logger LOG = Logger.getLogger(TimerScheduler.class);

  private final Pool pool;
  private final TicketEventStore events;
  private final TicketStore tickets;
  private final TimerPlanner planner;
  private final ReplayWrites writes;
  private final CustomerDirectory customers;
  private final Clock clock;
  private final Tracing tracing;
  private final TimerMetrics metrics;

  TimerScheduler(
      Pool pool,
      TicketEventStore events,
      TicketStore tickets,
      ReplayWrites writes,
      SlaEngine engine,
      CustomerDirectory customers,
      Clock clock,
      Tracing tracing,
      TimerMetrics metrics) {
    this.pool = pool;
    this.events = events;
    this.tickets = tickets;
    this.writes = writes;
    this.planner = new TimerPlanner(engine);
    this.customers = customers;
    this.clock = clock;
    this.tracing = tracing;
    this.metrics = metrics;
  }

  public Uni<Void> apply(TicketEvent event) {
    return applyAll(List.of(event));
  }

  /** Stores the events and reschedules the tickets of those not seen before, in one transaction. */
  public Uni<Void> applyAll(List<TicketEvent> batch) {
    return applyAll(batch, Map.of());
  }

  /**
   * {@link #applyAll(List)}, continuing the trace each ticket's event came with ({@code traces}:
   * ticket id → W3C {@code traceparent}) in a span per ticket; the ticket's timers keep that span's
   * context, so the alerts they fire continue the ticket's trace.
   */
  public Uni<Void> applyAll(List<TicketEvent> batch, Map<String, String> traces) {
    if (batch.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    List<Span> spans = new ArrayList<>(traces.size());
    Map<String, String> contexts = new HashMap<>();
    traces.forEach(
        (ticket, traceparent) -> {
          Span span = tracing.start("sla-timer schedule", SpanKind.CONSUMER, traceparent);
          span.setAttribute("slawatch.ticket", ticket);
          spans.add(span);
          contexts.put(ticket, Tracing.traceparent(span));
        });
    return store(batch, contexts)
        .onTermination()
        .invoke((done, failure, cancelled) -> spans.forEach(span -> Tracing.end(span, failure)));
  }

  private Uni<Void> store(List<TicketEvent> batch, Map<String, String> contexts) {
    Map<String, String> created = Tickets.createdCustomers(batch);
    return pool.withTransaction(
        conn ->
            events
                .insertNew(conn, batch)
                .flatMap(
                    touched -> {
                      if (touched.isEmpty()) {
                        return Uni.createFrom().voidItem();
                      }
                      return tickets
                          .recordCustomers(conn, created)
                          .flatMap(done -> reschedule(conn, touched, contexts));
                    }));
  }

  /** Recomputes one ticket's timers from its stored events, inside the caller's transaction. */
  public Uni<Void> reschedule(SqlConnection conn, String ticket) {
    return reschedule(conn, List.of(ticket));
  }

  /**
   * Recomputes these tickets' timers from their stored events, inside the caller's transaction: one
   * query for their events, one for their customers, one delete and one upsert for all.
   */
  public Uni<Void> reschedule(SqlConnection conn, Collection<String> tickets) {
    return reschedule(conn, tickets, Map.of());
  }

  /**
   * {@link #reschedule(SqlConnection, Collection)}; timers keep their ticket's new trace context.
   */
  private Uni<Void> reschedule(
      SqlConnection conn, Collection<String> tickets, Map<String, String> contexts) {
    return events
        .loadAll(conn, tickets)
        .flatMap(
            stored ->
                customers
                    .histories(conn, TimerPlanner.customers(stored))
                    .flatMap(
                        known -> {
                          Reschedule decided =
                              planner.reschedule(
                                  tickets,
                                  stored,
                                  customer -> customers.historyOf(known, customer),
                                  clock.instant(),
                                  contexts);
                          decided.failed().forEach(this::replayFailed);
                          LOG.debugf(
                              "%d ticket(s) replayed, %d alert(s) wanted",
                              stored.size(), decided.timers().size());
                          return writes.write(conn, SubjectKind.TICKET, decided, clock.instant());
                        }));
  }

  /**
   * The engine could not replay a ticket (a bug, or input the edge should have refused): the ticket
   * keeps the timers it had, the failure is logged with its stack trace and counted, and every
   * other ticket goes on.
   */
  private void replayFailed(Reschedule.Failure failure) {
    LOG.errorf(
        failure.cause(),
        "ticket %s cannot be replayed: its timers are kept as they were",
        failure.ticket());
    metrics.replayFailed();
  }
}
