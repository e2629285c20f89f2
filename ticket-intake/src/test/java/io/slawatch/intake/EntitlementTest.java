package io.slawatch.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

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

/** New tickets checked against the customer's plan at intake, and flagged on the wire. */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class EntitlementTest {
  private TopicProbe ticketEvents;

  @BeforeEach
  void open() {
    ticketEvents =
        TopicProbe.atEnd(
            ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
            Topics.TICKET_EVENTS);
  }

  @AfterEach
  void close() {
    ticketEvents.close();
  }

  private static void customer(String id, String plan) {
    customer(id, plan, "Europe/Paris");
  }

  private static void customer(String id, String plan, String zone) {
    given()
        .contentType("application/json")
        .body(
            """
            {"id":"%s","name":"Acme","plan":"%s","zone":"%s","language":"fr",
             "premium_contacts":["ana@acme.example"]}
            """
                .formatted(id, plan, zone))
        .post("/api/v1/customers")
        .then()
        .statusCode(201);
  }

  private String created(String customer, String channel, String requester) {
    return created(customer, channel, requester, "2026-11-24T10:00:00Z");
  }

  private String created(String customer, String channel, String requester, String time) {
    String ticket = "T-" + UUID.randomUUID();
    given()
        .contentType("application/cloudevents+json")
        .body(
            """
            {"specversion":"1.0","id":"c-%s","source":"helpdesk/test","type":"ticket.created",
             "subject":"%s","time":"%s",
             "data":{"customer":"%s","priority":"P1","channel":"%s","requester":"%s"}}
            """
                .formatted(ticket, ticket, time, customer, channel, requester))
        .post("/api/v1/events")
        .then()
        .statusCode(202);
    return ticketEvents
        .await(r -> ticket.equals(r.key()), 1, Duration.ofSeconds(20))
        .getFirst()
        .value();
  }

  @Test
  void a_jamf_ticket_from_a_contact_who_is_not_premium_gets_standard_treatment_and_a_flag() {
    String customer = "c-" + UUID.randomUUID();
    customer(customer, "jamf-gold");

    assertThat(created(customer, "email", "bob@acme.example"))
        .contains("\"plan\":\"jamf-standard\"")
        .contains("\"flags\":[\"not_premium_contact\"]");
    assertThat(created(customer, "email", "ana@acme.example"))
        .doesNotContain("\"plan\"")
        .doesNotContain("flags");
  }

  @Test
  void a_ticket_through_a_channel_the_plan_does_not_include_is_published_with_a_flag() {
    String customer = "c-" + UUID.randomUUID();
    customer(customer, "opswat-silver");

    assertThat(created(customer, "phone", "bob@acme.example"))
        .contains("\"flags\":[\"channel_not_entitled\"]")
        .doesNotContain("\"plan\"");
  }

  @Test
  void an_emerald_us_chat_raised_before_the_customers_chat_hours_is_published_with_a_flag() {
    String customer = "c-" + UUID.randomUUID();
    customer(customer, "opswat-emerald-us", "America/New_York");

    // 10:00Z is 05:00 in New York, before the 08:00-21:00 live chat; 14:00Z is 09:00
    assertThat(created(customer, "chat", "bob@acme.example", "2026-11-24T10:00:00Z"))
        .contains("\"flags\":[\"outside_channel_hours\"]");
    assertThat(created(customer, "chat", "bob@acme.example", "2026-11-24T14:00:00Z"))
        .doesNotContain("flags");
  }

  @Test
  void an_on_site_ticket_on_eurolinux_standard_is_entitled() {
    String customer = "c-" + UUID.randomUUID();
    customer(customer, "eurolinux-standard");

    assertThat(created(customer, "onsite", "bob@acme.example")).doesNotContain("flags");
  }
}
