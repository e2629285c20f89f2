package io.slawatch.intake.webhook.spi;

import com.fasterxml.jackson.databind.JsonNode;
import io.slawatch.core.ticket.Priority;
import io.slawatch.core.ticket.TicketStatus;
import java.util.Map;

/**
 * One helpdesk vendor's webhooks: how its deliveries are authenticated and identified, and what
 * they mean as canonical ticket events. {@link #map} is pure (no I/O, no clock): everything it
 * needs is in the delivery, the payload and the source's settings.
 */
public interface WebhookAdapter {
  /** The vendor's name in the URL and the configuration ({@code zendesk}, {@code jira}…). */
  String vendor();

  /** Checks the delivery's signature or token against the source's secret. */
  Verification verify(WebhookHeaders headers, String secret, byte[] body);

  /**
   * The id that makes a redelivery a duplicate: the vendor's delivery header, or else the SHA-256
   * digest of the body.
   */
  String deliveryId(WebhookHeaders headers, byte[] body);

  /** What the delivery means for SLA clocks. */
  WebhookResult map(Delivery delivery, JsonNode payload, SourceSettings settings);

  /**
   * The vendor's priority words ({@link SourceSettings#word} keys); the configuration overrides.
   */
  Map<String, Priority> defaultPriorities();

  /** The vendor's status words ({@link SourceSettings#word} keys); the configuration overrides. */
  Map<String, TicketStatus> defaultStatuses();

  /** The first present header of {@code names}, else the body's digest. */
  static String deliveryIdFrom(WebhookHeaders headers, byte[] body, String... names) {
    for (String name : names) {
      var value = headers.get(name);
      if (value.isPresent()) {
        return value.get();
      }
    }
    return Signatures.sha256(body);
  }
}
