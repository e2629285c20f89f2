package io.slawatch.notifier.ack;

import io.slawatch.notifier.escalation.Escalations;
import io.smallrye.mutiny.Uni;
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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Acknowledging an alert stops its escalation: {@code POST /api/v1/alerts/{id}/ack} with a bearer
 * token, or the signed link a message carries ({@code GET}, so it works from a mail client or a
 * chat). {@code GET /api/v1/alerts/{id}} shows the escalation and every delivery outcome. Alert ids
 * contain slashes ({@code ticket/clock/cycle/kind}); they may be sent as they are or encoded.
 */
@Path("/api/v1/alerts")
@Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
public class AlertResource {
  private final Escalations escalations;
  private final AckLinks links;

  AlertResource(Escalations escalations, AckLinks links) {
    this.escalations = escalations;
    this.links = links;
  }

  @POST
  @Path("{id: .+}/ack")
  public Uni<Response> acknowledge(@PathParam("id") String id, @Context SecurityContext security) {
    String by =
        security != null && security.getUserPrincipal() != null
            ? security.getUserPrincipal().getName()
            : "api";
    return acknowledge(id, by);
  }

  @GET
  @Path("{id: .+}/ack")
  public Uni<Response> acknowledgeByLink(
      @PathParam("id") String id,
      @QueryParam("expires") long expires,
      @QueryParam("sig") String signature) {
    return links
        .refusal(id, expires, signature)
        .map(why -> Uni.createFrom().item(problem(403, "bad-ack-link", why)))
        .orElseGet(() -> acknowledge(id, "link"));
  }

  private Uni<Response> acknowledge(String id, String by) {
    return escalations
        .acknowledge(id, by)
        .map(
            outcome ->
                switch (outcome) {
                  case ACKNOWLEDGED ->
                      Response.ok(Map.of("alert", id, "state", "acknowledged", "by", by)).build();
                  case ALREADY_OVER ->
                      Response.ok(Map.of("alert", id, "state", "already over")).build();
                  case UNKNOWN -> problem(404, "unknown-alert", "no escalation for alert " + id);
                });
  }

  @GET
  @Path("{id: .+}")
  public Uni<Response> history(@PathParam("id") String id) {
    return escalations
        .history(id)
        .map(
            found ->
                found
                    .map(
                        h -> {
                          Map<String, Object> body = new LinkedHashMap<>();
                          body.put("alert", h.alertId());
                          body.put("policy", h.policy());
                          body.put("state", h.state());
                          body.put("level_reached", h.levelReached());
                          h.nextStepAt().ifPresent(t -> body.put("next_step_at", t.toString()));
                          h.acknowledgedBy().ifPresent(b -> body.put("acknowledged_by", b));
                          body.put(
                              "history",
                              h.audit().stream()
                                  .map(
                                      e -> {
                                        Map<String, Object> entry = new LinkedHashMap<>();
                                        entry.put("at", e.at().toString());
                                        entry.put("event", e.event());
                                        e.target().ifPresent(t -> entry.put("target", t));
                                        e.channel().ifPresent(c -> entry.put("channel", c));
                                        e.level().ifPresent(l -> entry.put("level", l));
                                        e.attempts().ifPresent(a -> entry.put("attempts", a));
                                        e.detail().ifPresent(d -> entry.put("detail", d));
                                        return entry;
                                      })
                                  .toList());
                          return Response.ok(body).build();
                        })
                    .orElseGet(() -> problem(404, "unknown-alert", "nothing known of " + id)));
  }

  static Response problem(int status, String type, String detail) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "https://slawatch.io/problems/" + type);
    body.put("title", detail);
    body.put("status", status);
    body.put("detail", detail);
    return Response.status(status).type("application/problem+json").entity(body).build();
  }
}
