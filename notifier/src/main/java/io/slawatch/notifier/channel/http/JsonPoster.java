package io.slawatch.notifier.channel.http;

import io.slawatch.notifier.config.NotifierConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * POSTs a body to a URL, retrying errors and non-2xx answers with exponential backoff and jitter;
 * the item is the number of attempts it took. URLs may hold secrets: they are never logged.
 */
@ApplicationScoped
public class JsonPoster {
  private final NotifierConfig.Http config;
  private final WebClient client;

  JsonPoster(NotifierConfig config, Vertx vertx) {
    this.config = config.http();
    this.client =
        WebClient.create(
            vertx, new WebClientOptions(new JsonObject()).setUserAgent("slawatch-notifier"));
  }

  public Uni<Integer> post(
      String url, String contentType, Map<String, String> headers, String body) {
    AtomicInteger attempts = new AtomicInteger();
    return Uni.createFrom()
        .deferred(
            () -> {
              attempts.incrementAndGet();
              var request =
                  client
                      .postAbs(url)
                      .timeout(config.timeout().toMillis())
                      .putHeader("Content-Type", contentType);
              headers.forEach(request::putHeader);
              return request
                  .sendBuffer(Buffer.buffer(body))
                  .map(
                      response -> {
                        if (response.statusCode() / 100 != 2) {
                          throw new IllegalStateException(
                              "answered " + response.statusCode() + " " + response.statusMessage());
                        }
                        return attempts.get();
                      });
            })
        .onFailure()
        .retry()
        .withBackOff(config.initialBackoff())
        .withJitter(0.3)
        .atMost(Math.max(0, config.maxAttempts() - 1));
  }
}
