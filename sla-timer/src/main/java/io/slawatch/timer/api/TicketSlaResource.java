package io.slawatch.timer.api;

import io.slawatch.contract.json.Violation;
import io.slawatch.core.clock.Evaluation;
import io.slawatch.core.clock.SlaEngine;
import io.slawatch.service.auth.Roles;
import io.slawatch.service.problem.Problem;
import io.slawatch.timer.customer.CustomerDirectory;
import io.slawatch.timer.schedule.Tickets;
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
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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
  @Operation(summary = "Every clock of a ticket as of now, with the timeline that explains it")
  @APIResponse(
      responseCode = "200",
      description = "The ticket's clocks and alerts",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TicketSlaResponse.class)))
  @APIResponse(
      responseCode = "400",
      description = "The ticket id is not valid",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "404",
      description = "No event of this ticket was received",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
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
                                return Response.ok(
                                        TicketSlaResponse.of(
                                            ticket, now, customer.at(now), evaluation))
                                    .type(MediaType.APPLICATION_JSON)
                                    .build();
                              });
                    }));
  }
}
