package io.slawatch.timer.api;

import io.slawatch.contract.json.Violation;
import io.slawatch.core.engagement.EngagementEngine;
import io.slawatch.core.engagement.EngagementEvaluation;
import io.slawatch.service.auth.Roles;
import io.slawatch.service.problem.Problem;
import io.slawatch.timer.customer.CustomerDirectory;
import io.slawatch.timer.schedule.EngagementPlanner;
import io.slawatch.timer.store.EngagementEventStore;
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
 * {@code GET /api/v1/engagements/{id}}: an engagement as of now, replayed from its stored events on
 * its customer's terms: its state, its obligations with their deadlines and status, the alerts
 * fired and to come, and its timeline.
 */
@Path("/api/v1/engagements/{id}")
@Roles("read")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class EngagementResource {
  private final Pool pool;
  private final EngagementEventStore events;
  private final CustomerDirectory customers;
  private final EngagementPlanner planner;
  private final Clock clock;

  EngagementResource(
      Pool pool,
      EngagementEventStore events,
      CustomerDirectory customers,
      EngagementEngine engine,
      Clock clock) {
    this.pool = pool;
    this.events = events;
    this.customers = customers;
    this.planner = new EngagementPlanner(engine);
    this.clock = clock;
  }

  @GET
  @Operation(summary = "An engagement's state, obligations and timeline as of now")
  @APIResponse(
      responseCode = "200",
      description = "The engagement's state, obligations, alerts and timeline",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = EngagementResponse.class)))
  @APIResponse(
      responseCode = "400",
      description = "The engagement id is not valid",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "404",
      description = "No event of this engagement was received",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public Uni<Response> engagement(@PathParam("id") String id) {
    List<Violation> violations = Parameters.identifier("id", id);
    if (!violations.isEmpty()) {
      return Uni.createFrom()
          .item(
              Problem.response(
                  400, "invalid-engagement-id", "The engagement id is not valid", violations));
    }
    return pool.withConnection(
        conn ->
            events
                .loadAll(conn, List.of(id))
                .flatMap(
                    loaded -> {
                      var stored = loaded.get(id);
                      if (stored == null || stored.isEmpty()) {
                        return Uni.createFrom()
                            .item(
                                Problem.response(
                                    404,
                                    "engagement-not-found",
                                    "No events for engagement " + id,
                                    List.of()));
                      }
                      return customers
                          .history(conn, EngagementPlanner.customer(stored))
                          .map(
                              history -> {
                                Instant now = EngagementPlanner.asOf(stored, clock.instant());
                                EngagementEvaluation evaluation =
                                    planner.evaluate(stored, c -> history, now);
                                return Response.ok(
                                        EngagementResponse.of(id, now, history.at(now), evaluation))
                                    .type(MediaType.APPLICATION_JSON)
                                    .build();
                              });
                    }));
  }
}
