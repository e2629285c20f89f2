package io.slawatch.intake.api;

import io.slawatch.contract.json.EngagementEventCodec;
import io.slawatch.contract.json.Violation;
import io.slawatch.core.engagement.EngagementEvent;
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
 * headers) or as a batch of up to 1,000 (answered with one result per event). Ticket events and
 * engagement events ({@code engagement.*}) alike.
 */
@Roles("ingest")
@Path("/api/v1/events")
public class EventResource {
  private static final Logger LOG = Logger.getLogger(EventResource.class);
  static final String BATCH = "application/cloudevents-batch+json";

  private final EventDecoder decoder;
  private final EngagementEventCodec engagementCodec;
  private final CloudEventReader reader;
  private final EventLog eventLog;
  private final IntakeMetrics metrics;

  EventResource(
      EventDecoder decoder,
      EngagementEventCodec engagementCodec,
      CloudEventReader reader,
      EventLog eventLog,
      IntakeMetrics metrics) {
    this.decoder = decoder;
    this.engagementCodec = engagementCodec;
    this.reader = reader;
    this.eventLog = eventLog;
    this.metrics = metrics;
  }

  @POST
  @Consumes({"application/cloudevents+json", MediaType.APPLICATION_JSON})
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @Operation(
      summary = "Send one ticket or engagement event (structured or binary CloudEvents mode)")
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
      description =
          "Not a valid ticket or engagement event (a remote booking not in whole 4-hour blocks:"
              + " data.duration): the problem names every offending field",
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
    EventDecoder.Decoded decoded;
    if (binary) {
      switch (reader.binary(headers.getRequestHeaders(), body)) {
        case CloudEventReader.Body.Unreadable u -> {
          return Uni.createFrom().item(rejected(List.of(u.violation())));
        }
        case CloudEventReader.Body.Events events ->
            decoded = decoder.decode(events.events().getFirst());
      }
    } else {
      decoded = decoder.decode(body);
    }
    String traceparent = headers.getHeaderString(Tracing.HEADER);
    return switch (decoded) {
      case EventDecoder.Decoded.Invalid invalid ->
          Uni.createFrom().item(rejected(invalid.violations()));
      case EventDecoder.Decoded.Ticket ticket ->
          eventLog
              .accept(ticket.event(), traceparent)
              .invoke(
                  acceptance ->
                      metrics.accepted(ticket.event(), acceptance == EventLog.Acceptance.DUPLICATE))
              .map(acceptance -> accepted(EventResult.of(ticket.event().eventId(), acceptance)))
              .onFailure()
              .recoverWithItem(
                  failure -> unavailable(failure, ticket.event().eventId().toString()));
      case EventDecoder.Decoded.Engagement engagement ->
          acceptEngagement(engagement.event(), traceparent);
    };
  }

  /**
   * An engagement event: a booking is checked against its engagement's kind (a remote one's
   * duration must be whole 4-hour blocks) before it is stored and published.
   */
  private Uni<Response> acceptEngagement(EngagementEvent event, String traceparent) {
    return eventLog
        .engagementKinds(List.of(event))
        .flatMap(
            kinds -> {
              List<Violation> violations =
                  engagementCodec.check(event, EventLog.kindOf(kinds, event));
              if (!violations.isEmpty()) {
                return Uni.createFrom().item(rejected(violations));
              }
              return eventLog
                  .acceptAll(List.of(), List.of(event), traceparent)
                  .map(acceptances -> acceptances.engagements().getFirst())
                  .invoke(
                      acceptance ->
                          metrics.accepted(event, acceptance == EventLog.Acceptance.DUPLICATE))
                  .map(acceptance -> accepted(EventResult.of(event.eventId(), acceptance)));
            })
        .onFailure()
        .recoverWithItem(failure -> unavailable(failure, event.eventId().toString()));
  }

  private static Response accepted(EventResult result) {
    return Response.status(result.status().equals("accepted") ? 202 : 200)
        .type(MediaType.APPLICATION_JSON)
        .entity(result)
        .build();
  }

  @POST
  @Consumes(BATCH)
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @Operation(
      summary = "Send a batch of up to 1,000 ticket or engagement events, answered event by event")
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
        List<TicketEvent> tickets = new ArrayList<>();
        List<Integer> ticketIndex = new ArrayList<>();
        List<EngagementEvent> engagements = new ArrayList<>();
        List<Integer> engagementIndex = new ArrayList<>();
        for (int i = 0; i < events.events().size(); i++) {
          results.add(null);
          switch (decoder.decode(events.events().get(i))) {
            case EventDecoder.Decoded.Ticket t -> {
              tickets.add(t.event());
              ticketIndex.add(i);
            }
            case EventDecoder.Decoded.Engagement e -> {
              engagements.add(e.event());
              engagementIndex.add(i);
            }
            case EventDecoder.Decoded.Invalid invalid -> {
              metrics.rejected("batch", invalid.violations());
              results.set(i, BatchResult.invalid(i, invalid.violations()));
            }
          }
        }
        String traceparent = headers.getHeaderString(Tracing.HEADER);
        yield eventLog
            .engagementKinds(engagements)
            .flatMap(
                kinds -> {
                  // a booking of a remote engagement that is not whole 4-hour blocks is refused
                  List<EngagementEvent> valid = new ArrayList<>();
                  List<Integer> validIndex = new ArrayList<>();
                  for (int k = 0; k < engagements.size(); k++) {
                    EngagementEvent event = engagements.get(k);
                    List<Violation> violations =
                        engagementCodec.check(event, EventLog.kindOf(kinds, event));
                    if (violations.isEmpty()) {
                      valid.add(event);
                      validIndex.add(engagementIndex.get(k));
                    } else {
                      metrics.rejected("batch", violations);
                      int index = engagementIndex.get(k);
                      results.set(index, BatchResult.invalid(index, violations));
                    }
                  }
                  return eventLog
                      .acceptAll(tickets, valid, traceparent)
                      .map(
                          acceptances -> {
                            for (int k = 0; k < tickets.size(); k++) {
                              EventLog.Acceptance acceptance = acceptances.tickets().get(k);
                              metrics.accepted(
                                  tickets.get(k), acceptance == EventLog.Acceptance.DUPLICATE);
                              int index = ticketIndex.get(k);
                              results.set(
                                  index,
                                  BatchResult.of(
                                      index, EventResult.of(tickets.get(k).eventId(), acceptance)));
                            }
                            for (int k = 0; k < valid.size(); k++) {
                              EventLog.Acceptance acceptance = acceptances.engagements().get(k);
                              metrics.accepted(
                                  valid.get(k), acceptance == EventLog.Acceptance.DUPLICATE);
                              int index = validIndex.get(k);
                              results.set(
                                  index,
                                  BatchResult.of(
                                      index, EventResult.of(valid.get(k).eventId(), acceptance)));
                            }
                            return Response.ok(new BatchResults(results))
                                .type(MediaType.APPLICATION_JSON)
                                .build();
                          });
                })
            .onFailure()
            .recoverWithItem(
                failure ->
                    unavailable(failure, (tickets.size() + engagements.size()) + " event(s)"));
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
        "The event is not a valid ticket or engagement event",
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
