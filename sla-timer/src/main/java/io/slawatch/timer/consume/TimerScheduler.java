package io.slawatch.timer.consume;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.slawatch.contract.json.SlaAlertCodec;
import io.slawatch.contract.json.TicketEventCodec;
import io.slawatch.core.alert.SlaAlert;
import io.slawatch.core.clock.CustomerHistory;
import io.slawatch.core.clock.Evaluation;
import io.slawatch.core.clock.SlaEngine;
import io.slawatch.core.event.TicketEvent;
import io.slawatch.service.tracing.Tracing;
import io.slawatch.timer.customer.CustomerDirectory;
import io.slawatch.timer.metrics.TimerMetrics;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Stores ticket events and brings each touched ticket's pending timers in line with what the SLA
 * engine says all its events (in any arrival order) now call for, on its customer's plan and
 * business calendar: new alerts are scheduled, alerts no longer due are cancelled, alerts already
 * fired are never scheduled again, and alerts due already (a late event) fire at once.
 *
 * <p>A batch (one Kafka poll) is one transaction of a fixed number of statements, whatever its
 * size: the events are inserted together (a redelivered one is skipped by its key), and each ticket
 * they touch is replayed once, however many of its events the batch holds.
 */
@ApplicationScoped
public class TimerScheduler {
  private static final Logger LOG = Logger.getLogger(TimerScheduler.class);

  private final Pool pool;
  private final TicketEventCodec events;
  private final SlaAlertCodec alerts;
  private final SlaEngine engine;
  private final CustomerDirectory customers;
  private final TicketHistory history;
  private final Clock clock;
  private final Tracing tracing;
  private final TimerMetrics metrics;

