package io.slawatch.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slawatch.testinfra.RealInfraTestResource;
import io.slawatch.testinfra.TopicProbe;
import io.slawatch.testinfra.Topics;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Engagement events (Jamf's services policy) through the events API: stored, deduplicated and
 * published on {@code ticket.events.v1} keyed by the engagement id; a remote booking that is not
 * whole 4-hour blocks is refused naming {@code data.duration}, the engagement's kind taken from its
 * purchase (accepted before, or in the same batch).
 */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class EngagementIntakeTest {
  private static final String EVENTS = "/api/v1/events";
  private static final String STRUCTURED = "application/cloudevents+json";
  private static final String BATCH = "application/cloudevents-batch+json";

  private TopicProbe ticketEvents;

  @BeforeEach
  void openProbe() {
    ticketEvents =
        TopicProbe.atEnd(
            ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
            Topics.TICKET_EVENTS);
  }

  @AfterEach
  void closeProbe() {
    ticketEvents.close();
  }

  private static String event(String id, String engagement, String type, String data) {
    return """
        {"specversion":"1.0","id":"%s","source":"services/test","type":"%s","subject":"%s",
         "time":"2026-11-24T10:00:00Z","data":%s}
        """
        .formatted(id, type, engagement, data);
  }

  private static String purchased(String engagement, String kind) {
    return event(
        "p-" + engagement,
        engagement,
        "engagement.purchased",
        """
        {"customer":"acme","kind":"%s","hours":8,"purchased_at":"2026-11-24T10:00:00Z"}"""
            .formatted(kind));
  }

  private static String scheduled(String id, String engagement, String duration) {
    return event(
        id,
        engagement,
        "engagement.scheduled",
        "{\"start\":\"2026-12-03T14:00:00Z\",\"duration\":\"" + duration + "\"}");
  }

  @Test
  void an_engagement_event_is_published_keyed_by_its_engagement_and_a_redelivery_is_not() {
    String engagement = "E-" + UUID.randomUUID();
    given()
        .contentType(STRUCTURED)
        .body(purchased(engagement, "remote"))
        .post(EVENTS)
        .then()
        .statusCode(202)
        .body("status", equalTo("accepted"));
    given()
        .contentType(STRUCTURED)
        .body(purchased(engagement, "remote"))
        .post(EVENTS)
        .then()
        .statusCode(200)
        .body("status", equalTo("duplicate"));
    given()
        .contentType(STRUCTURED)
        .body(scheduled("s-" + engagement, engagement, "PT8H"))
        .post(EVENTS)
        .then()
        .statusCode(202);

    var records = ticketEvents.await(r -> engagement.equals(r.key()), 2, Duration.ofSeconds(20));
    assertThat(records).hasSize(2);
    JsonNode purchase = Json.tree(records.getFirst().value());
    assertThat(purchase.at("/type").asText()).isEqualTo("engagement.purchased");
    assertThat(purchase.at("/data/kind").asText()).isEqualTo("remote");
    assertThat(Json.tree(records.get(1).value()).at("/type").asText())
        .isEqualTo("engagement.scheduled");
  }

  @Test
  void a_remote_booking_not_in_whole_four_hour_blocks_is_refused_naming_data_duration() {
    String engagement = "E-" + UUID.randomUUID();
    given().contentType(STRUCTURED).body(purchased(engagement, "remote")).post(EVENTS);

    given()
        .contentType(STRUCTURED)
        .body(scheduled("s-" + engagement, engagement, "PT6H"))
        .post(EVENTS)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations.field", contains("data.duration"));

    // the same six hours on site are fine: the rule is the remote engagements'
    String onSite = "E-" + UUID.randomUUID();
    given().contentType(STRUCTURED).body(purchased(onSite, "on_site")).post(EVENTS);
    given()
        .contentType(STRUCTURED)
        .body(scheduled("s-" + onSite, onSite, "PT6H"))
        .post(EVENTS)
        .then()
        .statusCode(202);
    // the refused booking was never published: the on-site one, later, was
    ticketEvents.await(r -> onSite.equals(r.key()), 2, Duration.ofSeconds(20));
    assertThat(ticketEvents.seen())
        .filteredOn(r -> engagement.equals(r.key()))
        .extracting(r -> Json.tree(r.value()).at("/type").asText())
        .containsExactly("engagement.purchased");
  }

  @Test
  void a_batch_takes_the_kind_from_a_purchase_in_the_same_batch() {
    String engagement = "E-" + UUID.randomUUID();
    String body =
        "["
            + purchased(engagement, "remote")
            + ","
            + scheduled("s1-" + engagement, engagement, "PT2H")
            + ","
            + scheduled("s2-" + engagement, engagement, "PT4H")
            + "]";
    given()
        .contentType(BATCH)
        .body(body)
        .post(EVENTS)
        .then()
        .statusCode(200)
        .body("results.status", contains("accepted", "invalid", "accepted"))
        .body("results[1].violations.field", contains("data.duration"));
  }

  @Test
  void a_booking_of_any_kind_longer_than_a_week_is_refused() {
    String engagement = "E-" + UUID.randomUUID();
    given()
        .contentType(STRUCTURED)
        .body(scheduled("s-" + engagement, engagement, "PT200H"))
        .post(EVENTS)
        .then()
        .statusCode(400)
        .body("violations.field", contains("data.duration"));
  }
}
