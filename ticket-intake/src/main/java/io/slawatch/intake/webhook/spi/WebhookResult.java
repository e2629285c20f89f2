package io.slawatch.intake.webhook.spi;

import io.slawatch.contract.json.Violation;
import io.slawatch.core.event.TicketEvent;
import java.util.List;

/** What a helpdesk webhook delivery means: canonical events, nothing for SLAs, or a bad payload. */
public sealed interface WebhookResult {
  record Events(List<TicketEvent> events) implements WebhookResult {}

  record Ignored(String reason) implements WebhookResult {}

  record Invalid(List<Violation> violations) implements WebhookResult {}
}
