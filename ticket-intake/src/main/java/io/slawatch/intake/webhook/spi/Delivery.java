package io.slawatch.intake.webhook.spi;

import java.time.Instant;

/**
 * One webhook request as an adapter sees it: its delivery id (the vendor's, or a digest of the
 * body), when slawatch received it (for payloads that carry no time of their own) and its headers.
 */
public record Delivery(String id, Instant receivedAt, WebhookHeaders headers) {}
