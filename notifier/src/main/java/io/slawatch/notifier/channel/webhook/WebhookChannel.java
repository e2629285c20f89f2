package io.slawatch.notifier.channel.webhook;

import io.slawatch.notifier.channel.Notification;
import io.slawatch.notifier.channel.http.HttpChannel;
import io.slawatch.notifier.channel.http.HttpRequest;
import io.slawatch.notifier.channel.http.JsonPoster;
import io.slawatch.notifier.config.NotifierConfig;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * POSTs each alert to a configured URL as a structured CloudEvent, with an {@code Idempotency-Key}
 * header (the alert id, {@link HeaderValues percent-encoded} where it is not visible ASCII) so a
 * receiver can drop the rare repeat after a crash, and, when {@code
 * slawatch.notifier.webhook.secret} is set, signed per Standard Webhooks ({@code webhook-id} = the
 * alert id, {@code webhook-timestamp}, {@code webhook-signature}).
 */
@Singleton
public class WebhookChannel extends HttpChannel {
  private final NotifierConfig.Webhook config;

  private final Clock clock;

  WebhookChannel(NotifierConfig config, JsonPoster poster, Clock clock) {
    super(poster);
    this.config = config.webhook();
    this.clock = clock;
  }

  @Override
  public String name() {
    return "webhook";
  }

  @Override
  public boolean enabled() {
    return configured(config.url());
  }

  @Override
  protected HttpRequest request(Notification notification) {
    String cloudEvent = notification.cloudEvent();
    Map<String, String> headers = new LinkedHashMap<>();
    String key = HeaderValues.of(notification.alert().id());
    headers.put("Idempotency-Key", key);
    config
        .secret()
        .filter(secret -> !secret.isBlank())
        .ifPresent(
            secret ->
                headers.putAll(
                    StandardWebhooks.headers(
                        secret, key, clock.instant().getEpochSecond(), cloudEvent)));
    return new HttpRequest(
        config.url().orElseThrow(), "application/cloudevents+json", headers, cloudEvent);
  }
}
