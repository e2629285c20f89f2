package io.slawatch.intake.webhook.jira;

import static io.slawatch.intake.webhook.spi.Payloads.events;
import static io.slawatch.intake.webhook.spi.Payloads.ignored;
import static io.slawatch.intake.webhook.spi.Payloads.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import io.slawatch.core.event.EventId;
import io.slawatch.core.event.TicketEvent;
import io.slawatch.core.event.TicketUrls;
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
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Jira Cloud, Jira Server/Data Center and Jira Service Management webhooks ({@code
 * jira:issue_created}, {@code jira:issue_updated}, {@code comment_created}). Status and priority
 * changes come from the changelog; a status the vocabulary does not know falls back to its status
 * category ({@code new}, {@code indeterminate}, {@code done}) when the payload gives it.
 *
 * <p>Comments: an internal comment ({@code jsdPublic: false}) is an agent's private note; an author
 * whose {@code accountType} is {@code customer} (Service Management portal customers), or who is
 * the issue's reporter, is the customer writing; anyone else is an agent's public reply. A
 * comment's event id is its comment id, so Jira's {@code comment_created} and {@code
 * jira:issue_updated} (issue_commented) for one comment are one event.
 *
 * <p>Signed with {@code X-Hub-Signature: sha256=<hex HMAC-SHA256 of the body>} (Cloud webhooks with
 * a secret); delivery id {@code X-Atlassian-Webhook-Identifier}.
 */
@ApplicationScoped
public class JiraAdapter implements WebhookAdapter {
  public static final String SIGNATURE = "X-Hub-Signature";
  public static final String DELIVERY = "X-Atlassian-Webhook-Identifier";

  @Override
  public String vendor() {
    return "jira";
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
    return Map.of(
        "highest", Priority.P1,
        "blocker", Priority.P1,
        "critical", Priority.P1,
        "high", Priority.P2,
        "major", Priority.P2,
        "medium", Priority.P3,
        "minor", Priority.P3,
        "low", Priority.P4,
        "lowest", Priority.P4,
        "trivial", Priority.P4);
  }

  @Override
  public Map<String, TicketStatus> defaultStatuses() {
    return Map.ofEntries(
        Map.entry("new", TicketStatus.OPEN), // also the "To Do" status category's key
        Map.entry("to-do", TicketStatus.OPEN),
        Map.entry("open", TicketStatus.OPEN),
        Map.entry("backlog", TicketStatus.OPEN),
        Map.entry("reopened", TicketStatus.OPEN),
        Map.entry("indeterminate", TicketStatus.OPEN), // the "In Progress" category's key
        Map.entry("in-progress", TicketStatus.OPEN),
        Map.entry("waiting-for-support", TicketStatus.OPEN),
        Map.entry("escalated", TicketStatus.OPEN),
        Map.entry("waiting-for-customer", TicketStatus.PENDING),
        Map.entry("pending", TicketStatus.PENDING),
        Map.entry("waiting-for-approval", TicketStatus.ON_HOLD),
        Map.entry("on-hold", TicketStatus.ON_HOLD),
        Map.entry("done", TicketStatus.SOLVED), // also the "Done" category's key
        Map.entry("complete", TicketStatus.SOLVED),
        Map.entry("resolved", TicketStatus.SOLVED),
        Map.entry("closed", TicketStatus.CLOSED),
        Map.entry("canceled", TicketStatus.CLOSED),
        Map.entry("cancelled", TicketStatus.CLOSED),
        Map.entry("declined", TicketStatus.CLOSED));
  }

