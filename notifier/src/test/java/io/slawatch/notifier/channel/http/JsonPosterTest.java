package io.slawatch.notifier.channel.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.slawatch.testinfra.WebhookReceiver;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP channels' delivery against a real local endpoint: retries, breaker, pacing. */
class JsonPosterTest {
  private final Vertx vertx = Vertx.vertx();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final WebhookReceiver receiver = WebhookReceiver.start();
  private final WebhookReceiver other = WebhookReceiver.start();

  @AfterEach
  void close() {
    receiver.close();
    other.close();
    vertx.closeAndAwait();
  }

  @Test
  void a_failing_answer_is_retried_until_it_goes_through() {
    JsonPoster poster = poster(5, 10, Duration.ofSeconds(30), Map.of());
    receiver.failNext(2);

    assertThat(post(poster, "webhook", receiver)).isEqualTo(3);
    assertThat(receiver.hits()).isEqualTo(3);
    assertThat(receiver.received()).hasSize(1);
  }

  @Test
  void a_dead_destination_opens_its_breaker_and_is_not_called_until_the_delay_passed() {
    JsonPoster poster = poster(1, 4, Duration.ofMillis(500), Map.of());
    receiver.failNext(1_000);

    List<Throwable> failures = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      try {
        post(poster, "slack", receiver);
      } catch (RuntimeException e) {
        failures.add(e);
      }
    }

    assertThat(failures).hasSize(10);
    assertThat(receiver.hits()).as("calls before the breaker opened").isEqualTo(4);
    assertThat(failures.subList(4, 10)).allMatch(e -> e instanceof CircuitBreakerOpenException);
    assertThat(registry.counter("slawatch.notifier.circuit.rejected", "channel", "slack").count())
        .isEqualTo(6);
    assertThat(
            registry.get("slawatch.notifier.circuit.open").tag("channel", "slack").gauge().value())
        .isEqualTo(1);

    // another destination is not affected
    assertThat(post(poster, "teams", other)).isEqualTo(1);

    // the endpoint recovers: once the delay passed, a trial request goes through and closes it
    receiver.failNext(0);
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptions()
        .until(() -> post(poster, "slack", receiver) == 1);
    assertThat(receiver.received()).hasSize(1);
    assertThat(
            registry.get("slawatch.notifier.circuit.open").tag("channel", "slack").gauge().value())
        .isZero();
  }

  @Test
  void requests_to_a_paced_destination_are_spaced_and_none_is_dropped() {
    Duration interval = Duration.ofMillis(200);
    JsonPoster poster = poster(1, 10, Duration.ofSeconds(30), Map.of("slack", interval));
    // a first request to the endpoint (connection, client and server warming up) takes longer to
    // arrive than the next: it would shorten the first gap measured, not the pacing
    post(poster, "warm-up", receiver);

    List<Uni<Integer>> all = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      all.add(
          poster.post("slack", receiver.url(), "application/json", Map.of(), "{\"n\":" + i + "}"));
    }
    Uni.join().all(all).andFailFast().await().atMost(Duration.ofSeconds(10));
    // an unpaced destination is called at once
    for (int i = 0; i < 5; i++) {
      post(poster, "webhook", other);
    }

    assertThat(receiver.arrivals()).hasSize(6);
    List<Long> arrivals = receiver.arrivals().subList(1, 6);
    // requests leave one interval apart; how long each takes to arrive varies (a loaded machine
    // delays one by tens of milliseconds, shortening the next gap): every gap is well above zero
    // (unpaced requests arrive together) and the n-th arrives at least n intervals after the first
    for (int i = 1; i < arrivals.size(); i++) {
      assertThat(Duration.ofNanos(arrivals.get(i) - arrivals.get(i - 1)))
          .as("gap before request %d", i)
          .isGreaterThanOrEqualTo(interval.dividedBy(2));
      assertThat(Duration.ofNanos(arrivals.get(i) - arrivals.get(0)))
          .as("request %d after the first", i)
          .isGreaterThanOrEqualTo(interval.multipliedBy(i).minus(interval.dividedBy(2)));
    }
    assertThat(other.hits()).isEqualTo(5);
  }

  @Test
  void without_a_destination_it_fails_after_its_attempts() {
    JsonPoster poster = poster(2, 10, Duration.ofSeconds(30), Map.of());
    assertThatThrownBy(
            () ->
                poster
                    .post("webhook", "http://127.0.0.1:1/none", "application/json", Map.of(), "{}")
                    .await()
                    .atMost(Duration.ofSeconds(10)))
        .isInstanceOf(RuntimeException.class);
  }

  private static int post(JsonPoster poster, String channel, WebhookReceiver to) {
    return poster
        .post(channel, to.url(), "application/json", Map.of(), "{\"ticket\":\"T-1\"}")
        .await()
        .atMost(Duration.ofSeconds(20));
  }

  private JsonPoster poster(
      int attempts, int volume, Duration delay, Map<String, Duration> intervals) {
    HttpSettings http =
        new HttpSettings(
            Duration.ofSeconds(2),
            attempts,
            Duration.ofMillis(20),
            8,
            new HttpSettings.Breaker(volume, 0.5, delay, 1),
            intervals);
    return new JsonPoster(http, vertx, registry);
  }
}
