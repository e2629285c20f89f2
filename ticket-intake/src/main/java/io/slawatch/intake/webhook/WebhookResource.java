package io.slawatch.intake.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slawatch.contract.json.Violation;
import io.slawatch.core.ticket.Priority;
import io.slawatch.intake.api.Problem;
import io.slawatch.intake.publish.EventLog;
import io.slawatch.intake.webhook.github.GitHubAdapter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * {@code POST /api/v1/webhooks/{vendor}/{source}}: a helpdesk's own webhook, verified by its
 * signature, mapped to canonical events and stored and published like any other (a redelivery with
 * the same delivery id is a duplicate).
 */
@Path("/api/v1/webhooks/{vendor}/{source}")
public class WebhookResource {
  private static final Logger LOG = Logger.getLogger(WebhookResource.class);

  private final WebhookConfig config;
  private final EventLog eventLog;
  private final ObjectMapper mapper;

  WebhookResource(WebhookConfig config, EventLog eventLog, ObjectMapper mapper) {
    this.config = config;
    this.eventLog = eventLog;
    this.mapper = mapper;
    config.sources().entrySet().stream()
        .filter(source -> source.getValue().secret().isEmpty())
        .forEach(
            source ->
                LOG.warnf(
                    "webhook source %s has no secret: its deliveries are not authenticated",
                    source.getKey()));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  public Uni<Response> receive(
      @PathParam("vendor") String vendor,
      @PathParam("source") String source,
      @HeaderParam("X-GitHub-Event") String githubEvent,
      @HeaderParam("X-GitHub-Delivery") String githubDelivery,
      @HeaderParam("X-Hub-Signature-256") String githubSignature,
      byte[] body) {
    WebhookConfig.Source settings = config.sources().get(source);
    if (settings == null || !settings.vendor().equals(vendor)) {
      return now(
          problem(404, "unknown-source", "No " + vendor + " source named " + source, List.of()));
    }
    if (!vendor.equals("github")) {
      return now(problem(404, "no-adapter", "No adapter for " + vendor + " yet", List.of()));
    }
    if (settings.secret().isPresent()
        && !Signatures.validGitHub(githubSignature, settings.secret().get(), body)) {
      return now(
          problem(
              401,
              "bad-signature",
              githubSignature == null
                  ? "X-Hub-Signature-256 is missing"
                  : "X-Hub-Signature-256 does not match the body",
              List.of()));
    }
    if (githubEvent == null || githubEvent.isBlank()) {
      return now(
          problem(
              400,
              "invalid-webhook",
              "X-GitHub-Event is missing",
              List.of(new Violation("X-GitHub-Event", "is required"))));
    }
    JsonNode payload;
    try {
      payload = mapper.readTree(body);
    } catch (IOException e) {
      return now(
          problem(
              400,
              "invalid-webhook",
              "The body is not JSON",
              List.of(new Violation("", "is not valid JSON"))));
    }
    String delivery =
        githubDelivery == null || githubDelivery.isBlank()
            ? Signatures.sha256(body)
            : githubDelivery;
    return switch (GitHubAdapter.map(githubEvent, delivery, payload, settings(source, settings))) {
      case WebhookResult.Invalid invalid ->
          now(
              problem(
                  400,
                  "invalid-webhook",
                  "The payload misses what slawatch needs",
                  invalid.violations()));
      case WebhookResult.Ignored ignored ->
          now(Response.ok(Map.of("status", "ignored", "reason", ignored.reason())).build());
      case WebhookResult.Events events ->
          eventLog
              .acceptAll(events.events())
              .map(
                  acceptances ->
                      Response.status(
                              acceptances.contains(EventLog.Acceptance.ACCEPTED) ? 202 : 200)
                          .type(MediaType.APPLICATION_JSON)
                          .entity(
                              Map.of(
                                  "status",
                                  acceptances.getFirst().name().toLowerCase(Locale.ROOT),
                                  "events",
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

  private static GitHubAdapter.Settings settings(String source, WebhookConfig.Source settings) {
    Map<String, Priority> labels =
        settings.priorityLabels().entrySet().stream()
            .collect(
                Collectors.toMap(
                    e -> e.getKey().toLowerCase(Locale.ROOT),
                    e -> Priority.parse(e.getValue()).orElse(Priority.P3)));
    return new GitHubAdapter.Settings(
        source,
        settings.customer(),
        settings.plan(),
        Priority.parse(settings.defaultPriority()).orElse(Priority.P3),
        labels);
  }

  private static Uni<Response> now(Response response) {
    return Uni.createFrom().item(response);
  }

  private static Response problem(
      int status, String type, String detail, List<Violation> violations) {
    return Problem.response(status, type, detail, detail, violations);
  }
}
