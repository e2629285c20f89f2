package io.slawatch.intake.webhook.github;

import com.fasterxml.jackson.databind.JsonNode;
import io.slawatch.contract.json.Violation;
import io.slawatch.core.event.EventId;
import io.slawatch.core.event.TicketEvent;
import io.slawatch.core.ticket.CustomerId;
import io.slawatch.core.ticket.Priority;
import io.slawatch.core.ticket.TicketId;
import io.slawatch.core.ticket.TicketStatus;
import io.slawatch.intake.webhook.WebhookResult;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * GitHub issues as tickets ({@code issues} and {@code issue_comment} webhooks). A comment by the
 * repository's owner, members or collaborators ({@code author_association}) is an agent's public
 * reply; anyone else's is the customer writing. Priority comes from labels ({@code P1}..{@code P4},
 * or the configured label vocabulary), else the source's default. Pure: no I/O, no clock.
 */
public final class GitHubAdapter {
  private static final Set<String> STAFF = Set.of("OWNER", "MEMBER", "COLLABORATOR");

  /** Per-source settings. */
  public record Settings(
      String source,
      String customer,
      Optional<String> plan,
      Priority defaultPriority,
      Map<String, Priority> priorityLabels) {}

  private GitHubAdapter() {}

  /**
   * @param event the {@code X-GitHub-Event} header
   * @param deliveryId the {@code X-GitHub-Delivery} header, or a digest of the body
   */
  public static WebhookResult map(
      String event, String deliveryId, JsonNode payload, Settings settings) {
    String action = payload.path("action").asText("");
    JsonNode issue = payload.path("issue");
    if (!issue.isObject()) {
      return invalid("issue", "is required for " + event + " events");
    }
    String repo = payload.path("repository").path("full_name").asText("");
    if (repo.isEmpty() || !issue.path("number").canConvertToInt()) {
      return invalid(repo.isEmpty() ? "repository.full_name" : "issue.number", "is required");
    }
    TicketId ticket =
        new TicketId(
            "github:" + settings.source() + ":" + repo + "#" + issue.get("number").asInt());
    EventId id = new EventId("webhook/github/" + settings.source(), deliveryId);
    return switch (event + "/" + action) {
      case "issues/opened" ->
          at(issue, "created_at")
              .<WebhookResult>map(
                  time ->
                      events(
                          new TicketEvent.Created(
                              id,
                              ticket,
                              time,
                              new CustomerId(settings.customer()),
                              priority(issue.path("labels"), settings),
                              settings.plan(),
                              TicketStatus.NEW,
                              "github",
                              issue.path("user").path("login").asText(""))))
              .orElseGet(() -> invalid("issue.created_at", "must be an ISO-8601 instant"));
      case "issue_comment/created" -> {
        JsonNode comment = payload.path("comment");
        boolean staff =
            STAFF.contains(comment.path("author_association").asText("").toUpperCase(Locale.ROOT));
        yield at(comment, "created_at")
            .<WebhookResult>map(
                time ->
                    staff
                        ? events(new TicketEvent.AgentReplied(id, ticket, time, true))
                        : events(new TicketEvent.CustomerReplied(id, ticket, time)))
            .orElseGet(() -> invalid("comment.created_at", "must be an ISO-8601 instant"));
      }
      case "issues/closed", "issues/reopened" ->
          at(issue, action.equals("closed") ? "closed_at" : "updated_at")
              .<WebhookResult>map(
                  time ->
                      events(
                          new TicketEvent.StatusChanged(
                              id,
                              ticket,
                              time,
                              action.equals("closed") ? TicketStatus.SOLVED : TicketStatus.OPEN)))
              .orElseGet(() -> invalid("issue.updated_at", "must be an ISO-8601 instant"));
      case "issues/labeled" -> {
        Optional<Priority> priority =
            label(payload.path("label").path("name").asText(""), settings);
        if (priority.isEmpty()) {
          yield new WebhookResult.Ignored(
              "label " + payload.path("label").path("name").asText("") + " is not a priority");
        }
        yield at(issue, "updated_at")
            .<WebhookResult>map(
                time -> events(new TicketEvent.PriorityChanged(id, ticket, time, priority.get())))
            .orElseGet(() -> invalid("issue.updated_at", "must be an ISO-8601 instant"));
      }
      default -> new WebhookResult.Ignored(event + "/" + action + " does not touch an SLA clock");
    };
  }

  private static Priority priority(JsonNode labels, Settings settings) {
    for (JsonNode label : labels) {
      Optional<Priority> priority = label(label.path("name").asText(""), settings);
      if (priority.isPresent()) {
        return priority.get();
      }
    }
    return settings.defaultPriority();
  }

  private static Optional<Priority> label(String name, Settings settings) {
    Priority configured = settings.priorityLabels().get(name.toLowerCase(Locale.ROOT));
    return configured != null ? Optional.of(configured) : Priority.parse(name);
  }

  private static Optional<Instant> at(JsonNode node, String field) {
    try {
      return Optional.of(Instant.parse(node.path(field).asText("")));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static WebhookResult events(TicketEvent event) {
    return new WebhookResult.Events(List.of(event));
  }

  private static WebhookResult invalid(String field, String message) {
    return new WebhookResult.Invalid(List.of(new Violation(field, message)));
  }
}
