package io.slawatch.intake.webhook.freshdesk;

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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Freshdesk automation-rule webhooks. Freshdesk has no fixed payload: the admin writes the JSON
 * body with placeholders; slawatch reads the one Zulip documents ({@code {"freshdesk_webhook":
 * {"triggered_event": "{{triggered_event}}", "ticket_id": "{{ticket.id}}", "ticket_status":
 * "{{ticket.status}}", "ticket_priority": "{{ticket.priority}}", "requester_email":
 * "{{ticket.requester.email}}", …}}}). {@code triggered_event} says what happened: {@code
 * {ticket_action:created}}, {@code {status:{from:4,to:6}}}, {@code {priority:{from:3,to:1}}},
 * {@code {note_type:public|private}}. Notes are agents' (Freshdesk's requesters can only reply):
 * public → an agent's public reply, private → a private note. A rule performed by the requester can
 * add {@code "performer": "requester"} to its body: its delivery is then the customer writing. A
 * body that also carries the ticket's tags ({@code "ticket_tags": "{{ticket.tags}}"}, comma
 * separated, or a {@code tags} array) marks the milestones the source maps them to ({@code
 * milestone-labels.<tag>}), once per ticket (id {@code milestone/<ticket id>/<name>}): Freshdesk
 * sends the ticket's tags, not what was added, so every later delivery carrying the tag is a
 * duplicate.
 *
 * <p>The payload carries no time: events happen when slawatch received the delivery. Freshdesk does
 * not sign: a source's secret is a shared token in {@code X-Slawatch-Token} (a custom header of the
 * rule) or the password of HTTP basic authentication. No delivery id either: the body's digest is
 * the event id.
 */
@ApplicationScoped
public class FreshdeskAdapter implements WebhookAdapter {
  public static final String TOKEN = "X-Slawatch-Token";
  public static final String AUTHORIZATION = "Authorization";
  private static final Pattern EVENT =
      Pattern.compile("^\\{?\\s*([a-z_]+)\\s*:\\s*(.*?)\\s*}?$", Pattern.DOTALL);
  private static final Pattern FROM_TO =
      Pattern.compile("\\{?\\s*from\\s*:\\s*([^,}]*)\\s*,\\s*to\\s*:\\s*([^,}]*)\\s*}?");

  @Override
  public String vendor() {
    return "freshdesk";
  }

  @Override
  public Verification verify(WebhookHeaders headers, String secret, byte[] body) {
    Optional<String> token = headers.get(TOKEN);
    if (token.isPresent()) {
      return Verification.check(TOKEN, token, Signatures.same(secret, token.get()));
    }
    Optional<String> authorization =
        headers.get(AUTHORIZATION).filter(v -> v.regionMatches(true, 0, "Basic ", 0, 6));
    if (authorization.isPresent()) {
      return Verification.check(
          AUTHORIZATION, authorization, Signatures.same(secret, password(authorization.get())));
    }
    return new Verification.Missing(TOKEN);
  }

