package io.slawatch.notifier.channel.webhook;

import io.slawatch.core.alert.SlaAlert;
import io.slawatch.notifier.channel.AlertChannel;
import io.slawatch.notifier.channel.Notification;
import io.slawatch.notifier.channel.http.JsonPoster;
import io.slawatch.notifier.config.NotifierConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * POSTs each alert to a configured URL as a structured CloudEvent, with an {@code Idempotency-Key}
 * header (the alert id, {@link HeaderValues percent-encoded} where it is not visible ASCII) so a
 * receiver can drop the rare repeat after a crash, and, when {@code
 * slawatch.notifier.webhook.secret} is set, signed per Standard Webhooks ({@code webhook-id} = the
 * alert id, {@code webhook-timestamp}, {@code webhook-signature}).
 */
@ApplicationScoped
public class WebhookChannel implements AlertChannel {
  private final NotifierConfig.Webhook config;
  private final JsonPoster poster;

  private final java.time.Clock clock;

  WebhookChannel(NotifierConfig config, JsonPoster poster, java.time.Clock clock) {
    this.config = config.webhook();
    this.poster = poster;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "webhook";
  }

  @Override
  public boolean enabled() {
    return config.url().filter(url -> !url.isBlank()).isPresent();
  }

  @Override
  public Uni<Integer> deliver(Notification notification) {
    SlaAlert alert = notification.alert();
    String cloudEvent = notification.cloudEvent();
    Map<String, String> headers = new java.util.LinkedHashMap<>();
    String key = HeaderValues.of(alert.id());
    headers.put("Idempotency-Key", key);
    config
        .secret()
        .filter(secret -> !secret.isBlank())
        .ifPresent(
            secret ->
                headers.putAll(
                    StandardWebhooks.headers(
                        secret, key, clock.instant().getEpochSecond(), cloudEvent)));
    return poster.post(
        name(),
        config.url().orElseThrow(),
        "application/cloudevents+json",
        notification.traced(headers),
        cloudEvent);
  }
}
