package io.slawatch.timer.api;

import io.slawatch.contract.json.Violation;
import io.slawatch.core.clock.ClockReport;
import io.slawatch.core.clock.ClockState;
import io.slawatch.core.clock.CustomerTerms;
import io.slawatch.core.clock.Evaluation;
import io.slawatch.core.clock.SlaEngine;
import io.slawatch.service.problem.Problem;
import io.slawatch.timer.customer.CustomerDirectory;
import io.slawatch.timer.schedule.Tickets;
import io.slawatch.timer.security.Roles;
import io.slawatch.timer.store.TicketEventStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/tickets/{id}/sla}: every clock of a ticket as of now (state, target, deadline,
 * business time consumed and left, cycle) with the timeline that explains it, and the alerts fired
 * and still to come.
 */
@Path("/api/v1/tickets/{id}/sla")
@Roles("read")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class TicketSlaResource {
  private final Pool pool;
  private final TicketEventStore events;
  private final CustomerDirectory customers;
  private final SlaEngine engine;
  private final Clock clock;

  TicketSlaResource(
      Pool pool,
      TicketEventStore events,
      CustomerDirectory customers,
      SlaEngine engine,
      Clock clock) {
    this.pool = pool;
    this.events = events;
    this.customers = customers;
    this.engine = engine;
    this.clock = clock;
  }

  @GET
  public Uni<Response> sla(@PathParam("id") String ticket) {
    List<Violation> violations = Parameters.identifier("id", ticket);
    if (!violations.isEmpty()) {
      return Uni.createFrom()
          .item(
              Problem.response(400, "invalid-ticket-id", "The ticket id is not valid", violations));
    }
    return pool.withConnection(
        conn ->
            events
                .load(conn, ticket)
                .flatMap(
                    stored -> {
                      if (stored.isEmpty()) {
                        return Uni.createFrom()
                            .item(
                                Problem.response(
                                    404,
                                    "ticket-not-found",
                                    "No events for ticket " + ticket,
                                    List.of()));
                      }
                      return customers
                          .history(conn, Tickets.customer(stored))
                          .map(
                              customer -> {
                                Instant now = clock.instant();
                                Evaluation evaluation = engine.evaluate(stored, customer, now);
                                CustomerTerms terms = customer.at(now);
                                Map<String, Object> body = new LinkedHashMap<>();
                                body.put("ticket", ticket);
                                body.put("as_of", now.toString());
                                body.put("customer_plan", terms.plan());
                                body.put("calendar_zone", terms.businessCalendar().zone().getId());
                                body.put("customer_known", terms.known());
                                body.put("flags", evaluation.flags());
                                body.put(
                                    "clocks",
                                    evaluation.clocks().stream().map(c -> clock(c)).toList());
                                body.put(
                                    "fired",
                                    evaluation.alerts().stream().map(a -> a.id()).toList());
                                body.put(
                                    "upcoming",
                                    evaluation.upcoming().stream()
                                        .map(
                                            a -> Map.of("id", a.id(), "at", a.firedAt().toString()))
                                        .toList());
                                body.put("notes", evaluation.notes());
                                return Response.ok(body).type(MediaType.APPLICATION_JSON).build();
                              });
                    }));
  }

  private static Map<String, Object> clock(ClockReport report) {
    Map<String, Object> clock = new LinkedHashMap<>();
    clock.put("clock", report.clock().wireName());
    clock.put("cycle", report.instance());
    boolean overdue = !report.consumed().minus(report.target()).isNegative();
    String state = state(report.state());
    clock.put("state", state.equals("running") && overdue ? "breached" : state);
    clock.put("paused", report.state() instanceof ClockState.Paused);
    clock.put("start", report.start().toString());
    clock.put("target", report.target().toString());
    clock.put("consumed", report.consumed().toString());
    Duration left = report.target().minus(report.consumed());
    clock.put("left", (left.isNegative() ? Duration.ZERO : left).toString());
    report.due().ifPresent(due -> clock.put("due", due.toString()));
    clock.put(
        "timeline",
        report.timeline().stream()
            .map(e -> Map.of("at", e.at().toString(), "cause", e.cause(), "rule", e.rule()))
            .toList());
    return clock;
  }

  private static String state(ClockState state) {
    return switch (state) {
      case ClockState.Running r -> "running";
      case ClockState.Paused p -> "paused";
      case ClockState.Met m -> "met";
      case ClockState.Stopped s -> "stopped";
    };
  }
}
