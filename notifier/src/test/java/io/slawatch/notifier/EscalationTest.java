package io.slawatch.notifier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.slawatch.notifier.ack.AckLinks;
import io.slawatch.testinfra.RealInfraTestResource;
import io.slawatch.testinfra.TopicWriter;
import io.slawatch.testinfra.Topics;
import io.slawatch.testinfra.WebhookReceiver;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The test policy file (src/test/resources/policies.yaml) escalates plans named {@code esc-*} from
 * the console (level 1) to the webhook (level 2) two seconds later, unless someone acknowledges the
 * alert or its clock is met first.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
@QuarkusTestResource(WebhookReceiverResource.class)
class EscalationTest {
  @Inject AckLinks links;
  private TopicWriter writer;

  @BeforeEach
  void open() {
    writer =
        new TopicWriter(
            ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
  }

  @AfterEach
  void close() {
    writer.close();
  }

  private static String alert(String ticket, String type, String suffix) {
    return """
        {"specversion":"1.0","id":"%1$s/first_response/1/%2$s%3$s","source":"/slawatch/sla-timer",
         "type":"%2$s","subject":"%1$s","time":"%4$s","datacontenttype":"application/json",
         "data":{"ticket":"%1$s","customer":"acme","plan":"esc-gold","priority":"P1",
                 "clock":"first_response","cycle":1,"target":"PT1H","due":"2026-11-24T10:00:00Z"%5$s}}
        """
        .formatted(
            ticket,
            type,
            suffix,
            Instant.now(),
            switch (type) {
              case "sla.met" -> ",\"met_at\":\"2026-11-24T09:30:00Z\"";
              case "sla.warning" -> ",\"threshold\":0.75";
              default -> ",\"threshold\":1.0";
            });
  }

  private static String breachId(String ticket) {
    return ticket + "/first_response/1/sla.breached/1.0";
  }

  private static JsonPath history(String alertId) {
    return given().get("/api/v1/alerts/" + alertId).then().statusCode(200).extract().jsonPath();
  }

  private static List<Map<String, Object>> delivered(String alertId) {
    return history(alertId).getList("history.findAll { it.event == 'delivered' }");
  }

  private static boolean reachedWebhook(WebhookReceiver.Request request, String ticket) {
    return request.body().contains("\"subject\":\"" + ticket + "\"")
        && request.body().contains("\"type\":\"sla.breached\"");
  }

  @Test
  void nobody_acknowledges_so_the_second_level_is_notified_after_the_wait() {
    String ticket = "ESC-" + UUID.randomUUID();
    writer.send(Topics.SLA_ALERTS, ticket, alert(ticket, "sla.breached", "/1.0"));

    WebhookReceiverResource.receiver.await(
        r -> reachedWebhook(r, ticket), 1, Duration.ofSeconds(30));
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(history(breachId(ticket)).getString("state")).isEqualTo("done"));
    List<Map<String, Object>> delivered = delivered(breachId(ticket));
    assertThat(delivered).extracting(d -> d.get("target")).containsExactly("console", "webhook");
    assertThat(delivered).extracting(d -> d.get("level")).containsExactly(1, 2);
    Instant first = Instant.parse((String) delivered.get(0).get("at"));
    Instant second = Instant.parse((String) delivered.get(1).get("at"));
    assertThat(Duration.between(first, second)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    assertThat(history(breachId(ticket)).getInt("level_reached")).isEqualTo(2);
  }

  @Test
  void an_acknowledgement_stops_the_escalation_before_the_next_level() {
    String ticket = "ESC-" + UUID.randomUUID();
    writer.send(Topics.SLA_ALERTS, ticket, alert(ticket, "sla.breached", "/1.0"));
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .ignoreExceptions()
        .until(() -> delivered(breachId(ticket)).size() == 1);

    given()
        .post("/api/v1/alerts/" + breachId(ticket) + "/ack")
        .then()
        .statusCode(200)
        .body("state", equalTo("acknowledged"));

    Awaitility.await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(4))
        .until(
            () ->
                WebhookReceiverResource.receiver.received().stream()
                    .noneMatch(r -> reachedWebhook(r, ticket)));
    assertThat(history(breachId(ticket)).getString("state")).isEqualTo("acknowledged");
    given()
        .post("/api/v1/alerts/" + breachId(ticket) + "/ack")
        .then()
        .statusCode(200)
        .body("state", equalTo("already over"));
  }

  @Test
  void a_signed_link_acknowledges_its_alert_and_a_forged_one_is_refused() {
    String ticket = "ESC-" + UUID.randomUUID();
    writer.send(Topics.SLA_ALERTS, ticket, alert(ticket, "sla.breached", "/1.0"));
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .ignoreExceptions()
        .until(() -> delivered(breachId(ticket)).size() == 1);

    URI link = links.forAlert(breachId(ticket)).orElseThrow();
    assertThat(link.toString()).startsWith("http://localhost:8083/api/v1/alerts/");
    String pathAndQuery = link.getRawPath() + "?" + link.getRawQuery();
    given()
        .urlEncodingEnabled(false)
        .get(pathAndQuery.replaceAll("sig=.", "sig=X"))
        .then()
        .statusCode(403)
        .body("detail", equalTo("the link's signature does not match"));
    given()
        .urlEncodingEnabled(false)
        .get(pathAndQuery)
        .then()
        .statusCode(200)
        .body("state", equalTo("acknowledged"))
        .body("by", equalTo("link"));
  }

  @Test
  void the_clock_met_resolves_the_warning_escalation() {
    String ticket = "ESC-" + UUID.randomUUID();
    String warning = ticket + "/first_response/1/sla.warning/0.75";
    writer.send(Topics.SLA_ALERTS, ticket, alert(ticket, "sla.warning", "/0.75"));
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .ignoreExceptions()
        .until(() -> delivered(warning).size() == 1);

    writer.send(Topics.SLA_ALERTS, ticket, alert(ticket, "sla.met", ""));
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(() -> history(warning).getString("state").equals("resolved"));
    assertThat(history(warning).getList("history.event")).contains("resolved");
    assertThat(delivered(warning)).hasSize(1);
  }

  @Test
  void an_alert_nobody_heard_of_is_not_found() {
    given()
        .get("/api/v1/alerts/nope/first_response/1/sla.breached")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
