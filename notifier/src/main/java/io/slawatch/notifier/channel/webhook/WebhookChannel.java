package io.slawatch.notifier.channel.webhook;

import io.slawatch.core.alert.SlaAlert;
import io.slawatch.notifier.channel.AlertChannel;
import io.slawatch.notifier.config.NotifierConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * POSTs each alert to a configured URL as a structured CloudEvent, with an {@code Idempotency-Key}
 * header (the alert id) so a receiver can drop the rare repeat after a crash. Retries with backoff
 * on errors and non-2xx answers.
 */
@ApplicationScoped
public class WebhookChannel implements AlertChannel {
  private final NotifierConfig.Webhook config;
  private final WebClient client;

  WebhookChannel(NotifierConfig config, Vertx vertx) {
    this.config = config.webhook();
    this.client =
        WebClient.create(
            vertx, new WebClientOptions(new JsonObject()).setUserAgent("slawatch-notifier"));
  }

  @Override
  public String name() {
    return "webhook";
  }

  @Override
  public boolean enabled() {
    return config.url().isPresent();
  }

  @Override
  public Uni<Integer> deliver(SlaAlert alert, String cloudEvent) {
    AtomicInteger attempts = new AtomicInteger();
    return Uni.createFrom()
        .deferred(
            () -> {
              attempts.incrementAndGet();
              return client
                  .postAbs(config.url().orElseThrow())
                  .timeout(config.timeout().toMillis())
                  .putHeader("Content-Type", "application/cloudevents+json")
                  .putHeader("Idempotency-Key", alert.id())
                  .sendBuffer(Buffer.buffer(cloudEvent))
                  .map(
                      response -> {
                        if (response.statusCode() / 100 != 2) {
                          throw new IllegalStateException(
                              "webhook answered " + response.statusCode());
                        }
                        return attempts.get();
                      });
            })
        .onFailure()
        .retry()
        .withBackOff(config.initialBackoff())
        .atMost(Math.max(0, config.maxAttempts() - 1));
  }
}
