package io.slawatch.timer;

import static io.restassured.RestAssured.given;
import static io.slawatch.timer.ApiTokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slawatch.testinfra.RealInfraTestResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 18, finding 8: sla-timer's API answers only callers with a token of the right role. */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class TimerApiAuthenticationTest {
  private static final String SIMULATION =
      """
      {"plan":"jamf-silver","zone":"UTC","events":[
        {"specversion":"1.0","id":"1","source":"sim","type":"ticket.created","subject":"S-1",
         "time":"2026-11-20T10:00:00Z","data":{"customer":"acme","priority":"P1"}}]}
      """;

  @ParameterizedTest
  @ValueSource(strings = {"/api/v1/at-risk", "/api/v1/plans", "/api/v1/tickets/T-1/sla"})
  void a_caller_without_a_token_cannot_read_tickets_customers_or_plans(String path) {
    given()
        .get(path)
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", "Bearer")
        .body("status", equalTo(401));
  }

  @Test
  void a_caller_without_a_token_cannot_simulate() {
    given()
        .contentType("application/json")
        .body(SIMULATION)
        .post("/api/v1/simulate")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void a_token_nobody_issued_is_refused_like_no_token() {
    as("guessed-token")
        .get("/api/v1/at-risk")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("detail", containsString("not known"));
    given()
        .header("Authorization", "Basic dGVzdDp0ZXN0")
        .get("/api/v1/at-risk")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/v1/at-risk", "/api/v1/plans", "/api/v1/tickets/T-1/sla"})
  void a_token_that_may_only_simulate_simulates_but_cannot_read_tickets_customers_or_plans(
      String path) {
    as(ApiTokens.SIMULATE_ONLY)
        .contentType("application/json")
        .body(SIMULATION)
        .post("/api/v1/simulate")
        .then()
        .statusCode(200);
    as(ApiTokens.SIMULATE_ONLY)
        .get(path)
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("detail", containsString("read"));
  }

  @Test
  void a_token_with_the_read_role_reads_and_simulates_what_is_refused_without_it() {
    given().get("/api/v1/at-risk").then().statusCode(401);
    as(ApiTokens.READ_ONLY).get("/api/v1/at-risk").then().statusCode(200);
    given().get("/api/v1/plans").then().statusCode(401);
    as(ApiTokens.READ_ONLY).get("/api/v1/plans").then().statusCode(200);
    given().get("/api/v1/tickets/never-seen/sla").then().statusCode(401);
    as(ApiTokens.READ_ONLY)
        .get("/api/v1/tickets/never-seen/sla")
        .then()
        .statusCode(404)
        .body("type", equalTo("https://slawatch.io/problems/ticket-not-found"));
    given()
        .contentType("application/json")
        .body(SIMULATION)
        .post("/api/v1/simulate")
        .then()
        .statusCode(401);
    as(ApiTokens.READ_ONLY)
        .contentType("application/json")
        .body(SIMULATION)
        .post("/api/v1/simulate")
        .then()
        .statusCode(200);
  }

  @Test
  void health_and_metrics_stay_open_to_probes_and_scrapers_that_the_api_refuses() {
    given().get("/api/v1/plans").then().statusCode(401);
    given().get("/q/health/ready").then().statusCode(200);
    given()
        .get("/q/health/live")
        .then()
        .statusCode(200)
        .body(containsString("firing-loop.last_round_completed"))
        .body(containsString("gauge-refresh.last_round_completed"))
        .body(containsString("outcome-retention.last_round_completed"));
    given().get("/q/metrics").then().statusCode(200);
  }
}
