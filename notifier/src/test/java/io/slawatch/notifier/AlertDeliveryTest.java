package io.slawatch.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slawatch.testinfra.RealInfraTestResource;
import io.slawatch.testinfra.TopicProbe;
import io.slawatch.testinfra.TopicWriter;
import io.slawatch.testinfra.Topics;
import io.slawatch.testinfra.WebhookReceiver;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
@QuarkusTestResource(WebhookReceiverResource.class)
class AlertDeliveryTest {
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

  private static String breach(String ticket) {
    return """
        {"specversion":"1.0","id":"%1$s/first_response/1/sla.breached/1.0","source":"/slawatch/sla-timer",
         "type":"sla.breached","subject":"%1$s","time":"2026-11-24T10:00:00Z",
         "datacontenttype":"application/json",
         "data":{"ticket":"%1$s","customer":"acme","plan":"jamf-gold","priority":"P1",
                 "clock":"first_response","cycle":1,"target":"PT1H","due":"2026-11-24T10:00:00Z",
                 "threshold":1.0}}
        """
        .formatted(ticket);
  }

  private static boolean about(WebhookReceiver.Request request, String ticket) {
    return request.body().contains("\"subject\":\"" + ticket + "\"");
  }

  @Test
  void a_breach_reaches_the_webhook_as_a_cloudevent_with_an_idempotency_key() throws Exception {
    String ticket = "T-" + UUID.randomUUID();
    writer.send(Topics.SLA_ALERTS, ticket, breach(ticket));

    var calls =
        WebhookReceiverResource.receiver.await(r -> about(r, ticket), 1, Duration.ofSeconds(20));
    var call = calls.getFirst();
    assertThat(call.header("Content-Type")).isEqualTo("application/cloudevents+json");
    assertThat(call.header("Idempotency-Key"))
        .isEqualTo(ticket + "/first_response/1/sla.breached/1.0");
    // signed per Standard Webhooks: a receiver holding the secret verifies it
    assertThat(call.header("webhook-id")).isEqualTo(call.header("Idempotency-Key"));
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(
        new javax.crypto.spec.SecretKeySpec(
            "a test signing key".getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
    String signed =
        call.header("webhook-id") + "." + call.header("webhook-timestamp") + "." + call.body();
    assertThat(call.header("webhook-signature"))
        .isEqualTo(
            "v1,"
                + java.util.Base64.getEncoder()
                    .encodeToString(
                        mac.doFinal(signed.getBytes(java.nio.charset.StandardCharsets.UTF_8))));

    String metrics =
        io.restassured.RestAssured.given()
            .get("/q/metrics")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(metrics)
        .containsPattern(
            "slawatch_notifications_total\\{[^}]*channel=\"webhook\"[^}]*outcome=\"delivered\"[^}]*\\} [1-9]")
        .contains("slawatch_notification_delivery_seconds_bucket")
        .doesNotContain(ticket);
  }

  @Test
  void an_alert_fired_twice_is_delivered_once() {
    String ticket = "T-" + UUID.randomUUID();
    String marker = "T-" + UUID.randomUUID();
    writer.send(Topics.SLA_ALERTS, ticket, breach(ticket));
    writer.send(Topics.SLA_ALERTS, ticket, breach(ticket)); // a re-fire after a crash
    writer.send(Topics.SLA_ALERTS, ticket, breach(marker)); // same partition, after both

    WebhookReceiverResource.receiver.await(r -> about(r, marker), 1, Duration.ofSeconds(20));
    assertThat(WebhookReceiverResource.receiver.received())
        .filteredOn(r -> about(r, ticket))
        .hasSize(1);
  }

  @Test
  void records_that_are_no_alerts_are_dead_lettered_counted_and_the_next_alert_is_delivered() {
    String ticket = "T-" + UUID.randomUUID();
    double skippedBefore = skippedRecords();
    try (TopicProbe deadLetters =
        TopicProbe.atEnd(
            ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
            Topics.SLA_ALERTS_DLQ)) {
      writer.send(Topics.SLA_ALERTS, ticket, null); // a tombstone
      writer.send(Topics.SLA_ALERTS, ticket, "not json");
      writer.send(Topics.SLA_ALERTS, ticket, "{\"type\":\"sla.breached\"}");
      writer.send(Topics.SLA_ALERTS, ticket, breach(ticket)); // same partition, after them

      WebhookReceiverResource.receiver.await(r -> about(r, ticket), 1, Duration.ofSeconds(20));
      assertThat(skippedRecords() - skippedBefore).isGreaterThanOrEqualTo(3);
      var dead = deadLetters.await(r -> ticket.equals(r.key()), 3, Duration.ofSeconds(20));
      assertThat(dead)
          .extracting(ConsumerRecord::value)
          .containsExactly(null, "not json", "{\"type\":\"sla.breached\"}");
      assertThat(dead)
          .allSatisfy(
              r -> {
                assertThat(new String(r.headers().lastHeader("dead-letter-reason").value()))
                    .isNotBlank();
                assertThat(new String(r.headers().lastHeader("dead-letter-topic").value()))
                    .isEqualTo(Topics.SLA_ALERTS);
              });
      assertThat(new String(dead.getFirst().headers().lastHeader("dead-letter-reason").value()))
          .contains("tombstone");
    }
  }

  /** {@code slawatch_notifier_failures_total{stage="alert_record"}}. */
  private static double skippedRecords() {
    String metrics =
        io.restassured.RestAssured.given()
            .get("/q/metrics")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    java.util.regex.Matcher value =
        java.util.regex.Pattern.compile(
                "(?m)^slawatch_notifier_failures_total\\{[^}]*stage=\"alert_record\"[^}]*\\} (\\S+)$")
            .matcher(metrics);
    assertThat(value.find()).as("the counter is exposed").isTrue();
    return Double.parseDouble(value.group(1));
  }

  @Test
  void a_webhook_that_fails_for_a_while_still_gets_the_alert() {
    String ticket = "T-" + UUID.randomUUID();
    WebhookReceiverResource.receiver.failNext(2);
    writer.send(Topics.SLA_ALERTS, ticket, breach(ticket));

    assertThat(
            WebhookReceiverResource.receiver.await(
                r -> about(r, ticket), 1, Duration.ofSeconds(20)))
        .hasSize(1);
  }

  @Test
  void a_webhook_that_keeps_failing_sends_the_alert_to_the_dead_letter_topic() {
    String ticket = "T-" + UUID.randomUUID();
    try (TopicProbe deadLetters =
        TopicProbe.atEnd(
            ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
            Topics.SLA_ALERTS_DLQ)) {
      WebhookReceiverResource.receiver.failNext(5); // every attempt the channel makes
      writer.send(Topics.SLA_ALERTS, ticket, breach(ticket));

      var dead = deadLetters.await(r -> ticket.equals(r.key()), 1, Duration.ofSeconds(30));
      var record = dead.getFirst();
      assertThat(record.value()).contains("\"subject\":\"" + ticket + "\"");
      assertThat(new String(record.headers().lastHeader("dead-letter-target").value()))
          .isEqualTo("webhook");
      assertThat(new String(record.headers().lastHeader("dead-letter-reason").value()))
          .contains("503");
      // the outcome and its audit are recorded just after the dead letter went out
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  io.restassured.RestAssured.given()
                      .get("/api/v1/alerts/" + ticket + "/first_response/1/sla.breached/1.0")
                      .then()
                      .statusCode(200)
                      .body(
                          "history.findAll { it.event == 'failed' }.target",
                          org.hamcrest.Matchers.hasItem("webhook")));
      assertThat(io.restassured.RestAssured.given().get("/q/metrics").then().extract().asString())
          .containsPattern(
              "slawatch_notifications_dead_lettered_total\\{[^}]*channel=\"webhook\"[^}]*\\} [1-9]");
    }
  }
}