  TimerScheduler(
      Pool pool,
      TicketEventCodec events,
      SlaAlertCodec alerts,
      SlaEngine engine,
      CustomerDirectory customers,
      TicketHistory history,
      Clock clock,
      Tracing tracing,
      TimerMetrics metrics) {
    this.tracing = tracing;
    this.metrics = metrics;
    this.pool = pool;
    this.events = events;
    this.alerts = alerts;
    this.engine = engine;
    this.customers = customers;
    this.history = history;
    this.clock = clock;
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
    int n = batch.size();
    String[] sources = new String[n];
    String[] ids = new String[n];
    String[] tickets = new String[n];
    OffsetDateTime[] occurred = new OffsetDateTime[n];
    String[] payloads = new String[n];
    Map<String, String> created = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      TicketEvent event = batch.get(i);
      sources[i] = event.eventId().source();
      ids[i] = event.eventId().id();
      tickets[i] = event.ticket().value();
      occurred[i] = OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC);
      payloads[i] = new String(events.encode(event), StandardCharsets.UTF_8);
      if (event instanceof TicketEvent.Created c) {
        created.putIfAbsent(c.ticket().value(), c.customer().value());
      }
    }
    return pool.withTransaction(
        conn ->
            conn.preparedQuery(
                    "insert into ticket_event (source, event_id, ticket_id, occurred_at, payload)"
                        + " select s, i, t, o, p::jsonb from unnest($1::text[], $2::text[],"
                        + " $3::text[], $4::timestamptz[], $5::text[]) as u(s, i, t, o, p)"
                        + " on conflict do nothing returning ticket_id")
                .execute(Tuple.from(new Object[] {sources, ids, tickets, occurred, payloads}))
                .flatMap(
                    inserted -> {
                      Set<String> touched = new LinkedHashSet<>();
                      for (Row row : inserted) {
                        touched.add(row.getString(0));
                      }
                      if (inserted.rowCount() < n) {
                        LOG.debugf("%d duplicate event(s) skipped", n - inserted.rowCount());
                      }
                      if (touched.isEmpty()) {
                        return Uni.createFrom().voidItem();
                      }
                      return recordCustomers(conn, created)
                          .flatMap(done -> reschedule(conn, touched, contexts));
                    }));
  }

  private Uni<Void> recordCustomers(SqlConnection conn, Map<String, String> created) {
    if (created.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return conn.preparedQuery(
            "insert into ticket (ticket_id, customer_id)"
                + " select * from unnest($1::text[], $2::text[]) on conflict do nothing")
        .execute(
            Tuple.of(
                created.keySet().toArray(String[]::new), created.values().toArray(String[]::new)))
        .replaceWithVoid();
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
    return history
        .loadAll(conn, tickets)
        .flatMap(
            stored -> {
              Set<String> customerIds = new LinkedHashSet<>();
              stored.values().forEach(h -> TicketHistory.customer(h).ifPresent(customerIds::add));
              return customers
                  .histories(conn, customerIds)
                  .flatMap(
                      known -> {
                        Map<String, SlaAlert> wanted = new LinkedHashMap<>();
                        List<String> replayed = new ArrayList<>(tickets.size());
                        stored.forEach(
                            (ticket, events) -> {
                              if (evaluate(
                                  ticket,
                                  events,
                                  customers.historyOf(known, TicketHistory.customer(events)),
                                  wanted)) {
                                replayed.add(ticket);
                              }
                            });
                        // a ticket without stored events has no timers to keep
                        tickets.stream().filter(t -> !stored.containsKey(t)).forEach(replayed::add);
                        LOG.debugf(
                            "%d ticket(s) replayed, %d alert(s) wanted",
                            stored.size(), wanted.size());
                        return conn.preparedQuery(
                                "delete from timer t where t.ticket_id = any($1) and not exists"
                                    + " (select 1 from unnest($2::text[]) w(id)"
                                    + " where w.id = t.alert_id)")
                            .execute(
                                Tuple.of(
                                    replayed.toArray(String[]::new),
                                    wanted.keySet().toArray(String[]::new)))
                            .flatMap(deleted -> insertTimers(conn, wanted.values(), contexts));
                      });
            });
  }

  /**
   * Adds what the ticket's replay wants; false when the engine cannot replay it (a bug, or input
   * the edge should have refused): the ticket keeps the timers it had, the failure is logged with
   * its stack trace and counted, and every other ticket goes on.
   */
  private boolean evaluate(
      String ticket,
      List<TicketEvent> stored,
      CustomerHistory terms,
      Map<String, SlaAlert> wanted) {
    // an event stamped slightly ahead of our clock (skew) still counts
    Instant asOf =
        stored.stream()
            .map(TicketEvent::occurredAt)
            .reduce(clock.instant(), (a, b) -> a.isAfter(b) ? a : b);
    Evaluation evaluation;
    try {
      evaluation = engine.evaluate(stored, terms, asOf);
    } catch (RuntimeException e) {
      LOG.errorf(e, "ticket %s cannot be replayed: its timers are kept as they were", ticket);
      metrics.replayFailed();
      return false;
    }
    evaluation.alerts().forEach(a -> wanted.put(a.id(), a));
    evaluation.upcoming().forEach(a -> wanted.put(a.id(), a));
    return true;
  }

  private Uni<Void> insertTimers(
      SqlConnection conn, Collection<SlaAlert> wanted, Map<String, String> contexts) {
    if (wanted.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    int n = wanted.size();
    String[] ids = new String[n];
    String[] tickets = new String[n];
    OffsetDateTime[] fireAt = new OffsetDateTime[n];
    String[] payloads = new String[n];
    String[] kinds = new String[n];
    String[] customerIds = new String[n];
    String[] plans = new String[n];
    String[] priorities = new String[n];
    String[] clocks = new String[n];
    OffsetDateTime[] due = new OffsetDateTime[n];
    Long[] elapsed = new Long[n];
    String[] traceparents = new String[n];
    int i = 0;
    for (SlaAlert alert : wanted) {
      ids[i] = alert.id();
      tickets[i] = alert.ticket().value();
      fireAt[i] = OffsetDateTime.ofInstant(alert.firedAt(), ZoneOffset.UTC);
      payloads[i] = new String(alerts.encode(alert), StandardCharsets.UTF_8);
      kinds[i] = alert.kind().type();
      customerIds[i] = alert.customer().value();
      plans[i] = alert.plan();
      priorities[i] = alert.priority().name();
      clocks[i] = alert.clock().wireName();
      due[i] = OffsetDateTime.ofInstant(alert.due(), ZoneOffset.UTC);
      elapsed[i] = alert.elapsed().map(Duration::toMillis).orElse(null);
      traceparents[i] = contexts.get(tickets[i]);
      i++;
    }
    return conn.preparedQuery(
            "insert into timer (alert_id, ticket_id, fire_at, payload, kind, customer_id, plan,"
                + " priority, clock, due, elapsed_ms, traceparent)"
                + " select * from unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[],"
                + " $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],"
                + " $10::timestamptz[], $11::bigint[], $12::text[]) as u(a)"
                + " where not exists (select 1 from fired_alert where alert_id = u.a)"
                + " on conflict (alert_id) do update set fire_at = excluded.fire_at,"
                + " payload = excluded.payload, kind = excluded.kind,"
                + " customer_id = excluded.customer_id, plan = excluded.plan,"
                + " priority = excluded.priority, clock = excluded.clock, due = excluded.due,"
                + " elapsed_ms = excluded.elapsed_ms,"
                + " traceparent = coalesce(excluded.traceparent, timer.traceparent)")
        .execute(
            Tuple.from(
                new Object[] {
                  ids,
                  tickets,
                  fireAt,
                  payloads,
                  kinds,
                  customerIds,
                  plans,
                  priorities,
                  clocks,
                  due,
                  elapsed,
                  traceparents
                }))
        .replaceWithVoid();
  }
}
