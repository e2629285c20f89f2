package io.slawatch.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slawatch.core.ticket.Priority;
import io.slawatch.testinfra.RealInfraTestResource;
import io.slawatch.testinfra.TopicProbe;
import io.slawatch.testinfra.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

  private JsonNode created(String customer, String channel, String requester) {
    return created(customer, channel, requester, "2026-11-24T10:00:00Z");
  }

  /** A new P1 ticket sent to intake, as published on ticket.events.v1. */
  private JsonNode created(String customer, String channel, String requester, String time) {
    String ticket = "T-" + UUID.randomUUID();
    given()
        .contentType("application/cloudevents+json")
        .body(
            TicketEventBuilder.created(ticket)
                .customer(customer)
                .priority(Priority.P1)
                .channel(channel)
                .requester(requester)
                .at(time)
                .json())
        .post("/api/v1/events")
        .then()
        .statusCode(202);
    return Json.tree(
        ticketEvents
            .await(r -> ticket.equals(r.key()), 1, Duration.ofSeconds(20))
            .getFirst()
            .value());
  }

  /** The field is nowhere in the published event (neither an attribute nor in its data). */
  private static void assertAbsent(JsonNode event, String field) {
    assertThat(event.findValue(field)).as("%s in %s", field, event).isNull();
  }

  private static void assertFlags(JsonNode event, String... flags) {
    assertThat(event.at("/data/flags").isArray()).as("data.flags in %s", event).isTrue();
    List<String> found = new ArrayList<>();
    event.at("/data/flags").forEach(flag -> found.add(flag.asText()));
    assertThat(found).containsExactly(flags);
  }

  @Test
  void a_jamf_ticket_from_a_contact_who_is_not_premium_gets_standard_treatment_and_a_flag() {
    String customer = "c-" + UUID.randomUUID();
    customer(customer, "jamf-gold");

    JsonNode notPremium = created(customer, "email", "bob@acme.example");
    assertThat(notPremium.at("/data/plan").asText()).isEqualTo("jamf-standard");
    assertFlags(notPremium, "not_premium_contact");
    JsonNode premium = created(customer, "email", "ana@acme.example");
    assertAbsent(premium, "plan");
    assertAbsent(premium, "flags");
  }

  @Test
  void a_ticket_through_a_channel_the_plan_does_not_include_is_published_with_a_flag() {
    String customer = "c-" + UUID.randomUUID();
    customer(customer, "opswat-silver");

    JsonNode phoned = created(customer, "phone", "bob@acme.example");
    assertFlags(phoned, "channel_not_entitled");
    assertAbsent(phoned, "plan");
  }

  @Test
  void an_emerald_us_chat_raised_before_the_customers_chat_hours_is_published_with_a_flag() {
    String customer = "c-" + UUID.randomUUID();
    customer(customer, "opswat-emerald-us", "America/New_York");

    // 10:00Z is 05:00 in New York, before the 08:00-21:00 live chat; 14:00Z is 09:00
    assertFlags(
        created(customer, "chat", "bob@acme.example", "2026-11-24T10:00:00Z"),
        "outside_channel_hours");
    assertAbsent(created(customer, "chat", "bob@acme.example", "2026-11-24T14:00:00Z"), "flags");
  }

  @Test
  void an_on_site_ticket_on_eurolinux_standard_is_entitled() {
    String customer = "c-" + UUID.randomUUID();
    customer(customer, "eurolinux-standard");

    assertAbsent(created(customer, "onsite", "bob@acme.example"), "flags");
  }
}