  @Override
  public WebhookResult map(Delivery delivery, JsonNode payload, SourceSettings settings) {
    String event = payload.path("webhookEvent").asText("");
    if (event.isEmpty()) {
      return invalid("webhookEvent", "is required");
    }
    JsonNode issue = payload.path("issue");
    if (!issue.isObject()) {
      return event.startsWith("comment_")
          ? ignored(
              event
                  + " without its issue (Jira Server): the same comment comes with"
                  + " jira:issue_updated (issue_commented)")
          : invalid("issue", "is required for " + event);
    }
    Optional<String> key = Payloads.text(issue, "key");
    if (key.isEmpty()) {
      return invalid("issue.key", "is required");
    }
    TicketId ticket = new TicketId("jira:" + settings.source() + ":" + key.get());
    String source = "webhook/jira/" + settings.source();
    EventId id = new EventId(source, delivery.id());
    JsonNode fields = issue.path("fields");
    Optional<Instant> timestamp = Payloads.instant(payload, "timestamp");
    return switch (event) {
      case "jira:issue_created" -> {
        Optional<Instant> created = Payloads.instant(fields, "created").or(() -> timestamp);
        if (created.isEmpty()) {
          yield invalid("issue.fields.created", "must be a time");
        }
        JsonNode reporter = fields.path("reporter");
        yield events(
            settings.created(
                id,
                ticket,
                created.get(),
                Payloads.text(fields.path("priority"), "name").flatMap(settings::priority),
                currentStatus(fields, settings),
                "jira",
                user(reporter).orElse(""),
                browseUrl(issue, key.get())));
      }
      case "comment_created" -> comment(payload.path("comment"), fields, source, ticket);
      case "jira:issue_updated" -> {
        if (timestamp.isEmpty()) {
          yield invalid("timestamp", "is required");
        }
        List<TicketEvent> events = new ArrayList<>();
        JsonNode items = payload.path("changelog").path("items");
        for (int i = 0; i < items.size(); i++) {
          JsonNode item = items.get(i);
          String field = item.path("field").asText("").toLowerCase(Locale.ROOT);
          String word = item.path("toString").asText("");
          String at = "changelog.items[" + i + "].toString";
          EventId itemId = new EventId(source, delivery.id() + "/" + field);
          if (field.equals("status")) {
            Optional<TicketStatus> status = status(word, fields, settings);
            if (status.isEmpty()) {
              yield Payloads.unknownWord(at, "statuses", word, settings);
            }
            events.add(
                new TicketEvent.StatusChanged(itemId, ticket, timestamp.get(), status.get()));
          } else if (field.equals("priority")) {
            Optional<Priority> priority = settings.priority(word);
            if (priority.isEmpty()) {
              yield Payloads.unknownWord(at, "priority-labels", word, settings);
            }
            events.add(
                new TicketEvent.PriorityChanged(itemId, ticket, timestamp.get(), priority.get()));
          } else if (field.equals("labels")) {
            // labels are space-separated words: each one added that the source maps is a milestone
            Set<String> before = Set.of(item.path("fromString").asText("").trim().split("\\s+"));
            for (String label : word.trim().split("\\s+")) {
              if (!label.isEmpty() && !before.contains(label)) {
                settings
                    .milestone(label)
                    .ifPresent(
                        name ->
                            events.add(
                                new TicketEvent.Milestone(
                                    new EventId(source, delivery.id() + "/labels/" + name),
                                    ticket,
                                    timestamp.get(),
                                    name)));
              }
            }
          }
        }
        if (payload.path("comment").isObject()) {
          WebhookResult comment = comment(payload.path("comment"), fields, source, ticket);
          if (!(comment instanceof WebhookResult.Events commented)) {
            yield comment;
          }
          events.addAll(commented.events());
        }
        yield events.isEmpty()
            ? ignored(
                event
                    + " ("
                    + payload.path("issue_event_type_name").asText("?")
                    + ") changes neither status, priority, milestone labels nor comments")
            : events(events);
      }
      default -> ignored(event + " does not touch an SLA clock");
    };
  }

  private static WebhookResult comment(
      JsonNode comment, JsonNode fields, String source, TicketId ticket) {
    Optional<String> commentId = Payloads.text(comment, "id");
    if (commentId.isEmpty()) {
      return invalid("comment.id", "is required");
    }
    if (!commentId.get().matches("[0-9]{1,64}")) {
      // Jira's comment ids are numbers: anything else could pass for "<delivery>/status"
      return invalid("comment.id", "must be a number (was \"" + commentId.get() + "\")");
    }
    Optional<Instant> created = Payloads.instant(comment, "created");
    if (created.isEmpty()) {
      return invalid("comment.created", "must be a time");
    }
    EventId id = new EventId(source, "comment/" + commentId.get());
    JsonNode author = comment.path("author");
    if (comment.path("jsdPublic").isBoolean() && !comment.path("jsdPublic").asBoolean()) {
      return events(new TicketEvent.AgentReplied(id, ticket, created.get(), false));
    }
    Optional<String> reporter = user(fields.path("reporter"));
    boolean customer =
        author.path("accountType").asText("").equalsIgnoreCase("customer")
            || (reporter.isPresent() && reporter.equals(user(author)));
    return events(
        customer
            ? new TicketEvent.CustomerReplied(id, ticket, created.get())
            : new TicketEvent.AgentReplied(id, ticket, created.get(), true));
  }

  /**
   * The issue's page, {@code <base>/browse/<key>}: the base is the issue's REST {@code self} URL
   * before {@code /rest/api/} (scheme, host, port and any context path), else its scheme and host;
   * empty when {@code self} is missing or not an http(s) URL.
   */
  static Optional<URI> browseUrl(JsonNode issue, String key) {
    if (!ISSUE_KEY.matcher(key).matches()) {
      return Optional.empty();
    }
    return Payloads.url(issue, "self")
        .flatMap(
            self -> {
              String text = self.toString();
              int rest = text.indexOf("/rest/api/");
              String base =
                  rest > 0
                      ? text.substring(0, rest)
                      : self.getScheme() + "://" + self.getRawAuthority();
              return TicketUrls.parse(base + "/browse/" + key);
            });
  }

  private static final Pattern ISSUE_KEY = Pattern.compile("[A-Za-z0-9_]+-[0-9]+");

  /** A Jira user: the Cloud account id, else the Server user name or key. */
  private static Optional<String> user(JsonNode user) {
    return Payloads.text(user, "accountId")
        .or(() -> Payloads.text(user, "name"))
        .or(() -> Payloads.text(user, "key"));
  }

  /** A status word, else (when it is the issue's current status) its category. */
  private static Optional<TicketStatus> status(
      String word, JsonNode fields, SourceSettings settings) {
    return settings
        .status(word)
        .or(
            () ->
                word.equalsIgnoreCase(fields.path("status").path("name").asText(""))
                    ? category(fields, settings)
                    : Optional.empty());
  }

  private static Optional<TicketStatus> currentStatus(JsonNode fields, SourceSettings settings) {
    return Payloads.text(fields.path("status"), "name")
        .flatMap(settings::status)
        .or(() -> category(fields, settings));
  }

  private static Optional<TicketStatus> category(JsonNode fields, SourceSettings settings) {
    return Payloads.text(fields.path("status").path("statusCategory"), "key")
        .flatMap(settings::status);
  }
}
