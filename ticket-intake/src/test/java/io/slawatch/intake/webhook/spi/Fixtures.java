package io.slawatch.intake.webhook.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slawatch.core.event.EventId;
import io.slawatch.core.ticket.TicketId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The vendors' real payloads (see each folder's SOURCES.md) and settings for adapter tests. */
public final class Fixtures {
  public static final ObjectMapper MAPPER = new ObjectMapper();
  public static final Instant RECEIVED = Instant.parse("2026-03-02T09:00:00Z");

  private Fixtures() {}

  public static byte[] bytes(String vendor, String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/webhook/" + vendor + "/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + vendor + "/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode json(String vendor, String name) {
    try {
      return MAPPER.readTree(bytes(vendor, name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A source of customer {@code acme} on plan {@code jamf-gold}, default priority P3. */
  public static SourceSettings settings(WebhookAdapter adapter, String source) {
    return settings(adapter, source, Map.of(), Map.of());
  }

  public static SourceSettings settings(
      WebhookAdapter adapter,
      String source,
      Map<String, String> priorities,
      Map<String, String> statuses) {
    return SourceSettings.resolve(
        adapter, source, "acme", Optional.of("jamf-gold"), "P3", priorities, statuses);
  }

  /**
   * A source of customer {@code acme} on plan {@code opswat-gold} whose tags mark milestones
   * ({@code milestone-tags.<tag>=<milestone>}).
   */
  public static SourceSettings milestoneTags(
      WebhookAdapter adapter, String source, Map<String, String> milestoneTags) {
    return SourceSettings.resolve(
        adapter,
        source,
        "acme",
        Optional.of("opswat-gold"),
        "P3",
        Map.of(),
        Map.of(),
        Map.of(),
        milestoneTags);
  }

  public static Delivery delivery(String id, String... headers) {
    return new Delivery(id, RECEIVED, WebhookHeaders.of(headers));
  }

  public static EventId id(String vendor, String source, String id) {
    return new EventId("webhook/" + vendor + "/" + source, id);
  }

  public static TicketId ticket(String value) {
    return new TicketId(value);
  }

  public static WebhookResult events(io.slawatch.core.event.TicketEvent... events) {
    return new WebhookResult.Events(List.of(events));
  }
}
