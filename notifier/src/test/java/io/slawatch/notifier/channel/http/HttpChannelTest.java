package io.slawatch.notifier.channel.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.slawatch.notifier.channel.Notification;
import io.slawatch.notifier.testdata.AnAlert;
import io.slawatch.testinfra.WebhookReceiver;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The skeleton of the HTTP channels against a real local endpoint. */
class HttpChannelTest {
  private static final String TRACEPARENT =
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  private final Vertx vertx = Vertx.vertx();
  private final WebhookReceiver receiver = WebhookReceiver.start();
  private final JsonPoster poster =
      new JsonPoster(
          new HttpSettings(
              Duration.ofSeconds(2),
              2,
              Duration.ofMillis(20),
              4,
              new HttpSettings.Breaker(20, 1.0, Duration.ofSeconds(10), 1),
              Map.of()),
          vertx,
          new SimpleMeterRegistry());

  @AfterEach
  void close() {
    receiver.close();
    vertx.closeAndAwait();
  }

  /** A channel as small as one can be: its name and its request. */
  private HttpChannel channel(Function<Notification, HttpRequest> request) {
    return new HttpChannel(poster) {
      @Override
      public String name() {
        return "test";
      }

      @Override
      public boolean enabled() {
        return true;
      }

      @Override
      protected HttpRequest request(Notification notification) {
        return request.apply(notification);
      }
    };
  }

  private static Notification notification() {
    return new Notification(
        AnAlert.breach().build(),
        "{}",
        "target",
        Optional.empty(),
        Locale.ENGLISH,
        1,
        Optional.empty(),
        Optional.of(TRACEPARENT));
  }

  @Test
  void the_channels_request_is_posted_with_its_headers_and_the_trace_context() {
    HttpChannel channel =
        channel(
            n ->
                new HttpRequest(
                    receiver.url(),
                    "application/x-test",
                    Map.of("X-Test", n.alert().id()),
                    "{\"ticket\":\"" + n.alert().ticket().value() + "\"}"));

    int attempts = channel.deliver(notification()).await().atMost(Duration.ofSeconds(10));

    assertThat(attempts).isEqualTo(1);
    WebhookReceiver.Request request = receiver.received().getFirst();
    assertThat(request.path()).isEqualTo("/hooks/sla");
    assertThat(request.header("Content-Type")).isEqualTo("application/x-test");
    assertThat(request.header("X-Test")).isEqualTo(notification().alert().id());
    assertThat(request.header("traceparent")).isEqualTo(TRACEPARENT);
    assertThat(request.body()).isEqualTo("{\"ticket\":\"T-1\"}");
  }

  @Test
  void a_request_that_cannot_be_built_fails_the_delivery_and_sends_nothing() {
    HttpChannel channel =
        channel(
            n -> {
              throw new IllegalArgumentException("the secret must be base64");
            });

    Uni<Integer> delivery = channel.deliver(notification());

    assertThatThrownBy(() -> delivery.await().atMost(Duration.ofSeconds(10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the secret must be base64");
    assertThat(receiver.hits()).isZero();
  }
}
