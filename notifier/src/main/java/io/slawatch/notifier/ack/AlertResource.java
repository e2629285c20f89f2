package io.slawatch.notifier.ack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slawatch.contract.json.Limits;
import io.slawatch.contract.json.Violation;
import io.slawatch.notifier.escalation.Escalations;
import io.slawatch.service.auth.Roles;
import io.slawatch.service.problem.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Acknowledging an alert stops its escalation: {@code POST /api/v1/alerts/{id}/ack} with a bearer
 * token, or the signed link a message carries ({@code GET} shows a confirmation page whose form
 * {@code POST}s the link back: only that acknowledges). {@code POST /api/v1/alerts/{id}/snooze}
 * holds it. {@code GET /api/v1/alerts/{id}} shows the escalation and every delivery outcome. Alert
 * ids contain slashes ({@code ticket/clock/cycle/kind}); they may be sent as they are or encoded.
 */
@Path("/api/v1/alerts")
@Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
public class AlertResource {
  private final Escalations escalations;
  private final AckLinks links;
  private final AckConfig config;
  private final ObjectMapper mapper;

  AlertResource(Escalations escalations, AckLinks links, AckConfig config, ObjectMapper mapper) {
    this.escalations = escalations;
    this.links = links;
    this.config = config;
    this.mapper = mapper;
  }

