package io.slawatch.timer;

import static io.restassured.RestAssured.given;
import static io.slawatch.timer.ApiTokens.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slawatch.testinfra.RealInfraTestResource;
import io.slawatch.testinfra.TopicProbe;
import io.slawatch.testinfra.TopicWriter;
import io.slawatch.testinfra.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class TimerApiTest {
  private TopicProbe alerts;
  private TopicWriter writer;

  @BeforeEach
  void open() {
    String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    alerts = TopicProbe.atEnd(bootstrap, Topics.SLA_ALERTS);
    writer = new TopicWriter(bootstrap);
  }

  @AfterEach
  void close() {
    alerts.close();
    writer.close();
  }

  private void created(String ticket, String priority, Instant at) {
    created(ticket, priority, at, "test");
  }

  private void created(String ticket, String priority, Instant at, String plan) {
    writer.send(
        Topics.TICKET_EVENTS,
        ticket,
        """
        {"specversion":"1.0","id":"c-%1$s","source":"test","type":"ticket.created","subject":"%1$s",
         "time":"%2$s","data":{"customer":"acme","priority":"%3$s","plan":"%4$s"}}
        """
            .formatted(ticket, at, priority, plan));
  }

  private static void awaitKnown(String ticket) {
    Instant deadline = Instant.now().plusSeconds(20);
    while (api().get("/api/v1/tickets/" + ticket + "/sla").statusCode() != 200) {
      assertThat(Instant.now()).as("ticket %s never stored", ticket).isBefore(deadline);
    }
  }

  @Test
  void a_ticket_explains_its_running_clock_and_shows_up_at_risk() {
    String ticket = "T-" + UUID.randomUUID();
    Instant createdAt = Instant.now();
    created(ticket, "P4", createdAt, "demo"); // P4 on the demo plan: due in 4 minutes
    awaitKnown(ticket);

    api()
        .get("/api/v1/tickets/" + ticket + "/sla")
        .then()
        .statusCode(200)
        .body("clocks[0].clock", equalTo("first_response"))
        .body("clocks[0].target", equalTo("PT4M"))
        .body("clocks[0].state", equalTo("running"))
        .body("clocks[0].due", equalTo(createdAt.plusSeconds(240).toString()))
        .body("clocks[0].timeline.size()", org.hamcrest.Matchers.greaterThan(0))
        .body("upcoming.id", hasItem(ticket + "/first_response/1/sla.breached/1.0"));

    api()
        .queryParam("within", "PT5M")
        .get("/api/v1/at-risk")
        .then()
        .statusCode(200)
        .body("clocks.ticket", hasItem(ticket));
    api()
        .queryParam("within", "PT5M")
        .queryParam("priority", "P1")
        .get("/api/v1/at-risk")
        .then()
        .statusCode(200)
        .body("clocks.ticket", not(hasItem(ticket)));
  }

  @Test
  void bad_queries_and_unknown_tickets_get_problems() {
    api()
        .queryParam("within", "soon")
        .get("/api/v1/at-risk")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations[0].field", equalTo("within"));
    api()
        .get("/api/v1/tickets/nope-" + UUID.randomUUID() + "/sla")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void the_simulator_answers_over_http_on_the_customers_business_hours() {
    // Friday 16:30 in Paris, Jamf Silver P1 (1 business hour): 30 min on Friday, 30 on Monday
    api()
        .contentType("application/json")
        .body(
            """
            {"plan":"jamf-silver","zone":"Europe/Paris","events":[
              {"specversion":"1.0","id":"1","source":"sim","type":"ticket.created","subject":"S-1",
               "time":"2026-11-20T16:30:00+01:00","data":{"customer":"acme","priority":"P1"}}]}
            """)
        .post("/api/v1/simulate")
        .then()
        .statusCode(200)
        .body("alerts.type", hasItem("sla.breached"))
        .body(
            "alerts.find { it.type == 'sla.breached' }.data.due", equalTo("2026-11-23T08:30:00Z"));
    api()
        .contentType("application/json")
        .body("{\"plan\":\"gold-ish\",\"zone\":\"Mars/Base\",\"events\":[{\"id\":1}]}")
        .post("/api/v1/simulate")
        .then()
        .statusCode(400)
        .body("violations.field", hasItems("plan", "zone", "events[0].specversion"));
  }

  @Test
  void the_plans_are_the_presets_the_bundled_demo_and_the_plan_files() {
    api()
        .get("/api/v1/plans")
        .then()
        .statusCode(200)
        .body("plans.name", hasItems("demo", "test", "jamf-gold", "opswat-emerald-us"));
  }

  @Test
  void a_breach_is_counted_by_plan_priority_and_clock_with_its_lateness() {
    String ticket = "T-" + UUID.randomUUID();
    created(ticket, "P1", Instant.now());
    alerts.await(
        r -> ticket.equals(r.key()) && r.value().contains("\"type\":\"sla.breached\""),
        1,
        Duration.ofSeconds(30));

    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    assertThat(metrics)
        .containsPattern(
            "slawatch_sla_outcomes_total\\{[^}]*clock=\"first_response\"[^}]*outcome=\"breached\""
                + "[^}]*plan=\"test\"[^}]*priority=\"P1\"[^}]*\\} [1-9]")
        .contains("slawatch_timer_firing_lateness_seconds_bucket")
        .doesNotContain(ticket);
  }
}
