package io.slawatch.timer.api;

import io.slawatch.contract.json.Violation;
import io.slawatch.core.ticket.Priority;
import io.slawatch.service.auth.Roles;
import io.slawatch.service.problem.Problem;
import io.slawatch.timer.store.TimerStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code GET /api/v1/at-risk?within=PT1H}: open clocks whose breach falls within the window,
 * soonest first; filter by {@code plan}, {@code priority}, {@code customer}. Read from the pending
 * breach timers, so it costs one index range scan.
 */
@Path("/api/v1/at-risk")
@Roles("read")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class AtRiskResource {
  private static final int LIMIT = 1000;

  /** The widest window asked for: a year (and a day), well within any instant's range. */
  static final Duration MAX_WITHIN = Duration.ofDays(366);

  private final Pool pool;
  private final TimerStore timers;
  private final Clock clock;

  AtRiskResource(Pool pool, TimerStore timers, Clock clock) {
    this.pool = pool;
    this.timers = timers;
    this.clock = clock;
  }

  @GET
  @Operation(summary = "Open clocks that breach within the window, soonest first")
  @APIResponse(
      responseCode = "200",
      description = "The open clocks (at most 1000)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AtRiskResponse.class)))
  @APIResponse(
      responseCode = "400",
      description = "A query parameter is not valid (named under violations)",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public Uni<Response> atRisk(
      @QueryParam("within") @DefaultValue("PT1H") String within,
      @QueryParam("plan") String plan,
      @QueryParam("priority") String priority,
      @QueryParam("customer") String customer) {
    List<Violation> violations = new ArrayList<>();
    Duration window = null;
    try {
      window = Duration.parse(within);
      if (window.isNegative() || window.isZero() || window.compareTo(MAX_WITHIN) > 0) {
        violations.add(
            new Violation("within", "must be a duration above zero and at most " + MAX_WITHIN));
      }
    } catch (DateTimeParseException e) {
      violations.add(new Violation("within", "must be an ISO-8601 duration like PT1H"));
    }
    violations.addAll(Parameters.identifier("plan", plan));
    violations.addAll(Parameters.identifier("customer", customer));
    if (priority != null && Priority.parse(priority).isEmpty()) {
      violations.add(new Violation("priority", "must be one of P1, P2, P3, P4"));
    }
    if (!violations.isEmpty()) {
      return Uni.createFrom()
          .item(Problem.response(400, "invalid-query", "The query is not valid", violations));
    }
    Instant now = clock.instant();
    return timers
        .breachesDueBy(
            pool,
            now.plus(window),
            new TimerStore.BreachFilter(
                Optional.ofNullable(plan),
                Optional.ofNullable(priority).map(p -> Priority.parse(p).orElseThrow().name()),
                Optional.ofNullable(customer)),
            LIMIT)
        .map(
            breaches ->
                Response.ok(
                        new AtRiskResponse(
                            now.toString(),
                            within,
                            breaches.stream()
                                .map(breach -> AtRiskResponse.AtRiskClock.of(breach, now))
                                .toList()))
                    .type(MediaType.APPLICATION_JSON)
                    .build());
  }
}
