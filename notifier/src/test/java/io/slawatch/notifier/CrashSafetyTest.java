package io.slawatch.notifier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.slawatch.notifier.escalation.EscalationConfig;
import io.slawatch.testinfra.RealInfraTestResource;
import io.slawatch.testinfra.TopicWriter;
import io.slawatch.testinfra.Topics;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * What a crash could cost, watched on a running step against the real database: each delivery is
 * recorded as soon as it completes (a crash then sends again only what was in flight), and the
 * step's claim is renewed by the heartbeat while it runs, so its short lease never lapses under a
 * live instance (and lapses within seconds under a dead one).
 */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
@QuarkusTestResource(WebhookReceiverResource.class)
class CrashSafetyTest {
  @Inject EscalationConfig config;

  /**
   * The escalation as its history showed it, read at some instant after {@code before} (under load
   * an answer may take seconds: only {@code before} is sure).
   */
  private record Seen(Instant before, String state, int delivered, Optional<Instant> nextStep) {}

  private static String slowBreach(String ticket) {
    return """
        {"specversion":"1.0","id":"%1$s/first_response/1/sla.breached/1.0","source":"/slawatch/sla-timer",
         "type":"sla.breached","subject":"%1$s","time":"%2$s","datacontenttype":"application/json",
         "data":{"ticket":"%1$s","customer":"acme","plan":"slow-gold","priority":"P1",
                 "clock":"first_response","cycle":1,"target":"PT1H","due":"2026-11-24T10:00:00Z",
                 "threshold":1.0}}
        """
        .formatted(ticket, Instant.now());
  }

  private static Optional<Seen> look(String alertId) {
    Instant before = Instant.now();
    var response = given().get("/api/v1/alerts/" + alertId);
    if (response.statusCode() != 200) {
      return Optional.empty(); // not begun yet
    }
    JsonPath history = response.jsonPath();
    String next = history.getString("next_step_at");
    return Optional.of(
        new Seen(
            before,
            history.getString("state"),
            history.getList("history.findAll { it.event == 'delivered' }").size(),
            Optional.ofNullable(next).map(Instant::parse)));
  }

  @Test
  void a_step_outlasting_its_lease_keeps_its_claim_and_records_each_delivery_as_it_completes() {
    assertThat(config.lease()).isEqualTo(Duration.ofSeconds(2));
    String ticket = "SLOW-" + UUID.randomUUID();
    String alertId = ticket + "/first_response/1/sla.breached/1.0";
    try (TopicWriter writer =
        new TopicWriter(
            ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))) {
      writer.send(Topics.SLA_ALERTS, ticket, slowBreach(ticket));
    }

    // the console, then eight Slack messages a second apart: a step of more than seven seconds
    List<Seen> seen = new CopyOnWriteArrayList<>();
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              Optional<Seen> now = look(alertId);
              now.ifPresent(seen::add);
              return now.map(s -> s.state().equals("done")).orElse(false);
            });

    List<Map<String, Object>> delivered =
        given()
            .get("/api/v1/alerts/" + alertId)
            .then()
            .extract()
            .jsonPath()
            .getList("history.findAll { it.event == 'delivered' }");
    Instant started = Instant.parse((String) delivered.getFirst().get("at"));
    List<Seen> running = seen.stream().filter(s -> s.state().equals("active")).toList();
    assertThat(running)
        .as("deliveries recorded one by one while their step still runs, not with its batch")
        .anySatisfy(s -> assertThat(s.delivered()).isBetween(1, 8));
    assertThat(running)
        .as("the step was seen running more than a lease after its first delivery")
        .anySatisfy(
            s -> assertThat(s.before()).isAfter(started.plus(config.lease()).plusMillis(300)));
    assertThat(running)
        .as("while the step runs its claim reaches past now: no round of any instance may take it")
        .allSatisfy(
            s ->
                assertThat(s.nextStep())
                    .hasValueSatisfying(next -> assertThat(next).isAfter(s.before())));

    assertThat(delivered)
        .extracting(d -> d.get("target"))
        .containsExactly(
            "console", "slack-1", "slack-2", "slack-3", "slack-4", "slack-5", "slack-6", "slack-7",
            "slack-8");
    assertThat(
            WebhookReceiverResource.slack.received().stream()
                .filter(r -> r.body().contains(ticket)))
        .as("each Slack target notified once: the step ran once")
        .hasSize(8);
  }
}
