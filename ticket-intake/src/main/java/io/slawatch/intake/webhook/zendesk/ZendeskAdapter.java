package io.slawatch.intake.webhook.zendesk;

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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Zendesk event webhooks (the {@code zen:event-type:*} envelope: {@code detail} is the ticket,
 * {@code event} what changed, {@code time} when). A comment's author with {@code is_staff} is an
 * agent (public or not per the comment's {@code is_public}); anyone else is the customer writing.
 * Every ticket event carries the ticket's tags ({@code detail.tags}; {@code ticket.tags_changed}
 * also {@code event.tags_added}): a tag the source maps to a milestone ({@code
 * milestone-labels.<tag>}) marks it once per ticket (id {@code milestone/<ticket id>/<name>}), so
 * every later event still carrying the tag is a duplicate of it. Signed with {@code
 * X-Zendesk-Webhook-Signature} = base64(HMAC-SHA256(secret, {@code
 * X-Zendesk-Webhook-Signature-Timestamp} + body)); delivery id {@code
 * X-Zendesk-Webhook-Invocation-Id} (the same for every attempt of an invocation; {@code
 * X-Zendesk-Webhook-Id} names the webhook, not the delivery).
 */
@ApplicationScoped
public class ZendeskAdapter implements WebhookAdapter {
  public static final String SIGNATURE = "X-Zendesk-Webhook-Signature";
  public static final String TIMESTAMP = "X-Zendesk-Webhook-Signature-Timestamp";
  public static final String INVOCATION = "X-Zendesk-Webhook-Invocation-Id";
  private static final String TYPE_PREFIX = "zen:event-type:";

  @Override
  public String vendor() {
    return "zendesk";
  }

  @Override
  public Verification verify(WebhookHeaders headers, String secret, byte[] body) {
    Optional<String> signature = headers.get(SIGNATURE);
    Optional<String> timestamp = headers.get(TIMESTAMP);
    if (signature.isPresent() && timestamp.isEmpty()) {
      return new Verification.Missing(TIMESTAMP);
    }
    return Verification.check(
        SIGNATURE,
        signature,
        signature.isPresent()
            && Signatures.same(Signatures.zendesk(secret, timestamp.get(), body), signature.get()));
  }

  @Override
  public String deliveryId(WebhookHeaders headers, byte[] body) {
    return WebhookAdapter.deliveryIdFrom(headers, body, INVOCATION);
  }

  @Override
  public Map<String, Priority> defaultPriorities() {
    return Map.of(
        "urgent", Priority.P1, "high", Priority.P2, "normal", Priority.P3, "low", Priority.P4);
  }

  @Override
  public Map<String, TicketStatus> defaultStatuses() {
    return Map.of(
        "new", TicketStatus.NEW,
        "open", TicketStatus.OPEN,
        "pending", TicketStatus.PENDING,
        "hold", TicketStatus.ON_HOLD,
        "solved", TicketStatus.SOLVED,
        "closed", TicketStatus.CLOSED);
  }

  @Override
  public WebhookResult map(Delivery delivery, JsonNode payload, SourceSettings settings) {
    String type = payload.path("type").asText("");
    if (!type.startsWith(TYPE_PREFIX)) {
      JsonNode ticketEvent =
          payload.path("detail").path("ticket_event").isObject()
              ? payload.path("detail").path("ticket_event")
              : payload.path("input").path("ticket_event");
      if (ticketEvent.isObject()) {
        return ignored(
            "a Zendesk Events Connector / Integration Services event ("
                + ticketEvent.path("type").asText("?")
                + "), not a webhook event: subscribe a webhook to zen:event-type:ticket.*");
      }
      return invalid("type", "must be a Zendesk event type (zen:event-type:…)");
    }
    String kind = type.substring(TYPE_PREFIX.length());
    if (!kind.startsWith("ticket.")) {
      return ignored(type + " is not about a ticket");
    }
    JsonNode detail = payload.path("detail");
    Optional<String> key = Payloads.text(detail, "id");
    if (key.isEmpty()) {
      return invalid("detail.id", "is required");
    }
    Optional<Instant> time = Payloads.instant(payload, "time");
    if (time.isEmpty()) {
      return invalid("time", "must be an ISO-8601 instant");
    }
    TicketId ticket = new TicketId("zendesk:" + settings.source() + ":" + key.get());
    EventId id = new EventId("webhook/zendesk/" + settings.source(), delivery.id());
    JsonNode event = payload.path("event");
    return Payloads.with(
        mapTicketEvent(
            kind, type, payload, detail, event, settings, ticket, id, key.get(), time.get()),
        settings.taggedMilestones(
            tags(detail, event),
            "webhook/zendesk/" + settings.source(),
            ticket,
            key.get(),
            time.get()));
  }

