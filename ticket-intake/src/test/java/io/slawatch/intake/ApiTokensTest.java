package io.slawatch.intake;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.slawatch.core.ticket.Priority;
import io.slawatch.testinfra.RealInfraTestResource;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
@TestProfile(ApiTokensTest.WithTokens.class)
class ApiTokensTest {
  public static class WithTokens implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "slawatch.intake.auth.enabled", "true",
          "slawatch.intake.auth.tokens.helpdesk.token", "ingest-secret",
          "slawatch.intake.auth.tokens.helpdesk.roles", "ingest",
          "slawatch.intake.auth.tokens.ops.token", "admin-secret",
          "slawatch.intake.auth.tokens.ops.roles", "admin");
    }
  }

  private static final String EVENT =
      TicketEventBuilder.created("T-auth")
          .id("auth-1")
          .source("helpdesk/auth")
          .at("2026-11-24T10:15:00Z")
          .priority(Priority.P3)
          .json();

  @Test
  void posting_events_needs_an_ingest_token() {
    given()
        .contentType("application/cloudevents+json")
        .body(EVENT)
        .post("/api/v1/events")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    given()
        .contentType("application/cloudevents+json")
        .body(EVENT)
        .header("Authorization", "Bearer wrong")
        .post("/api/v1/events")
        .then()
        .statusCode(401);
    given()
        .contentType("application/cloudevents+json")
        .body(EVENT)
        .header("Authorization", "Bearer admin-secret")
        .post("/api/v1/events")
        .then()
        .statusCode(403);
    given()
        .contentType("application/cloudevents+json")
        .body(EVENT)
        .header("Authorization", "Bearer ingest-secret")
        .post("/api/v1/events")
        .then()
        .statusCode(org.hamcrest.Matchers.oneOf(200, 202));
  }

  @Test
  void customer_administration_needs_an_admin_token_and_health_stays_open() {
    given()
        .header("Authorization", "Bearer ingest-secret")
        .get("/api/v1/customers")
        .then()
        .statusCode(403);
    given()
        .header("Authorization", "Bearer admin-secret")
        .get("/api/v1/customers")
        .then()
        .statusCode(200);
    given().get("/q/health/ready").then().statusCode(200);
  }
}
