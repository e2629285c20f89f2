package io.slawatch.intake.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slawatch.contract.json.Limits;
import io.slawatch.contract.json.TicketEventCodec;
import io.slawatch.contract.json.Violation;
import io.slawatch.intake.publish.EventLog;
import io.slawatch.intake.webhook.spi.Delivery;
import io.slawatch.intake.webhook.spi.Verification;
import io.slawatch.intake.webhook.spi.WebhookAdapter;
import io.slawatch.intake.webhook.spi.WebhookHeaders;
import io.slawatch.intake.webhook.spi.WebhookResult;
import io.slawatch.service.auth.Roles;
import io.slawatch.service.problem.Problem;
import io.slawatch.service.tracing.Tracing;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;

/**
 * {@code POST /api/v1/webhooks/{vendor}/{source}}: a helpdesk's own webhook, verified by its
 * vendor's signature, mapped to canonical events by its vendor's adapter and stored and published
 * like any other (a redelivery with the same delivery id is a duplicate).
 */
@Roles({})
@Path("/api/v1/webhooks/{vendor}/{source}")
public class WebhookResource {
  private static final Logger LOG = Logger.getLogger(WebhookResource.class);

  private final WebhookSources sources;
  private final EventLog eventLog;
  private final ObjectMapper mapper;
  private final Clock clock;
  private final TicketEventCodec codec;

  WebhookResource(
      WebhookSources sources,
      EventLog eventLog,
      ObjectMapper mapper,
      Clock clock,
      TicketEventCodec codec) {
    this.sources = sources;
    this.eventLog = eventLog;
    this.mapper = mapper;
    this.clock = clock;
    this.codec = codec;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @Operation(summary = "Receive a helpdesk's own webhook delivery")
  @APIResponse(
      responseCode = "202",
      description = "Mapped to canonical events, stored and published",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WebhookReply.class)))
  @APIResponse(
      responseCode = "200",
      description = "A redelivery (duplicate) or nothing an SLA clock depends on (ignored)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WebhookReply.class)))
  @APIResponse(
      responseCode = "400",
      description = "Not JSON, or a field slawatch needs is missing: the problem names it",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "401",
      description = "The signature header is missing or does not match: the problem names it",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "404",
      description = "No adapter for the vendor, or no source of that name for it",
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
  public Uni<Response> receive(
      @PathParam("vendor") String vendor,
      @PathParam("source") String source,
      @Context HttpHeaders httpHeaders,
      byte[] body) {
    WebhookAdapters adapters = sources.adapters();
    if (adapters.get(vendor).isEmpty()) {
      return now(
          problem(
              404,
              "unknown-vendor",
              "No webhook adapter for " + vendor + " (known: " + adapters.vendors() + ")",
              List.of()));
    }
    var found = sources.get(vendor, source);
    if (found.isEmpty()) {
      return now(
          problem(404, "unknown-source", "No " + vendor + " source named " + source, List.of()));
    }
    WebhookAdapter adapter = found.get().adapter();
    WebhookHeaders headers = headers(httpHeaders);
    if (found.get().secret().isPresent()) {
      switch (adapter.verify(headers, found.get().secret().get(), body)) {
        case Verification.Verified verified -> {}
        case Verification.Missing missing -> {
          return now(unauthenticated(missing.header(), missing.message(), "is missing"));
        }
        case Verification.Mismatch mismatch -> {
          return now(
              unauthenticated(mismatch.header(), mismatch.message(), "does not match the body"));
        }
      }
    }
    JsonNode payload;
    try {
      payload = mapper.readTree(body);
    } catch (JsonProcessingException e) {
      return now(
          problem(
              400,
              "invalid-webhook",
              "The body is not a JSON object",
              List.of(Limits.unreadable("", e.getOriginalMessage()))));
    } catch (IOException e) {
      payload = null;
    }
    if (payload == null || !payload.isObject()) {
      return now(
          problem(
              400,
              "invalid-webhook",
              "The body is not a JSON object",
              List.of(new Violation("", "is not a valid JSON object"))));
    }
    String delivery = adapter.deliveryId(headers, body);
    var badDelivery = Limits.deliveryId(delivery);
    if (badDelivery.isPresent()) {
      return now(
          problem(
              400,
              "invalid-webhook",
              "The delivery id is not one slawatch can keep",
              List.of(new Violation(deliveryHeader(httpHeaders, delivery), badDelivery.get()))));
    }
    WebhookResult result =
        adapter.map(
            new Delivery(delivery, clock.instant(), headers), payload, found.get().settings());
    // only what slawatch keeps is judged (a vendor's comment text may hold anything)
    if (result instanceof WebhookResult.Events mapped) {
      List<Violation> limits = new ArrayList<>();
      mapped.events().forEach(event -> limits.addAll(codec.check(event)));
      if (!limits.isEmpty()) {
        result = new WebhookResult.Invalid(limits);
      }
    }
    return switch (result) {
      case WebhookResult.Invalid invalid ->
          now(
              problem(
                  400,
                  "invalid-webhook",
                  "The payload misses what slawatch needs",
                  invalid.violations()));
      case WebhookResult.Ignored ignored ->
          now(
              Response.ok(WebhookReply.ignored(ignored.reason()))
                  .type(MediaType.APPLICATION_JSON)
                  .build());
      case WebhookResult.Events events ->
          eventLog
              .acceptAll(events.events(), httpHeaders.getHeaderString(Tracing.HEADER))
              .map(
                  acceptances ->
                      Response.status(
                              acceptances.contains(EventLog.Acceptance.ACCEPTED) ? 202 : 200)
                          .type(MediaType.APPLICATION_JSON)
                          .entity(
                              WebhookReply.events(
                                  (acceptances.contains(EventLog.Acceptance.ACCEPTED)
                                          ? EventLog.Acceptance.ACCEPTED
                                          : acceptances.getFirst())
                                      .name()
                                      .toLowerCase(Locale.ROOT),
                                  events.events().stream().map(e -> e.type()).toList()))
                          .build())
              .onFailure()
              .recoverWithItem(
                  failure -> {
                    LOG.errorf(failure, "could not store webhook delivery %s", delivery);
                    return problem(503, "unavailable", "retry later: nothing was kept", List.of());
                  });
    };
  }

  /** The request header that carried the delivery id (it may be none: a body digest). */
  private static String deliveryHeader(HttpHeaders httpHeaders, String delivery) {
    return httpHeaders.getRequestHeaders().entrySet().stream()
        .filter(h -> h.getValue() != null && !h.getValue().isEmpty())
        .filter(h -> h.getValue().getFirst().trim().equals(delivery))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse("delivery id");
  }

  private static WebhookHeaders headers(HttpHeaders httpHeaders) {
    Map<String, String> values = new HashMap<>();
    httpHeaders
        .getRequestHeaders()
        .forEach(
            (name, list) -> {
              if (list != null && !list.isEmpty()) {
                values.put(name, list.getFirst());
              }
            });
    return new WebhookHeaders(values);
  }

  private static Response unauthenticated(String header, String detail, String message) {
    return Problem.response(
        401,
        "bad-signature",
        "The delivery is not authenticated",
        detail,
        List.of(new Violation(header, message)));
  }

  private static Uni<Response> now(Response response) {
    return Uni.createFrom().item(response);
  }

  private static Response problem(
      int status, String type, String detail, List<Violation> violations) {
    return Problem.response(status, type, detail, detail, violations);
  }
}