  /**
   * The ticket's tags as the event leaves them: {@code detail.tags} (every ticket event carries the
   * ticket's tags) and, for {@code ticket.tags_changed}, its {@code event.tags_added}, less its
   * {@code event.tags_removed}.
   */
  private static List<String> tags(JsonNode detail, JsonNode event) {
    Set<String> tags = new LinkedHashSet<>(Payloads.tags(detail.path("tags")));
    tags.addAll(Payloads.tags(event.path("tags_added")));
    Payloads.tags(event.path("tags_removed")).forEach(tags::remove);
    return List.copyOf(tags);
  }

  private static WebhookResult mapTicketEvent(
      String kind,
      String type,
      JsonNode payload,
      JsonNode detail,
      JsonNode event,
      SourceSettings settings,
      TicketId ticket,
      EventId id,
      String ticketKey,
      Instant at) {
    return switch (kind) {
      case "ticket.created" -> {
        Instant created = Payloads.instant(detail, "created_at").orElse(at);
        yield events(
            settings.created(
                id,
                ticket,
                created,
                Payloads.text(detail, "priority").flatMap(settings::priority),
                Payloads.text(detail, "status").flatMap(settings::status),
                "zendesk",
                Payloads.text(detail, "requester_id").orElse(""),
                agentUrl(payload, detail, ticketKey)));
      }
      case "ticket.comment_added" -> {
        JsonNode comment = event.path("comment");
        if (!comment.path("author").path("is_staff").isBoolean()) {
          yield invalid("event.comment.author.is_staff", "is required");
        }
        boolean staff = comment.path("author").path("is_staff").asBoolean();
        boolean isPublic = comment.path("is_public").asBoolean(true);
        yield events(
            staff
                ? new TicketEvent.AgentReplied(id, ticket, at, isPublic)
                : new TicketEvent.CustomerReplied(id, ticket, at));
      }
      case "ticket.status_changed" -> {
        String word = event.path("current").asText("");
        yield settings
            .status(word)
            .map(status -> events(new TicketEvent.StatusChanged(id, ticket, at, status)))
            .orElseGet(() -> Payloads.unknownWord("event.current", "statuses", word, settings));
      }
      case "ticket.priority_changed" -> {
        String word = event.path("current").asText("");
        if (word.isBlank()) { // the priority was removed
          yield events(new TicketEvent.PriorityChanged(id, ticket, at, settings.defaultPriority()));
        }
        yield settings
            .priority(word)
            .map(priority -> events(new TicketEvent.PriorityChanged(id, ticket, at, priority)))
            .orElseGet(
                () -> Payloads.unknownWord("event.current", "priority-labels", word, settings));
      }
      default -> ignored(type + " does not touch an SLA clock");
    };
  }

  /**
   * The ticket's page for agents, {@code https://<subdomain>.zendesk.com/agent/tickets/<id>}, when
   * the payload names the account's subdomain ({@code subdomain}) or carries the ticket's API
   * {@code url} on a {@code *.zendesk.com} host (the API URL itself is not the agent's page); empty
   * otherwise (Zendesk's event webhooks carry only the numeric {@code account_id}).
   */
  static Optional<URI> agentUrl(JsonNode payload, JsonNode detail, String id) {
    if (!NUMBER.matcher(id).matches()) {
      return Optional.empty();
    }
    return Payloads.text(payload, "subdomain")
        .or(() -> Payloads.url(detail, "url").flatMap(ZendeskAdapter::subdomain))
        .filter(sub -> SUBDOMAIN.matcher(sub).matches())
        .flatMap(
            sub ->
                TicketUrls.parse(
                    "https://"
                        + sub.toLowerCase(Locale.ROOT)
                        + ".zendesk.com/agent/tickets/"
                        + id));
  }

  private static Optional<String> subdomain(URI api) {
    String host = api.getHost().toLowerCase(Locale.ROOT);
    return host.endsWith(".zendesk.com")
        ? Optional.of(host.substring(0, host.length() - ".zendesk.com".length()))
        : Optional.empty();
  }

  private static final Pattern NUMBER = Pattern.compile("[0-9]{1,20}");
  private static final Pattern SUBDOMAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,62}");
}
