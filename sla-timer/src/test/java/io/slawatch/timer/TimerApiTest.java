package io.slawatch.timer;

import static io.restassured.RestAssured.given;
import static io.slawatch.timer.ApiTokens.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

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
        .body("clocks[0].timeline[0].at", notNullValue())
        .body("clocks[0].timeline[0].cause", notNullValue())
        .body("clocks[0].cycle", equalTo(1))
        .body("clocks[0].paused", equalTo(false))
        .body("clocks[0].start", equalTo(createdAt.toString()))
        .body("clocks[0].consumed", startsWith("PT"))
        .body("clocks[0].left", startsWith("PT"))
        .body("upcoming.id", hasItem(ticket + "/first_response/1/sla.breached/1.0"))
        .body(
            "upcoming.find { it.id == '" + ticket + "/first_response/1/sla.breached/1.0' }.at",
            equalTo(createdAt.plusSeconds(240).toString()))
        .body("ticket", equalTo(ticket))
        .body("as_of", notNullValue())
        .body("customer_plan", equalTo("jamf-standard")) // acme is not a known customer
        .body("calendar_zone", equalTo("UTC"))
        .body("customer_known", equalTo(false))
        .body("flags", hasItem("unknown_customer"))
        .body("fired", instanceOf(java.util.List.class))
        .body("notes", instanceOf(java.util.List.class));

    api()
        .queryParam("within", "PT5M")
        .get("/api/v1/at-risk")
        .then()
        .statusCode(200)
        .body("clocks.ticket", hasItem(ticket))
        .body("within", equalTo("PT5M"))
        .body("as_of", notNullValue())
        .body(atRisk(ticket, "customer"), equalTo("acme"))
        .body(atRisk(ticket, "plan"), equalTo("demo"))
        .body(atRisk(ticket, "priority"), equalTo("P4"))
        .body(atRisk(ticket, "clock"), equalTo("first_response"))
        .body(atRisk(ticket, "cycle"), equalTo(1))
        .body(atRisk(ticket, "due"), equalTo(createdAt.plusSeconds(240).toString()))
        .body(atRisk(ticket, "time_left"), startsWith("PT"));
    api()
        .queryParam("within", "PT5M")
        .queryParam("priority", "P1")
        .get("/api/v1/at-risk")
        .then()
        .statusCode(200)
        .body("clocks.ticket", not(hasItem(ticket)));
  }

  /** A field of the at-risk entry of this ticket. */
  private static String atRisk(String ticket, String field) {
    return "clocks.find { it.ticket == '" + ticket + "' }." + field;
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
        .body("plans.name", hasItems("demo", "test", "jamf-gold", "opswat-emerald-us"))
        .body("plans.find { it.name == 'test' }.title", equalTo("Test plan (seconds)"))
        .body("plans.find { it.name == 'test' }.pause_statuses", contains("on_hold", "pending"))
        .body("plans.find { it.name == 'test' }.warnings", instanceOf(java.util.List.class))
        .body("plans.find { it.name == 'demo' }.source", equalTo("slawatch demo"))
        .body("plans.find { it.name == 'test' }.defined_clocks", empty())
        .body(
            "plans.find { it.name == 'opswat-gold' }.defined_clocks.name",
            contains("hardware_replacement"))
        .body(
            "plans.find { it.name == 'jamf-platinum' }.defined_clocks.find { it.name == 'rca' }"
                + ".targets.P1",
            equalTo("5 business days"))
        .body(
            "plans.find { it.name == 'jamf-gold' }.engagement_rules.name",
            contains("expiry", "forfeit_risk", "late_notice", "no_show", "booking"))
        .body(
            "plans.find { it.name == 'jamf-standard' }.engagement_rules.find { it.name =="
                + " 'no_show' }.rule",
            equalTo("not started 20 minutes after the scheduled start: breach"))
        .body("plans.find { it.name == 'opswat-gold' }.engagement_rules", empty())
        .body("plans.find { it.name == 'test' }.engagement_rules", empty());
  }

  @Test
  void a_breach_is_counted_by_plan_priority_and_clock_with_its_lateness() {
    String ticket = "T-" + UUID.randomUUID();
    created(ticket, "P1", Instant.now());
    alerts.await(r -> AlertRecords.is(r, ticket, "sla.breached"), 1, Duration.ofSeconds(30));

    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    assertThat(metrics)
        .containsPattern(
            "slawatch_sla_outcomes_total\\{[^}]*clock=\"first_response\"[^}]*outcome=\"breached\""
                + "[^}]*plan=\"test\"[^}]*priority=\"P1\"[^}]*\\} [1-9]")
        .contains("slawatch_timer_firing_lateness_seconds_bucket")
        .doesNotContain(ticket);
  }

  @Test
  void failures_of_the_consumer_and_of_the_gauges_are_counted_from_zero() {
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    assertThat(metrics)
        .containsPattern(
            "(?m)^slawatch_timer_consume_failures_total\\{channel=\"ticket-events\"\\} ")
        .containsPattern("(?m)^slawatch_timer_state_refresh_failures_total ")
        .containsPattern("(?m)^slawatch_timer_replay_failures_total ");
  }
}
