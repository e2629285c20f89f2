package io.slawatch.intake.webhook.github;

import static io.slawatch.intake.webhook.spi.Payloads.events;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * GitHub issues as tickets ({@code issues} and {@code issue_comment} webhooks, event name in {@code
 * X-GitHub-Event}). A comment by the repository's owner, members or collaborators ({@code
 * author_association}) is an agent's public reply; anyone else's is the customer writing. Priority
 * comes from labels ({@code P1}..{@code P4}, or the configured label vocabulary), else the source's
 * default. Signed with {@code X-Hub-Signature-256}; delivery id {@code X-GitHub-Delivery}.
 */
@ApplicationScoped
public class GitHubAdapter implements WebhookAdapter {
  public static final String EVENT = "X-GitHub-Event";
  public static final String SIGNATURE = "X-Hub-Signature-256";
  public static final String DELIVERY = "X-GitHub-Delivery";

  private static final Set<String> STAFF = Set.of("OWNER", "MEMBER", "COLLABORATOR");

  @Override
  public String vendor() {
    return "github";
  }

  @Override
  public Verification verify(WebhookHeaders headers, String secret, byte[] body) {
    return Signatures.prefixedHex(
        SIGNATURE, headers.get(SIGNATURE), "sha256", "HmacSHA256", secret, body);
  }

  @Override
  public String deliveryId(WebhookHeaders headers, byte[] body) {
    return WebhookAdapter.deliveryIdFrom(headers, body, DELIVERY);
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
    Optional<String> event = delivery.headers().get(EVENT);
    if (event.isEmpty()) {
      return invalid(EVENT, "is required");
    }
    String action = payload.path("action").asText("");
    JsonNode issue = payload.path("issue");
    if (!issue.isObject()) {
      return invalid("issue", "is required for " + event.get() + " events");
    }
    String repo = payload.path("repository").path("full_name").asText("");
    if (repo.isEmpty() || !issue.path("number").canConvertToInt()) {
      return invalid(repo.isEmpty() ? "repository.full_name" : "issue.number", "is required");
    }
    TicketId ticket =
        new TicketId(
            "github:" + settings.source() + ":" + repo + "#" + issue.get("number").asInt());
    EventId id = new EventId("webhook/github/" + settings.source(), delivery.id());
    return switch (event.get() + "/" + action) {
      case "issues/opened" ->
          at(issue, "created_at")
              .map(
                  time ->
                      events(
                          settings.created(
                              id,
                              ticket,
                              time,
                              settings.firstPriority(Payloads.texts(issue.path("labels"), "name")),
                              Optional.empty(),
                              "github",
                              issue.path("user").path("login").asText(""),
                              Payloads.url(issue, "html_url"))))
              .orElseGet(() -> invalid("issue.created_at", "must be an ISO-8601 instant"));
      case "issue_comment/created" -> {
        JsonNode comment = payload.path("comment");
        boolean staff =
            STAFF.contains(comment.path("author_association").asText("").toUpperCase(Locale.ROOT));
        yield at(comment, "created_at")
            .map(
                time ->
                    staff
                        ? events(new TicketEvent.AgentReplied(id, ticket, time, true))
                        : events(new TicketEvent.CustomerReplied(id, ticket, time)))
            .orElseGet(() -> invalid("comment.created_at", "must be an ISO-8601 instant"));
      }
      case "issues/closed", "issues/reopened" -> {
        TicketStatus status =
            settings
                .status(action)
                .orElse(action.equals("closed") ? TicketStatus.SOLVED : TicketStatus.OPEN);
        yield at(issue, action.equals("closed") ? "closed_at" : "updated_at")
            .map(time -> events(new TicketEvent.StatusChanged(id, ticket, time, status)))
            .orElseGet(() -> invalid("issue.updated_at", "must be an ISO-8601 instant"));
      }
      case "issues/labeled" -> {
        String label = payload.path("label").path("name").asText("");
        Optional<Priority> priority = settings.priority(label);
        Optional<String> milestone = settings.milestone(label);
        if (priority.isEmpty() && milestone.isPresent()) {
          yield at(issue, "updated_at")
              .map(time -> events(new TicketEvent.Milestone(id, ticket, time, milestone.get())))
              .orElseGet(() -> invalid("issue.updated_at", "must be an ISO-8601 instant"));
        }
        if (priority.isEmpty()) {
          yield Payloads.ignored("label " + label + " is not a priority");
        }
        yield at(issue, "updated_at")
            .map(time -> events(new TicketEvent.PriorityChanged(id, ticket, time, priority.get())))
            .orElseGet(() -> invalid("issue.updated_at", "must be an ISO-8601 instant"));
      }
      default -> Payloads.ignored(event.get() + "/" + action + " does not touch an SLA clock");
    };
  }

  private static Optional<Instant> at(JsonNode node, String field) {
    return Payloads.instant(node, field);
  }
}
