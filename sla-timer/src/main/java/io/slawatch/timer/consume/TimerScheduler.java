package io.slawatch.timer.consume;

import io.slawatch.contract.json.SlaAlertCodec;
import io.slawatch.contract.json.TicketEventCodec;
import io.slawatch.core.alert.SlaAlert;
import io.slawatch.core.clock.Evaluation;
import io.slawatch.core.clock.SlaEngine;
import io.slawatch.core.event.TicketEvent;
import io.slawatch.timer.customer.CustomerDirectory;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Stores a ticket event and brings the ticket's pending timers in line with what the SLA engine
 * says all its events (in any arrival order) now call for, on its customer's plan and business
 * calendar: new alerts are scheduled, alerts no longer due are cancelled, alerts already fired are
 * never scheduled again, and alerts due already (a late event) fire at once.
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

  TimerScheduler(
      Pool pool,
      TicketEventCodec events,
      SlaAlertCodec alerts,
      SlaEngine engine,
      CustomerDirectory customers,
      TicketHistory history,
      Clock clock) {
    this.pool = pool;
    this.events = events;
    this.alerts = alerts;
    this.engine = engine;
    this.customers = customers;
    this.history = history;
    this.clock = clock;
  }

  public Uni<Void> apply(TicketEvent event) {
    return pool.withTransaction(
        conn ->
            conn.preparedQuery(
                    "insert into ticket_event (source, event_id, ticket_id, occurred_at, payload)"
                        + " values ($1, $2, $3, $4, $5::text::jsonb) on conflict do nothing")
                .execute(
                    Tuple.of(
                        event.eventId().source(),
                        event.eventId().id(),
                        event.ticket().value(),
                        OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC),
                        new String(events.encode(event), StandardCharsets.UTF_8)))
                .flatMap(
                    inserted -> {
                      if (inserted.rowCount() == 0) {
                        LOG.debugf("duplicate event %s skipped", event.eventId());
                        return Uni.createFrom().voidItem();
                      }
                      if (event instanceof TicketEvent.Created created) {
                        return conn.preparedQuery(
                                "insert into ticket (ticket_id, customer_id) values ($1, $2)"
                                    + " on conflict do nothing")
                            .execute(Tuple.of(created.ticket().value(), created.customer().value()))
                            .flatMap(done -> reschedule(conn, event.ticket().value()));
                      }
                      return reschedule(conn, event.ticket().value());
                    }));
  }

  /** Recomputes one ticket's timers from its stored events, inside the caller's transaction. */
  public Uni<Void> reschedule(SqlConnection conn, String ticket) {
    return history
        .load(conn, ticket)
        .flatMap(
            stored -> {
              Optional<String> customer = TicketHistory.customer(stored);
              return customers
                  .terms(conn, customer)
                  .flatMap(
                      terms -> {
                        // an event stamped slightly ahead of our clock (skew) still counts
                        Instant asOf =
                            stored.stream()
                                .map(TicketEvent::occurredAt)
                                .reduce(clock.instant(), (a, b) -> a.isAfter(b) ? a : b);
                        Evaluation evaluation = engine.evaluate(stored, terms, asOf);
                        Map<String, SlaAlert> wanted = new LinkedHashMap<>();
                        evaluation.alerts().forEach(a -> wanted.put(a.id(), a));
                        evaluation.upcoming().forEach(a -> wanted.put(a.id(), a));
                        LOG.debugf(
                            "ticket %s: %d event(s), %d alert(s) wanted",
                            ticket, stored.size(), wanted.size());
                        return conn.preparedQuery(
                                "delete from timer where ticket_id = $1 and alert_id <> all($2)")
                            .execute(Tuple.of(ticket, wanted.keySet().toArray(String[]::new)))
                            .flatMap(deleted -> insertTimers(conn, ticket, wanted.values()));
                      });
            });
  }

  private Uni<Void> insertTimers(
      SqlConnection conn, String ticket, java.util.Collection<SlaAlert> wanted) {
    if (wanted.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    List<Tuple> batch =
        wanted.stream()
            .map(
                alert ->
                    Tuple.of(
                        alert.id(),
                        ticket,
                        OffsetDateTime.ofInstant(alert.firedAt(), ZoneOffset.UTC),
                        new String(alerts.encode(alert), StandardCharsets.UTF_8)))
            .toList();
    return conn.preparedQuery(
            "insert into timer (alert_id, ticket_id, fire_at, payload)"
                + " select $1, $2, $3, $4"
                + " where not exists (select 1 from fired_alert where alert_id = $1)"
                + " on conflict (alert_id) do update set fire_at = excluded.fire_at,"
                + " payload = excluded.payload")
        .executeBatch(batch)
        .replaceWithVoid();
  }
}
