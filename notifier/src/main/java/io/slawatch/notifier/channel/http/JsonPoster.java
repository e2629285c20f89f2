package io.slawatch.notifier.channel.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.slawatch.notifier.config.NotifierConfig;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * POSTs a body to a channel's destination. Each destination (channel) has a pacer that spaces its
 * requests (Slack and PagerDuty rate-limit webhooks) and a circuit breaker that, once most recent
 * attempts failed, fails further attempts at once instead of waiting on a dead endpoint. Errors and
 * non-2xx answers are retried with exponential backoff and jitter; the item is the number of
 * attempts it took. URLs may hold secrets: they are never logged.
 */
@ApplicationScoped
public class JsonPoster {
  private static final Logger LOG = Logger.getLogger(JsonPoster.class);

  private final NotifierConfig.Http config;
  private final WebClient client;
  private final MeterRegistry registry;
  private final Map<String, Destination> destinations = new ConcurrentHashMap<>();

  @Inject
  JsonPoster(NotifierConfig config, Vertx vertx, MeterRegistry registry) {
    this(config.http(), vertx, registry);
  }

  /** For tests: the HTTP settings alone. */
  public JsonPoster(NotifierConfig.Http config, Vertx vertx, MeterRegistry registry) {
    this.config = config;
    this.registry = registry;
    this.client =
        WebClient.create(
            vertx,
            new WebClientOptions(new JsonObject())
                .setUserAgent("slawatch-notifier")
                .setMaxPoolSize(config.poolSize()));
  }

  /** Posts {@code body} to {@code url} on behalf of {@code channel}. */
  public Uni<Integer> post(
      String channel, String url, String contentType, Map<String, String> headers, String body) {
    Destination destination = destinations.computeIfAbsent(channel, this::destination);
    AtomicInteger attempts = new AtomicInteger();
    return Uni.createFrom()
        .deferred(
            () -> {
              attempts.incrementAndGet();
              return destination.guard.get(
                  () ->
                      destination.pacer.turn().chain(() -> send(url, contentType, headers, body)));
            })
        .map(ignored -> attempts.get())
        .onFailure()
        .retry()
        .withBackOff(config.initialBackoff())
        .withJitter(0.3)
        .atMost(Math.max(0, config.maxAttempts() - 1));
  }

  private Uni<Integer> send(
      String url, String contentType, Map<String, String> headers, String body) {
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
              return response.statusCode();
            });
  }

  private Destination destination(String channel) {
    NotifierConfig.Breaker breaker = config.breaker();
    var prevented = registry.counter("slawatch.notifier.circuit.rejected", "channel", channel);
    AtomicInteger open = new AtomicInteger();
    registry.gauge("slawatch.notifier.circuit.open", Tags.of("channel", channel), open);
    TypedGuard<Uni<Integer>> guard =
        TypedGuard.create(new TypeLiteral<Uni<Integer>>() {})
            .withDescription("notifier channel " + channel)
            .withCircuitBreaker()
            .requestVolumeThreshold(breaker.requestVolume())
            .failureRatio(breaker.failureRatio())
            .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
            .successThreshold(breaker.successThreshold())
            .onPrevented(prevented::increment)
            .onStateChange(
                state -> {
                  open.set(state == CircuitBreakerState.CLOSED ? 0 : 1);
                  LOG.warnf("channel %s: circuit breaker %s", channel, state);
                })
            .done()
            .build();
    Duration interval = config.minInterval().getOrDefault(channel, Duration.ZERO);
    return new Destination(guard, new Pacer(interval));
  }

  private record Destination(TypedGuard<Uni<Integer>> guard, Pacer pacer) {}
}
