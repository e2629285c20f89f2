package io.slawatch.intake.api;

import io.slawatch.contract.json.Decoding;
import io.slawatch.contract.json.TicketEventCodec;
import io.slawatch.contract.json.Violation;
import io.slawatch.core.event.TicketEvent;
import io.slawatch.intake.metrics.IntakeMetrics;
import io.slawatch.intake.publish.EventLog;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * {@code POST /api/v1/events}: CloudEvents 1.0 in structured mode, binary mode ({@code ce-*}
 * headers) or as a batch of up to 1,000 (answered with one result per event).
 */
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
                          .entity(result(valid.event(), acceptance))
                          .build())
              .onFailure()
              .recoverWithItem(failure -> unavailable(failure, valid.event().eventId().toString()));
    };
  }

  @POST
  @Consumes(BATCH)
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  public Uni<Response> postBatch(@Context HttpHeaders headers, byte[] body) {
    return switch (reader.batch(body)) {
      case CloudEventReader.Body.Unreadable u ->
          Uni.createFrom().item(rejected(List.of(u.violation())));
      case CloudEventReader.Body.Events events -> {
        List<Object> results = new ArrayList<>(events.events().size());
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
              Map<String, Object> result = new LinkedHashMap<>();
              result.put("index", i);
              result.put("status", "invalid");
              result.put("violations", invalid.violations());
              results.add(result);
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
                    Map<String, Object> result = new LinkedHashMap<>();
                    result.put("index", validIndex.get(k));
                    result.putAll(result(valid.get(k), acceptances.get(k)));
                    results.set(validIndex.get(k), result);
                  }
                  return Response.ok(Map.of("results", results))
                      .type(MediaType.APPLICATION_JSON)
                      .build();
                })
            .onFailure()
            .recoverWithItem(failure -> unavailable(failure, valid.size() + " event(s)"));
      }
    };
  }

  private static Map<String, Object> result(TicketEvent event, EventLog.Acceptance acceptance) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("status", acceptance.name().toLowerCase(Locale.ROOT));
    result.put("id", event.eventId().id());
    result.put("source", event.eventId().source());
    return result;
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
