package io.slawatch.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

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
  }
}
