package io.slawatch.notifier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
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
 * the console (level 1) to the webhook (level 2) two seconds later, unless someone acknowledges or
 * snoozes the alert or its clock closes first.
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
              case "sla.ended" ->
                  ",\"reason\":\"met_late\",\"met_at\":\"2026-11-24T11:10:00Z\",\"elapsed\":\"PT2H10M\"";
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
    // what an ended escalation lacks is left out, not null
    assertThat(history(breachId(ticket)).getMap("$"))
        .containsKeys("alert", "policy", "state", "level_reached", "history")
        .doesNotContainKeys("next_step_at", "acknowledged_by", "snoozed_until");
    assertThat(delivered.get(0))
        .containsKeys("at", "event", "target", "channel", "level", "attempts")
        .doesNotContainKey("detail");
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
  void opening_the_signed_link_only_asks_and_posting_its_form_acknowledges() {
    String ticket = "ESC-" + UUID.randomUUID();
    writer.send(Topics.SLA_ALERTS, ticket, lifecycle(ticket, "sla.breached", "/1.0"));
    nextLevelAt(breachId(ticket));

    URI link = links.forAlert(breachId(ticket)).orElseThrow();
    assertThat(link.toString()).startsWith("http://localhost:8083/api/v1/alerts/");
    String pathAndQuery = link.getRawPath() + "?" + link.getRawQuery();

    // a mail scanner (or a person) opens the link: a page with a form, nothing acknowledged
    String page =
        given()
            .urlEncodingEnabled(false)
            .get(pathAndQuery)
            .then()
            .statusCode(200)
            .contentType(containsString("text/html"))
            .extract()
            .asString();
    assertThat(page).contains("<form method=\"post\"").contains(breachId(ticket));
    assertThat(history(breachId(ticket)).getString("state")).isEqualTo("active");
    assertThat(history(breachId(ticket)).getList("history.event")).doesNotContain("acknowledged");

    // a forged signature is refused, also when posted
    given()
        .urlEncodingEnabled(false)
        .post(forged(pathAndQuery))
        .then()
        .statusCode(403)
        .body("detail", equalTo("the link's signature does not match"));
    assertThat(history(breachId(ticket)).getString("state")).isEqualTo("active");

    // the form posts the link back: that acknowledges
    given()
        .urlEncodingEnabled(false)
        .post(pathAndQuery)
        .then()
        .statusCode(200)
        .body("state", equalTo("acknowledged"))
        .body("by", equalTo("link"));
    assertThat(history(breachId(ticket)).getString("state")).isEqualTo("acknowledged");
  }

  /** The alert on the {@code lifecycle} policy: console, 5 s later the webhook, two rounds. */
  private static String lifecycle(String ticket, String type, String suffix) {
    return alert(ticket, type, suffix).replace("\"plan\":\"esc-gold\"", "\"plan\":\"life-gold\"");
  }

  /** When the alert's next level is due, once its first level was delivered. */
  private static Instant nextLevelAt(String alertId) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> !delivered(alertId).isEmpty());
    JsonPath history = history(alertId);
    assertThat(history.getInt("level_reached")).as("still at the first level").isEqualTo(1);
    return Instant.parse(history.getString("next_step_at"));
  }

  @Test
  void after_the_clock_ended_late_no_further_level_reaches_the_webhook() {
    String ticket = "ESC-" + UUID.randomUUID();
    String warning = ticket + "/first_response/1/sla.warning/0.75";
    String ended = ticket + "/first_response/1/sla.ended";
    writer.send(Topics.SLA_ALERTS, ticket, lifecycle(ticket, "sla.warning", "/0.75"));
    writer.send(Topics.SLA_ALERTS, ticket, lifecycle(ticket, "sla.breached", "/1.0"));
    Instant levelTwo = nextLevelAt(breachId(ticket));
    nextLevelAt(warning);

    writer.send(Topics.SLA_ALERTS, ticket, lifecycle(ticket, "sla.ended", ""));

    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(
            () ->
                history(breachId(ticket)).getString("state").equals("resolved")
                    && history(warning).getString("state").equals("resolved"));
    assertThat(Instant.now()).as("the end came before level 2 was due").isBefore(levelTwo);
    assertThat(history(breachId(ticket)).getList("history.detail", String.class))
        .contains("the clock ended (met_late): " + ended);
    // level 2 (the webhook) was due 5 s after level 1, a second round after it: neither comes
    Awaitility.await()
        .during(Duration.between(Instant.now(), levelTwo.plusSeconds(3)))
        .atMost(Duration.between(Instant.now(), levelTwo.plusSeconds(5)))
        .until(
            () ->
                WebhookReceiverResource.receiver.received().stream()
                    .noneMatch(r -> r.body().contains("\"subject\":\"" + ticket + "\"")));
    assertThat(history(breachId(ticket)).getInt("level_reached")).isEqualTo(1);
    assertThat(history(warning).getInt("level_reached")).isEqualTo(1);
    // the end itself is audited and told to the target the clock's alerts reached (the console)
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(() -> history(ended).getString("state").equals("done"));
    assertThat(delivered(ended)).extracting(d -> d.get("target")).containsExactly("console");
  }

  @Test
  void a_snooze_holds_the_next_level_and_bad_durations_are_refused_by_field() {
    String ticket = "ESC-" + UUID.randomUUID();
    writer.send(Topics.SLA_ALERTS, ticket, lifecycle(ticket, "sla.breached", "/1.0"));
    Instant levelTwo = nextLevelAt(breachId(ticket));

    Instant before = Instant.now();
    given()
        .contentType("application/json")
        .body("{\"duration\":\"PT30S\"}")
        .post("/api/v1/alerts/" + breachId(ticket) + "/snooze")
        .then()
        .statusCode(200)
        .body("state", equalTo("snoozed"))
        .body("for", equalTo("PT30S"));
    assertThat(before).as("snoozed before level 2 was due").isBefore(levelTwo);

    // level 2 was due 5 s after level 1; snoozed, it waits past that
    Awaitility.await()
        .during(Duration.between(Instant.now(), levelTwo.plusSeconds(3)))
        .atMost(Duration.between(Instant.now(), levelTwo.plusSeconds(5)))
        .until(
            () ->
                WebhookReceiverResource.receiver.received().stream()
                    .noneMatch(r -> reachedWebhook(r, ticket)));
    JsonPath history = history(breachId(ticket));
    assertThat(history.getString("state")).isEqualTo("active");
    assertThat(history.getInt("level_reached")).isEqualTo(1);
    assertThat(Instant.parse(history.getString("next_step_at")))
        .isAfterOrEqualTo(before.plusSeconds(30));
    assertThat(history.getList("history.event")).contains("snoozed");

    given()
        .post("/api/v1/alerts/" + breachId(ticket) + "/snooze?for=P2D")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations[0].field", equalTo("for"))
        .body("detail", containsString("at most PT24H"));
    given()
        .contentType("application/json")
        .body("{\"duration\":\"half an hour\"}")
        .post("/api/v1/alerts/" + breachId(ticket) + "/snooze")
        .then()
        .statusCode(400)
        .body("violations[0].field", equalTo("duration"));
    given()
        .post("/api/v1/alerts/nope/first_response/1/sla.breached/snooze?for=PT5M")
        .then()
        .statusCode(404);
  }

  @Test
  void an_emerald_us_alert_nobody_eligible_can_take_is_counted_and_reaches_the_fallback() {
    String ticket = "US-" + UUID.randomUUID();
    String unknownCustomer = "no-flag-" + UUID.randomUUID();
    writer.send(
        Topics.SLA_ALERTS,
        ticket,
        alert(ticket, "sla.breached", "/1.0")
            .replace("\"plan\":\"esc-gold\"", "\"plan\":\"opswat-emerald-us\"")
            .replace("\"customer\":\"acme\"", "\"customer\":\"" + unknownCustomer + "\""));

    WebhookReceiverResource.receiver.await(
        r -> reachedWebhook(r, ticket), 1, Duration.ofSeconds(30));
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(() -> delivered(breachId(ticket)).size() == 1);
    JsonPath history = history(breachId(ticket));
    assertThat(delivered(breachId(ticket)))
        .extracting(d -> d.get("target"))
        .containsExactly("us-webhook");
    assertThat(history.getList("history.findAll { it.event == 'skipped' }.target"))
        .containsExactly("console");
    assertThat(history.getList("history.findAll { it.event == 'unroutable' }.detail", String.class))
        .singleElement()
        .asString()
        .contains("us_persons_only")
        .contains("us-webhook");
    assertThat(given().get("/q/metrics").then().extract().asString())
        .containsPattern(
            "slawatch_notifier_unroutable_total\\{[^}]*policy=\"us-only\"[^}]*reason=\"us_persons_only\"[^}]*\\} [1-9]")
        .doesNotContain("slawatch_alerts_unrouted");
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

  /** The link with the first character of its signature changed (to one it surely is not). */
  static String forged(String pathAndQuery) {
    int at = pathAndQuery.indexOf("sig=") + 4;
    char first = pathAndQuery.charAt(at);
    return pathAndQuery.substring(0, at)
        + (first == 'X' ? 'Y' : 'X')
        + pathAndQuery.substring(at + 1);
  }
}