  /**
   * Acknowledges: with a bearer token (role {@code ack}), or, when it carries the signed link's
   * {@code expires} and {@code sig}, as the link's confirmation form posts it.
   */
  @POST
  @Path("{id: .+}/ack")
  @Roles("ack")
  @Operation(summary = "Stops the alert's escalation (role ack, or the signed link's signature)")
  @APIResponse(
      responseCode = "200",
      description = "Acknowledged, or already over",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AckAnswer.class)))
  @APIResponse(
      responseCode = "403",
      description = "A link whose signature does not match or expired, or a token without ack",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "404",
      description = "No escalation for the alert",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public Uni<Response> acknowledge(
      @PathParam("id") String id,
      @QueryParam("expires") Long expires,
      @QueryParam("sig") String signature,
      @Context SecurityContext security) {
    Optional<Response> badId = badId(id);
    if (badId.isPresent()) {
      return Uni.createFrom().item(badId.get());
    }
    if (signature != null) {
      return links
          .refusal(id, expires == null ? 0 : expires, signature)
          .map(why -> Uni.createFrom().item(problem(403, "bad-ack-link", why)))
          .orElseGet(() -> acknowledge(id, "link"));
    }
    return acknowledge(id, by(security));
  }

  /**
   * The signed link a message carries: a confirmation page whose form posts the link back. It does
   * not acknowledge: mail scanners and chat previews fetch links nobody clicked.
   */
  @GET
  @Path("{id: .+}/ack")
  @Produces({MediaType.TEXT_HTML, "application/problem+json"})
  public Uni<Response> confirmationPage(
      @PathParam("id") String id,
      @QueryParam("expires") long expires,
      @QueryParam("sig") String signature) {
    Optional<Response> badId = badId(id);
    if (badId.isPresent()) {
      return Uni.createFrom().item(badId.get());
    }
    Optional<String> refusal = links.refusal(id, expires, signature);
    if (refusal.isPresent()) {
      return Uni.createFrom().item(problem(403, "bad-ack-link", refusal.get()));
    }
    return escalations
        .history(id)
        .map(
            found ->
                found
                    .map(
                        h ->
                            Response.ok(AckPage.html(id, h.state(), expires, signature))
                                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                                .header("Cache-Control", "no-store")
                                .header("Referrer-Policy", "no-referrer")
                                .build())
                    .orElseGet(
                        () -> problem(404, "unknown-alert", "no escalation for alert " + id)));
  }

  /**
   * Holds the alert's escalation: its next step runs no earlier than the duration from now ({@code
   * {"duration":"PT30M"}} or {@code ?for=PT30M}; more than nothing, at most {@code
   * slawatch.notifier.ack.max-snooze}, a day).
   */
  @POST
  @Path("{id: .+}/snooze")
  @Roles("ack")
  @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
  @Operation(summary = "Holds the alert's escalation for a while (role ack)")
  @APIResponse(
      responseCode = "200",
      description = "Snoozed",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SnoozeAnswer.class)))
  @APIResponse(
      responseCode = "400",
      description = "The duration is missing, not ISO-8601, not positive or too long",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "404",
      description = "No escalation for the alert",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "409",
      description = "The escalation is already over",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public Uni<Response> snooze(
      @PathParam("id") String id,
      @QueryParam("for") String forParam,
      @Context SecurityContext security,
      String body) {
    Optional<Response> badId = badId(id);
    if (badId.isPresent()) {
      return Uni.createFrom().item(badId.get());
    }
    String field = forParam != null ? "for" : "duration";
    String text = forParam;
    if (text == null) {
      if (body == null || body.isBlank()) {
        return Uni.createFrom()
            .item(
                invalid(
                    "duration",
                    "send {\"duration\":\"PT30M\"} or ?for=PT30M (ISO-8601, at most "
                        + config.maxSnooze()
                        + ")"));
      }
      try {
        JsonNode json = mapper.readTree(body);
        JsonNode duration = json == null ? null : json.get("duration");
        if (duration == null || !duration.isTextual()) {
          return Uni.createFrom()
              .item(invalid("duration", "an ISO-8601 duration text like \"PT30M\" is required"));
        }
        text = duration.asText();
      } catch (java.io.IOException e) {
        return Uni.createFrom()
            .item(invalid("duration", "the body is not JSON: " + e.getMessage()));
      }
    }
    Duration duration;
    try {
      duration = Duration.parse(text.trim());
    } catch (DateTimeParseException e) {
      return Uni.createFrom()
          .item(invalid(field, "\"" + text + "\" is not an ISO-8601 duration like PT30M"));
    }
    if (duration.isNegative() || duration.isZero()) {
      return Uni.createFrom().item(invalid(field, "must be more than nothing"));
    }
    if (duration.compareTo(config.maxSnooze()) > 0) {
      return Uni.createFrom()
          .item(invalid(field, "must be at most " + config.maxSnooze() + ", was " + duration));
    }
    String by = by(security);
    return escalations
        .snooze(id, duration, by)
        .map(
            outcome ->
                switch (outcome) {
                  case SNOOZED ->
                      Response.ok(SnoozeAnswer.snoozed(id, duration.toString(), by)).build();
                  case ALREADY_OVER ->
                      problem(409, "not-running", "the escalation of " + id + " is already over");
                  case UNKNOWN -> problem(404, "unknown-alert", "no escalation for alert " + id);
                });
  }

  private static String by(SecurityContext security) {
    return security != null && security.getUserPrincipal() != null
        ? security.getUserPrincipal().getName()
        : "api";
  }

  /**
   * A 400 naming {@code id} when the path's alert id can be no alert's (a NUL, a control character,
   * longer than an alert id can be): refused here, not by PostgreSQL as a 500.
   */
  private static Optional<Response> badId(String id) {
    return Limits.alertId(id).map(why -> invalid("id", why));
  }

  static Response invalid(String field, String detail) {
    return Problem.response(
        400,
        "invalid-request",
        "the request is not valid",
        field + ": " + detail,
        List.of(new Violation(field, detail)));
  }

  private Uni<Response> acknowledge(String id, String by) {
    return escalations
        .acknowledge(id, by)
        .map(
            outcome ->
                switch (outcome) {
                  case ACKNOWLEDGED -> Response.ok(AckAnswer.acknowledged(id, by)).build();
                  case ALREADY_OVER -> Response.ok(AckAnswer.alreadyOver(id)).build();
                  case UNKNOWN -> problem(404, "unknown-alert", "no escalation for alert " + id);
                });
  }

  @GET
  @Path("{id: .+}")
  @Roles("read")
  @Operation(summary = "The alert's escalation and every delivery outcome (role read)")
  @APIResponse(
      responseCode = "200",
      description = "The escalation (or, with state unrouted, the alert no policy took)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AlertHistory.class)))
  @APIResponse(
      responseCode = "404",
      description = "Nothing is known of the alert",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public Uni<Response> history(@PathParam("id") String id) {
    Optional<Response> badId = badId(id);
    if (badId.isPresent()) {
      return Uni.createFrom().item(badId.get());
    }
    return escalations
        .history(id)
        .map(
            found ->
                found
                    .map(h -> Response.ok(AlertHistory.of(h)).build())
                    .orElseGet(() -> problem(404, "unknown-alert", "nothing known of " + id)));
  }

  static Response problem(int status, String type, String detail) {
    Response.ResponseBuilder problem = Problem.builder(status, type, detail, detail, List.of());
    return (status == 401 ? problem.header("WWW-Authenticate", "Bearer") : problem).build();
  }
}
