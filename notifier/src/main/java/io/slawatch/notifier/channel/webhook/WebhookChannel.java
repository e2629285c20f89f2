package io.slawatch.notifier.channel.webhook;

import io.slawatch.notifier.channel.GroupNotification;
import io.slawatch.notifier.channel.Notification;
import io.slawatch.notifier.channel.http.HttpChannel;
import io.slawatch.notifier.channel.http.HttpRequest;
import io.slawatch.notifier.channel.http.JsonPoster;
import io.slawatch.notifier.config.NotifierConfig;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * POSTs each alert to a configured URL as a structured CloudEvent, with an {@code Idempotency-Key}
 * header (the alert id, {@link HeaderValues percent-encoded} where it is not visible ASCII) so a
 * receiver can drop the rare repeat after a crash, and, when {@code
 * slawatch.notifier.webhook.secret} is set, signed per Standard Webhooks ({@code webhook-id} = the
 * alert id, {@code webhook-timestamp}, {@code webhook-signature}). With {@code
 * slawatch.notifier.webhook.batch}, a group of alerts is one {@code
 * application/cloudevents-batch+json} request keyed by the group's id.
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
  public boolean groups() {
    return config.batch();
  }

  @Override
  protected HttpRequest request(Notification notification) {
    return signed(
        notification.alert().id(), "application/cloudevents+json", notification.cloudEvent());
  }

  /**
   * A group as one CloudEvents batch (a JSON array of the members' events as received), keyed and
   * signed by the group's id.
   */
  @Override
  protected HttpRequest groupRequest(GroupNotification group) {
    String batch =
        group.members().stream()
            .map(Notification::cloudEvent)
            .map(String::strip)
            .collect(Collectors.joining(",", "[", "]"));
    return signed(group.id(), "application/cloudevents-batch+json", batch);
  }

  private HttpRequest signed(String id, String contentType, String cloudEvent) {
    Map<String, String> headers = new LinkedHashMap<>();
    String key = HeaderValues.of(id);
    headers.put("Idempotency-Key", key);
    config
        .secret()
        .filter(secret -> !secret.isBlank())
        .ifPresent(
            secret ->
                headers.putAll(
                    StandardWebhooks.headers(
                        secret, key, clock.instant().getEpochSecond(), cloudEvent)));
    return new HttpRequest(config.url().orElseThrow(), contentType, headers, cloudEvent);
  }
}
