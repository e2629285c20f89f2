package io.slawatch.intake.webhook.gitlab;

import static io.slawatch.intake.webhook.spi.Payloads.events;
import static io.slawatch.intake.webhook.spi.Payloads.ignored;
import static io.slawatch.intake.webhook.spi.Payloads.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import io.slawatch.core.event.EventId;
import io.slawatch.core.event.TicketEvent;
import io.slawatch.core.ticket.Priority;
import io.slawatch.core.ticket.TicketId;
import io.slawatch.core.ticket.TicketStatus;
import io.slawatch.intake.webhook.spi.Delivery;
import io.slawatch.intake.webhook.spi.Payloads;
import io.slawatch.intake.webhook.spi.Signatures;
import io.slawatch.intake.webhook.spi.SourceSettings;
import io.slawatch.intake.webhook.spi.Verification;
import io.slawatch.intake.webhook.spi.WebhookAdapter;
import io.slawatch.intake.webhook.spi.WebhookHeaders;
import io.slawatch.intake.webhook.spi.WebhookResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * GitLab issues as tickets (Issue Hook and Note Hook). Opened → created (priority from labels like
 * GitHub's); closed / reopened → status; a priority label added by an update → priority. A note on
 * an issue: GitLab's payload says nothing of project membership, so the issue's author writing is
 * the customer and anyone else an agent; an internal (formerly confidential) note is a private
 * note. Authenticated by the shared {@code X-Gitlab-Token}; delivery id {@code Idempotency-Key}
 * (GitLab 17.4+, the same for retries), else {@code X-Gitlab-Event-UUID}.
 */
@ApplicationScoped
public class GitLabAdapter implements WebhookAdapter {
  public static final String TOKEN = "X-Gitlab-Token";
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  public static final String EVENT_UUID = "X-Gitlab-Event-UUID";

  @Override
  public String vendor() {
    return "gitlab";
  }

  @Override
  public Verification verify(WebhookHeaders headers, String secret, byte[] body) {
    Optional<String> token = headers.get(TOKEN);
    return Verification.check(
        TOKEN, token, token.isPresent() && Signatures.same(secret, token.get()));
  }

  @Override
  public String deliveryId(WebhookHeaders headers, byte[] body) {
    return WebhookAdapter.deliveryIdFrom(headers, body, IDEMPOTENCY_KEY, EVENT_UUID);
  }

  @Override
  public Map<String, Priority> defaultPriorities() {
    return Map.of();
  }

  @Override
  public Map<String, TicketStatus> defaultStatuses() {
    return Map.of("closed", TicketStatus.SOLVED, "reopened", TicketStatus.OPEN);
  }

  @Override
  public WebhookResult map(Delivery delivery, JsonNode payload, SourceSettings settings) {
    String kind = payload.path("object_kind").asText("");
    String project = payload.path("project").path("path_with_namespace").asText("");
    if (project.isEmpty()) {
      return invalid("project.path_with_namespace", "is required");
    }
    JsonNode attributes = payload.path("object_attributes");
    EventId id = new EventId("webhook/gitlab/" + settings.source(), delivery.id());
    return switch (kind) {
      case "issue" -> issue(payload, attributes, project, id, settings);
      case "note" -> {
        if (!attributes.path("noteable_type").asText("").equals("Issue")) {
          yield ignored(
              "a note on a " + attributes.path("noteable_type").asText("?") + ", not an issue");
        }
        JsonNode issue = payload.path("issue");
        if (!issue.path("iid").canConvertToInt()) {
          yield invalid("issue.iid", "is required");
        }
        TicketId ticket = ticket(settings, project, issue.get("iid").asInt());
        Optional<Instant> at = Payloads.instant(attributes, "created_at");
        if (at.isEmpty()) {
          yield invalid("object_attributes.created_at", "must be a time");
        }
        boolean internal =
            attributes.path("internal").asBoolean(false)
                || attributes.path("confidential").asBoolean(false);
        long author = attributes.path("author_id").asLong(-1);
        boolean byIssueAuthor = author >= 0 && author == issue.path("author_id").asLong(-2);
        yield events(
            internal
                ? new TicketEvent.AgentReplied(id, ticket, at.get(), false)
                : byIssueAuthor
                    ? new TicketEvent.CustomerReplied(id, ticket, at.get())
                    : new TicketEvent.AgentReplied(id, ticket, at.get(), true));
      }
      default -> ignored(kind.isEmpty() ? "no object_kind" : kind + " does not touch an SLA clock");
    };
  }

  private static WebhookResult issue(
      JsonNode payload, JsonNode attributes, String project, EventId id, SourceSettings settings) {
    if (!attributes.path("iid").canConvertToInt()) {
      return invalid("object_attributes.iid", "is required");
    }
    TicketId ticket = ticket(settings, project, attributes.get("iid").asInt());
    String action = attributes.path("action").asText("");
    return switch (action) {
      case "open" ->
          Payloads.instant(attributes, "created_at")
              .map(
                  time ->
                      events(
                          settings.created(
                              id,
                              ticket,
                              time,
                              settings.firstPriority(
                                  Payloads.texts(labels(payload, attributes), "title")),
                              Optional.empty(),
                              "gitlab",
                              payload.path("user").path("username").asText(""),
                              Payloads.url(attributes, "url"))))
              .orElseGet(() -> invalid("object_attributes.created_at", "must be a time"));
      case "close", "reopen" -> {
        String word = action.equals("close") ? "closed" : "reopened";
        TicketStatus status =
            settings
                .status(word)
                .orElse(action.equals("close") ? TicketStatus.SOLVED : TicketStatus.OPEN);
        yield Payloads.instant(attributes, action.equals("close") ? "closed_at" : "updated_at")
            .or(() -> Payloads.instant(attributes, "updated_at"))
            .map(time -> events(new TicketEvent.StatusChanged(id, ticket, time, status)))
            .orElseGet(() -> invalid("object_attributes.updated_at", "must be a time"));
      }
      case "update" -> {
        JsonNode change = payload.path("changes").path("labels");
        Set<String> before = titles(change.path("previous"));
        Optional<Priority> added = Optional.empty();
        Optional<String> milestone = Optional.empty();
        for (String title : Payloads.texts(change.path("current"), "title")) {
          if (!before.contains(title)) {
            added = added.or(() -> settings.priority(title));
            milestone = milestone.or(() -> settings.milestone(title));
          }
        }
        if (added.isEmpty() && milestone.isPresent()) {
          String name = milestone.get();
          yield Payloads.instant(attributes, "updated_at")
              .map(time -> events(new TicketEvent.Milestone(id, ticket, time, name)))
              .orElseGet(() -> invalid("object_attributes.updated_at", "must be a time"));
        }
        if (added.isEmpty()) {
          yield ignored(
              "issue update without a new priority or milestone label does not touch an SLA"
                  + " clock");
        }
        Priority priority = added.get();
        yield Payloads.instant(attributes, "updated_at")
            .map(time -> events(new TicketEvent.PriorityChanged(id, ticket, time, priority)))
            .orElseGet(() -> invalid("object_attributes.updated_at", "must be a time"));
      }
      default -> ignored("issue " + action + " does not touch an SLA clock");
    };
  }

  private static TicketId ticket(SourceSettings settings, String project, int iid) {
    return new TicketId("gitlab:" + settings.source() + ":" + project + "#" + iid);
  }

  private static JsonNode labels(JsonNode payload, JsonNode attributes) {
    return payload.path("labels").isArray() ? payload.path("labels") : attributes.path("labels");
  }

  private static Set<String> titles(JsonNode labels) {
    return new HashSet<>(Payloads.texts(labels, "title"));
  }
}
