package io.slawatch.intake.api;

import io.slawatch.contract.json.Decoding;
import io.slawatch.contract.json.TicketEventCodec;
import io.slawatch.intake.publish.EventLog;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/** {@code POST /api/v1/events}: one CloudEvent in structured mode. */
@Path("/api/v1/events")
public class EventResource {
  private static final Logger LOG = Logger.getLogger(EventResource.class);

  private final TicketEventCodec codec;
  private final EventLog eventLog;

  EventResource(TicketEventCodec codec, EventLog eventLog) {
    this.codec = codec;
    this.eventLog = eventLog;
  }

  @POST
  @Consumes({"application/cloudevents+json", MediaType.APPLICATION_JSON})
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  public Uni<Response> post(byte[] body) {
    return switch (codec.decode(body)) {
      case Decoding.Invalid invalid ->
          Uni.createFrom()
              .item(
                  Response.status(400)
                      .type(Problem.MEDIA_TYPE)
                      .entity(
                          new Problem(
                              "https://slawatch.io/problems/invalid-event",
                              "The event is not a valid ticket event",
                              400,
                              invalid.violations().size() + " field(s) are wrong",
                              invalid.violations()))
                      .build());
      case Decoding.Valid valid ->
          eventLog
              .accept(valid.event())
              .map(
                  acceptance ->
                      Response.status(acceptance == EventLog.Acceptance.ACCEPTED ? 202 : 200)
                          .type(MediaType.APPLICATION_JSON)
                          .entity(
                              Map.of(
                                  "status", acceptance.name().toLowerCase(),
                                  "id", valid.event().eventId().id(),
                                  "source", valid.event().eventId().source()))
                          .build())
              .onFailure()
              .recoverWithItem(
                  failure -> {
                    LOG.errorf(failure, "could not store and publish %s", valid.event().eventId());
                    return Response.status(503)
                        .type(Problem.MEDIA_TYPE)
                        .header("Retry-After", "5")
                        .entity(
                            new Problem(
                                "https://slawatch.io/problems/unavailable",
                                "The event could not be stored and published; nothing was kept",
                                503,
                                "retry later: " + failure.getMessage(),
                                List.of()))
                        .build();
                  });
    };
  }
}
