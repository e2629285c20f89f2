package io.slawatch.intake.api;

import io.slawatch.contract.json.Decoding;
import io.slawatch.contract.json.TicketEventCodec;
import io.slawatch.contract.json.Violation;
import io.slawatch.core.event.TicketEvent;
import io.slawatch.intake.metrics.IntakeMetrics;
import io.slawatch.intake.publish.EventLog;
import io.slawatch.service.auth.Roles;
import io.slawatch.service.problem.Problem;
import io.slawatch.service.tracing.Tracing;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;

/**
 * {@code POST /api/v1/events}: CloudEvents 1.0 in structured mode, binary mode ({@code ce-*}
 * headers) or as a batch of up to 1,000 (answered with one result per event).
 */
@Roles("ingest")
@Path("/api/v1/events")
public class EventResource {
  private static final Logger LOG = Logger.getLogger(EventResource.class);
  static final String BATCH = "application/cloudevents-batch+json";

  private final TicketEventCodec codec;
  private final CloudEventReader reader;
  private final EventLog eventLog;
  private final IntakeMetrics metrics;

  EventResource(
      TicketEventCodec codec, CloudEventReader reader, EventLog eventLog, IntakeMetrics metrics) {
    this.codec = codec;
    this.reader = reader;
    this.eventLog = eventLog;
    this.metrics = metrics;
  }

  @POST
  @Consumes({"application/cloudevents+json", MediaType.APPLICATION_JSON})
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @Operation(summary = "Send one ticket event (structured or binary CloudEvents mode)")
  @APIResponse(
      responseCode = "202",
      description = "Stored and published",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = EventResult.class)))
  @APIResponse(
      responseCode = "200",
      description = "A duplicate of an event accepted before: not published again",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = EventResult.class)))
  @APIResponse(
      responseCode = "400",
      description = "Not a valid ticket event: the problem names every offending field",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "503",
      description = "PostgreSQL or Kafka is away: nothing was kept, retry",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public Uni<Response> post(@Context HttpHeaders headers, byte[] body) {
    boolean binary =
        headers.getRequestHeaders().keySet().stream()
            .anyMatch(h -> h.toLowerCase(Locale.ROOT).equals("ce-specversion"));
    Decoding decoding;
    if (binary) {
      switch (reader.binary(headers.getRequestHeaders(), body)) {
        case CloudEventReader.Body.Unreadable u -> {
          return Uni.createFrom().item(rejected(List.of(u.violation())));
        }
        case CloudEventReader.Body.Events events ->
            decoding = codec.decode(events.events().getFirst());
      }
    } else {
      decoding = codec.decode(body);
    }
    return switch (decoding) {
      case Decoding.Invalid invalid -> Uni.createFrom().item(rejected(invalid.violations()));
      case Decoding.Valid valid ->
          eventLog
              .accept(valid.event(), headers.getHeaderString(Tracing.HEADER))
              .invoke(
                  acceptance ->
                      metrics.accepted(valid.event(), acceptance == EventLog.Acceptance.DUPLICATE))
              .map(
                  acceptance ->
                      Response.status(acceptance == EventLog.Acceptance.ACCEPTED ? 202 : 200)
                          .type(MediaType.APPLICATION_JSON)
                          .entity(EventResult.of(valid.event(), acceptance))
                          .build())
              .onFailure()
              .recoverWithItem(failure -> unavailable(failure, valid.event().eventId().toString()));
    };
  }

  @POST
  @Consumes(BATCH)
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @Operation(summary = "Send a batch of up to 1,000 ticket events, answered event by event")
  @APIResponse(
      responseCode = "200",
      description = "One result per event; the valid new ones were stored and published",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = BatchResults.class)))
  @APIResponse(
      responseCode = "400",
      description = "Not a JSON array of at most 1,000 events",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "503",
      description = "PostgreSQL or Kafka is away: nothing was kept, retry",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public Uni<Response> postBatch(@Context HttpHeaders headers, byte[] body) {
    return switch (reader.batch(body)) {
      case CloudEventReader.Body.Unreadable u ->
          Uni.createFrom().item(rejected(List.of(u.violation())));
      case CloudEventReader.Body.Events events -> {
        List<BatchResult> results = new ArrayList<>(events.events().size());
        List<TicketEvent> valid = new ArrayList<>();
        List<Integer> validIndex = new ArrayList<>();
        for (int i = 0; i < events.events().size(); i++) {
          switch (codec.decode(events.events().get(i))) {
            case Decoding.Valid v -> {
              valid.add(v.event());
              validIndex.add(i);
              results.add(null);
            }
            case Decoding.Invalid invalid -> {
              metrics.rejected("batch", invalid.violations());
              results.add(BatchResult.invalid(i, invalid.violations()));
            }
          }
        }
        yield eventLog
            .acceptAll(valid, headers.getHeaderString(Tracing.HEADER))
            .map(
                acceptances -> {
                  for (int k = 0; k < valid.size(); k++) {
                    metrics.accepted(
                        valid.get(k), acceptances.get(k) == EventLog.Acceptance.DUPLICATE);
                    results.set(
                        validIndex.get(k),
                        BatchResult.of(
                            validIndex.get(k), EventResult.of(valid.get(k), acceptances.get(k))));
                  }
                  return Response.ok(new BatchResults(results))
                      .type(MediaType.APPLICATION_JSON)
                      .build();
                })
            .onFailure()
            .recoverWithItem(failure -> unavailable(failure, valid.size() + " event(s)"));
      }
    };
  }

  private Response rejected(List<Violation> violations) {
    metrics.rejected("unknown", violations);
    return invalid(violations);
  }

  private static Response invalid(List<Violation> violations) {
    return Problem.response(
        400,
        "invalid-event",
        "The event is not a valid ticket event",
        violations.size()
            + " field(s) are wrong: "
            + violations.stream().map(Violation::field).toList(),
        violations);
  }

  private static Response unavailable(Throwable failure, String what) {
    LOG.errorf(failure, "could not store and publish %s", what);
    return Problem.builder(
            503,
            "unavailable",
            "The event could not be stored and published; nothing was kept",
            "retry later: " + failure.getMessage(),
            List.of())
        .header("Retry-After", "5")
        .build();
  }
}
