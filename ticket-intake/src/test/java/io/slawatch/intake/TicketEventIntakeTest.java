package io.slawatch.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slawatch.core.ticket.Priority;
import io.slawatch.testinfra.RealInfraTestResource;
import io.slawatch.testinfra.TopicProbe;
import io.slawatch.testinfra.Topics;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class TicketEventIntakeTest {
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

  private static TicketEventBuilder created(String id, String ticket) {
    return TicketEventBuilder.created(ticket)
        .id(id)
        .at("2026-11-24T09:15:00Z")
        .priority(Priority.P1)
        .channel("email");
  }

  @Test
  void an_accepted_ticket_event_is_published_keyed_by_its_ticket() {
    String ticket = "T-" + UUID.randomUUID();
    given()
        .contentType("application/cloudevents+json")
        // the sender's local time with its offset: published as the UTC instant
        .body(created("e-" + ticket, ticket).attribute("time", "2026-11-24T10:15:00+01:00").json())
        .post("/api/v1/events")
        .then()
        .statusCode(202)
        .body("status", equalTo("accepted"))
        .body("id", equalTo("e-" + ticket))
        .body("source", equalTo("helpdesk/test"));

    var records = ticketEvents.await(r -> ticket.equals(r.key()), 1, Duration.ofSeconds(20));
    JsonNode published = Json.tree(records.getFirst().value());
    assertThat(published.at("/type").asText()).isEqualTo("ticket.created");
    assertThat(published.at("/time").asText()).isEqualTo("2026-11-24T09:15:00Z");
  }

  @Test
  void a_duplicate_delivery_is_acknowledged_but_not_published_again() {
    String ticket = "T-" + UUID.randomUUID();
    String body = created("dup-" + ticket, ticket).json();
    given()
        .contentType("application/cloudevents+json")
        .body(body)
        .post("/api/v1/events")
        .then()
        .statusCode(202);
    given()
        .contentType("application/cloudevents+json")
        .body(body)
        .post("/api/v1/events")
        .then()
        .statusCode(200)
        .body("status", equalTo("duplicate"));

    // a later event of the same ticket (same partition) proves the duplicate would have arrived
    String marker = "marker-" + ticket;
    given()
        .contentType("application/cloudevents+json")
        .body(created(marker, ticket).json())
        .post("/api/v1/events")
        .then()
        .statusCode(202);
    var records = ticketEvents.await(r -> ticket.equals(r.key()), 2, Duration.ofSeconds(20));
    assertThat(records).hasSize(2);
    assertThat(Json.tree(records.get(1).value()).at("/id").asText()).isEqualTo(marker);
  }

  @Test
  void a_binary_mode_event_is_read_from_its_ce_headers() {
    String ticket = "T-" + UUID.randomUUID();
    given()
        .contentType("application/json")
        .header("ce-specversion", "1.0")
        .header("ce-id", "bin-" + ticket)
        .header("ce-source", "helpdesk/test")
        .header("ce-type", "ticket.agent_replied")
        .header("ce-subject", ticket)
        .header("ce-time", "2026-11-24T10:20:00Z")
        .body("{\"public\":true}")
        .post("/api/v1/events")
        .then()
        .statusCode(202);

    var records = ticketEvents.await(r -> ticket.equals(r.key()), 1, Duration.ofSeconds(20));
    JsonNode published = Json.tree(records.getFirst().value());
    assertThat(published.at("/type").asText()).isEqualTo("ticket.agent_replied");
    assertThat(published.at("/data/public").isBoolean()).isTrue();
    assertThat(published.at("/data/public").booleanValue()).isTrue();
  }

  @Test
  void a_batch_is_answered_event_by_event_and_only_new_valid_events_are_published() {
    String ticket = "T-" + UUID.randomUUID();
    String first = created("b1-" + ticket, ticket).json();
    String broken =
        "{\"specversion\":\"1.0\",\"id\":\"b2\",\"source\":\"s\",\"type\":\"ticket.created\"}";
    given()
        .contentType("application/cloudevents-batch+json")
        .body("[" + first + "," + broken + "," + first + "]")
        .post("/api/v1/events")
        .then()
        .statusCode(200)
        .body("results.status", contains("accepted", "invalid", "duplicate"))
        .body("results.index", contains(0, 1, 2))
        .body("results[0].id", equalTo("b1-" + ticket))
        .body("results[0].source", equalTo("helpdesk/test"))
        .body("results[1]", not(hasKey("id")))
        .body("results[1].violations.field", hasItems("subject", "time", "data"))
        .body("results[2]", not(hasKey("violations")));

    String marker = "marker-" + ticket;
    given()
        .contentType("application/cloudevents+json")
        .body(created(marker, ticket).json())
        .post("/api/v1/events")
        .then()
        .statusCode(202);
    var records = ticketEvents.await(r -> ticket.equals(r.key()), 2, Duration.ofSeconds(20));
    assertThat(records).hasSize(2);
    assertThat(Json.tree(records.get(1).value()).at("/id").asText()).isEqualTo(marker);
  }

  @Test
  void a_batch_over_a_thousand_events_is_refused_whole() {
    String one = created("x", "T-x").json();
    given()
        .contentType("application/cloudevents-batch+json")
        .body("[" + String.join(",", java.util.Collections.nCopies(1001, one)) + "]")
        .post("/api/v1/events")
        .then()
        .statusCode(400)
        .body("violations[0].message", org.hamcrest.Matchers.containsString("at most 1000"));
  }

  @Test
  void a_body_in_an_unsupported_content_type_gets_a_problem_saying_what_to_send() {
    given()
        .contentType("text/plain")
        .body("hello")
        .post("/api/v1/events")
        .then()
        .statusCode(415)
        .contentType("application/problem+json")
        .body("detail", org.hamcrest.Matchers.containsString("application/cloudevents+json"));
  }

  @Test
  void an_invalid_event_is_rejected_naming_every_offending_field() {
    given()
        .contentType("application/cloudevents+json")
        .body(
            """
            {"specversion":"1.0","source":"helpdesk/test","type":"ticket.created",
             "subject":"T-1","time":"not a time","data":{"priority":"P9"}}
            """)
        .post("/api/v1/events")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body(
            "violations.field", containsInAnyOrder("id", "time", "data.customer", "data.priority"));

    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    assertThat(metrics)
        .containsPattern("slawatch_intake_rejections_total\\{[^}]*reason=\"id\"[^}]*\\} [1-9]");
  }

  @Test
  void accepted_and_duplicate_events_are_counted_by_source_type_and_outcome() {
    String ticket = "T-" + UUID.randomUUID();
    String body = created("m-" + ticket, ticket).json();
    given().contentType("application/cloudevents+json").body(body).post("/api/v1/events");
    given().contentType("application/cloudevents+json").body(body).post("/api/v1/events");

    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    assertThat(metrics)
        .containsPattern(
            "slawatch_intake_events_total\\{[^}]*outcome=\"duplicate\"[^}]*"
                + "source=\"helpdesk/test\"[^}]*type=\"ticket.created\"[^}]*\\} [1-9]")
        .doesNotContain(ticket);
  }
}
