package io.slawatch.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

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

  private static String created(String id, String ticket) {
    return """
        {"specversion":"1.0","id":"%s","source":"helpdesk/test","type":"ticket.created",
         "subject":"%s","time":"2026-11-24T10:15:00+01:00",
         "data":{"customer":"acme","priority":"P1","channel":"email"}}
        """
        .formatted(id, ticket);
  }

  @Test
  void an_accepted_ticket_event_is_published_keyed_by_its_ticket() {
    String ticket = "T-" + UUID.randomUUID();
    given()
        .contentType("application/cloudevents+json")
        .body(created("e-" + ticket, ticket))
        .post("/api/v1/events")
        .then()
        .statusCode(202)
        .body("status", equalTo("accepted"));

    var records = ticketEvents.await(r -> ticket.equals(r.key()), 1, Duration.ofSeconds(20));
    assertThat(records.getFirst().value())
        .contains("\"type\":\"ticket.created\"")
        .contains("\"time\":\"2026-11-24T09:15:00Z\"");
  }

  @Test
  void a_duplicate_delivery_is_acknowledged_but_not_published_again() {
    String ticket = "T-" + UUID.randomUUID();
    String body = created("dup-" + ticket, ticket);
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
        .body(created(marker, ticket))
        .post("/api/v1/events")
        .then()
        .statusCode(202);
    var records = ticketEvents.await(r -> ticket.equals(r.key()), 2, Duration.ofSeconds(20));
    assertThat(records).hasSize(2);
    assertThat(records.get(1).value()).contains(marker);
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
    assertThat(records.getFirst().value())
        .contains("\"type\":\"ticket.agent_replied\"")
        .contains("\"public\":true");
  }

  @Test
  void a_batch_is_answered_event_by_event_and_only_new_valid_events_are_published() {
    String ticket = "T-" + UUID.randomUUID();
    String first = created("b1-" + ticket, ticket);
    String broken =
        "{\"specversion\":\"1.0\",\"id\":\"b2\",\"source\":\"s\",\"type\":\"ticket.created\"}";
    given()
        .contentType("application/cloudevents-batch+json")
        .body("[" + first + "," + broken + "," + first + "]")
        .post("/api/v1/events")
        .then()
        .statusCode(200)
        .body("results.status", contains("accepted", "invalid", "duplicate"))
        .body("results[1].violations.field", hasItems("subject", "time", "data"));

    String marker = "marker-" + ticket;
    given()
        .contentType("application/cloudevents+json")
        .body(created(marker, ticket))
        .post("/api/v1/events")
        .then()
        .statusCode(202);
    var records = ticketEvents.await(r -> ticket.equals(r.key()), 2, Duration.ofSeconds(20));
    assertThat(records).hasSize(2);
    assertThat(records.get(1).value()).contains(marker);
  }

  @Test
  void a_batch_over_a_thousand_events_is_refused_whole() {
    String one = created("x", "T-x");
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
    String body = created("m-" + ticket, ticket);
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