  private static String password(String basic) {
    try {
      String decoded =
          new String(Base64.getDecoder().decode(basic.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? "" : decoded.substring(colon + 1);
    } catch (IllegalArgumentException notBase64) {
      return "";
    }
  }

  @Override
  public String deliveryId(WebhookHeaders headers, byte[] body) {
    return WebhookAdapter.deliveryIdFrom(headers, body);
  }

  @Override
  public Map<String, Priority> defaultPriorities() {
    return Map.of(
        "4", Priority.P1,
        "urgent", Priority.P1,
        "3", Priority.P2,
        "high", Priority.P2,
        "2", Priority.P3,
        "medium", Priority.P3,
        "1", Priority.P4,
        "low", Priority.P4);
  }

  @Override
  public Map<String, TicketStatus> defaultStatuses() {
    Map<String, TicketStatus> statuses = new HashMap<>();
    statuses.put("2", TicketStatus.OPEN);
    statuses.put("open", TicketStatus.OPEN);
    statuses.put("3", TicketStatus.PENDING);
    statuses.put("pending", TicketStatus.PENDING);
    statuses.put("4", TicketStatus.SOLVED);
    statuses.put("resolved", TicketStatus.SOLVED);
    statuses.put("5", TicketStatus.CLOSED);
    statuses.put("closed", TicketStatus.CLOSED);
    statuses.put("6", TicketStatus.PENDING);
    statuses.put("waiting-on-customer", TicketStatus.PENDING);
    statuses.put("7", TicketStatus.ON_HOLD);
    statuses.put("waiting-on-third-party", TicketStatus.ON_HOLD);
    return Map.copyOf(statuses);
  }

  @Override
  public WebhookResult map(Delivery delivery, JsonNode payload, SourceSettings settings) {
    JsonNode hook = payload.path("freshdesk_webhook");
    if (!hook.isObject()) {
      return invalid("freshdesk_webhook", "is required");
    }
    Optional<String> key = Payloads.text(hook, "ticket_id");
    if (key.isEmpty()) {
      return invalid("freshdesk_webhook.ticket_id", "is required");
    }
    String triggered = hook.path("triggered_event").asText("").trim();
    Matcher event = EVENT.matcher(triggered);
    if (!event.matches()) {
      return invalid(
          "freshdesk_webhook.triggered_event", "must be Freshdesk's {{triggered_event}}");
    }
    String kind = event.group(1).toLowerCase(Locale.ROOT);
    String value = event.group(2).trim();
    TicketId ticket = new TicketId("freshdesk:" + settings.source() + ":" + key.get());
    EventId id = new EventId("webhook/freshdesk/" + settings.source(), delivery.id());
    var at = delivery.receivedAt();
    boolean byRequester =
        Payloads.text(hook, "performer")
            .map(p -> p.equalsIgnoreCase("requester") || p.equalsIgnoreCase("customer"))
            .orElse(false);
    // the body carries the ticket's tags (not what was added) when the rule adds them
    List<String> tags =
        Payloads.tags(hook.has("ticket_tags") ? hook.path("ticket_tags") : hook.path("tags"));
    return Payloads.with(
        mapEvent(kind, value, triggered, hook, settings, ticket, id, at, byRequester),
        settings.taggedMilestones(
            tags, "webhook/freshdesk/" + settings.source(), ticket, key.get(), at));
  }

  private static WebhookResult mapEvent(
      String kind,
      String value,
      String triggered,
      JsonNode hook,
      SourceSettings settings,
      TicketId ticket,
      EventId id,
      Instant at,
      boolean byRequester) {
    return switch (kind) {
      case "ticket_action" ->
          value.equalsIgnoreCase("created")
              ? events(
                  settings.created(
                      id,
                      ticket,
                      at,
                      Payloads.text(hook, "ticket_priority").flatMap(settings::priority),
                      Payloads.text(hook, "ticket_status").flatMap(settings::status),
                      "freshdesk",
                      Payloads.text(hook, "requester_email")
                          .or(() -> Payloads.text(hook, "requester_name"))
                          .orElse(""),
                      Payloads.url(hook, "ticket_url")))
              : ignored("ticket_action " + value + " does not touch an SLA clock");
      case "status" -> {
        String to = to(value).orElse(hook.path("ticket_status").asText(""));
        yield settings
            .status(to)
            .map(status -> events(new TicketEvent.StatusChanged(id, ticket, at, status)))
            .orElseGet(
                () ->
                    Payloads.unknownWord(
                        "freshdesk_webhook.triggered_event", "statuses", to, settings));
      }
      case "priority" -> {
        String to = to(value).orElse(hook.path("ticket_priority").asText(""));
        yield settings
            .priority(to)
            .map(priority -> events(new TicketEvent.PriorityChanged(id, ticket, at, priority)))
            .orElseGet(
                () ->
                    Payloads.unknownWord(
                        "freshdesk_webhook.triggered_event", "priority-labels", to, settings));
      }
      case "note_type" ->
          byRequester
              ? events(new TicketEvent.CustomerReplied(id, ticket, at))
              : events(
                  new TicketEvent.AgentReplied(id, ticket, at, !value.equalsIgnoreCase("private")));
      default ->
          byRequester
              ? events(new TicketEvent.CustomerReplied(id, ticket, at))
              : ignored(triggered + " does not touch an SLA clock");
    };
  }

  /** The {@code to} of {@code {from:4,to:6}}. */
  private static Optional<String> to(String change) {
    Matcher matcher = FROM_TO.matcher(change);
    return matcher.matches() ? Optional.of(matcher.group(2).trim()) : Optional.empty();
  }
}
