package io.slawatch.intake.webhook.zammad;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Zammad trigger webhooks. Zammad sends one payload for every trigger: the ticket as it is now and,
 * when the trigger fired for one, the article. So a delivery is read as a snapshot: the ticket's
 * first article is its creation; any later article is a reply (sender {@code Customer} → the
 * customer writing unless {@code internal}; {@code Agent} → an agent's reply, private when {@code
 * internal}; {@code System} → no reply), and every delivery that is not the creation also restates
 * the ticket's current state and priority at its {@code updated_at} (restating an unchanged one
 * moves no clock); the ticket's tags that the source maps to a milestone ({@code
 * milestone-labels.<tag>}) mark it once per ticket (id {@code milestone/<number>/<name>}). Signed
 * with {@code X-Hub-Signature: sha1=<hex HMAC-SHA1 of the body>}; delivery id {@code
 * X-Zammad-Delivery}.
 */
@ApplicationScoped
public class ZammadAdapter implements WebhookAdapter {
  public static final String SIGNATURE = "X-Hub-Signature";
  public static final String DELIVERY = "X-Zammad-Delivery";

  @Override
  public String vendor() {
    return "zammad";
  }

  @Override
  public Verification verify(WebhookHeaders headers, String secret, byte[] body) {
    return Signatures.prefixedHex(
        SIGNATURE, headers.get(SIGNATURE), "sha1", "HmacSHA1", secret, body);
  }

  @Override
  public String deliveryId(WebhookHeaders headers, byte[] body) {
    return WebhookAdapter.deliveryIdFrom(headers, body, DELIVERY);
  }

  @Override
  public java.util.Map<String, Priority> defaultPriorities() {
    return java.util.Map.of(
        "3-high", Priority.P2,
        "high", Priority.P2,
        "2-normal", Priority.P3,
        "normal", Priority.P3,
        "1-low", Priority.P4,
        "low", Priority.P4);
  }

  @Override
  public java.util.Map<String, TicketStatus> defaultStatuses() {
    return java.util.Map.of(
        "new", TicketStatus.NEW,
        "open", TicketStatus.OPEN,
        "pending-reminder", TicketStatus.PENDING,
        "pending-close", TicketStatus.PENDING,
        "closed", TicketStatus.CLOSED,
        "merged", TicketStatus.CLOSED);
  }

  @Override
  public WebhookResult map(Delivery delivery, JsonNode payload, SourceSettings settings) {
    JsonNode ticketNode = payload.path("ticket");
    if (!ticketNode.isObject()) {
      return invalid("ticket", "is required");
    }
    Optional<String> number = Payloads.text(ticketNode, "number");
    if (number.isEmpty()) {
      return invalid("ticket.number", "is required");
    }
    TicketId ticket = new TicketId("zammad:" + settings.source() + ":" + number.get());
    String source = "webhook/zammad/" + settings.source();
    String priorityWord = ticketNode.path("priority").path("name").asText("");
    Optional<Priority> priority = settings.priority(priorityWord);
    String stateWord =
        Payloads.text(ticketNode, "state").orElse(ticketNode.path("state").path("name").asText(""));
    Optional<TicketStatus> status = settings.status(stateWord);
    JsonNode article = payload.path("article");
    if (article.isObject() && isFirst(article, ticketNode)) {
      Optional<Instant> created = Payloads.instant(ticketNode, "created_at");
      if (created.isEmpty()) {
        return invalid("ticket.created_at", "must be an ISO-8601 instant");
      }
      JsonNode customer = ticketNode.path("customer");
      List<TicketEvent> events = new ArrayList<>();
      events.add(
          settings.created(
              new EventId(source, delivery.id()),
              ticket,
              created.get(),
              priority,
              status,
              "zammad",
              Payloads.text(customer, "email")
                  .or(() -> Payloads.text(customer, "login"))
                  .orElse(ticketNode.path("customer_id").asText(""))));
      events.addAll(tagged(ticketNode, settings, source, ticket, number.get(), created.get()));
      return events(events);
    }
    List<TicketEvent> events = new ArrayList<>();
    if (article.isObject()) {
      Optional<Instant> written = Payloads.instant(article, "created_at");
      if (written.isEmpty()) {
        return invalid("article.created_at", "must be an ISO-8601 instant");
      }
      EventId id = new EventId(source, delivery.id() + "/article");
      boolean internal = article.path("internal").asBoolean(false);
      switch (article.path("sender").asText("")) {
        case "Customer" -> {
          if (!internal) {
            events.add(new TicketEvent.CustomerReplied(id, ticket, written.get()));
          }
        }
        case "Agent" ->
            events.add(new TicketEvent.AgentReplied(id, ticket, written.get(), !internal));
        case "System" -> {}
        default -> {
          return invalid("article.sender", "must be Customer, Agent or System");
        }
      }
    }
    Optional<Instant> updated = Payloads.instant(ticketNode, "updated_at");
    if (updated.isEmpty()) {
      return invalid("ticket.updated_at", "must be an ISO-8601 instant");
    }
    if (status.isEmpty()) {
      return Payloads.unknownWord("ticket.state", "statuses", stateWord, settings);
    }
    if (priority.isEmpty()) {
      return Payloads.unknownWord(
          "ticket.priority.name", "priority-labels", priorityWord, settings);
    }
    events.add(
        new TicketEvent.StatusChanged(
            new EventId(source, delivery.id() + "/state"), ticket, updated.get(), status.get()));
    events.add(
        new TicketEvent.PriorityChanged(
            new EventId(source, delivery.id() + "/priority"),
            ticket,
            updated.get(),
            priority.get()));
    events.addAll(tagged(ticketNode, settings, source, ticket, number.get(), updated.get()));
    return events(events);
  }

  /**
   * The milestones the ticket's current tags ({@code ticket.tags}, an array of texts) mark, at the
   * delivery's time: Zammad sends the ticket's tags, not what was added, so each milestone's id is
   * fixed by the ticket and the milestone and every later delivery still carrying the tag is a
   * duplicate of it.
   */
  private static List<TicketEvent> tagged(
      JsonNode ticketNode,
      SourceSettings settings,
      String source,
      TicketId ticket,
      String number,
      Instant at) {
    return settings.taggedMilestones(
        Payloads.tags(ticketNode.path("tags")), source, ticket, number, at);
  }

  /** The article that opened the ticket: its first article id, or the only one. */
  private static boolean isFirst(JsonNode article, JsonNode ticket) {
    JsonNode ids = ticket.path("article_ids");
    if (ids.isArray() && !ids.isEmpty()) {
      return ids.get(0).asLong() == article.path("id").asLong(-1);
    }
    return ticket.path("article_count").asInt(0) == 1;
  }
}
