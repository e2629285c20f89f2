package io.slawatch.timer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slawatch.testinfra.RealInfraTestResource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /q/openapi} describes what the read API answers: each resource's 200 response has a
 * schema, with the snake_case fields the API sends.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class TimerOpenApiTest {
  private JsonNode document;

  /** Fetched per test: RestAssured knows the test application's port only once it runs. */
  @BeforeEach
  void fetch() throws Exception {
    String json =
        given()
            .accept("application/json")
            .get("/q/openapi?format=json")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    document = new ObjectMapper().readTree(json);
  }

  /** The properties of the schema a path's 200 JSON answer refers to. */
  private List<String> responseFields(String path) {
    JsonNode schema =
        document
            .path("paths")
            .path(path)
            .path("get")
            .path("responses")
            .path("200")
            .path("content")
            .path("application/json")
            .path("schema");
    assertThat(schema.path("$ref").asText())
        .as("the 200 answer of GET %s refers to a schema", path)
        .startsWith("#/components/schemas/");
    return fields(schema.path("$ref").asText());
  }

  private List<String> fields(String ref) {
    JsonNode properties =
        document
            .path("components")
            .path("schemas")
            .path(ref.substring("#/components/schemas/".length()))
            .path("properties");
    List<String> names = new ArrayList<>();
    properties.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private String itemsRef(String schema, String property) {
    return document
        .path("components")
        .path("schemas")
        .path(schema)
        .path("properties")
        .path(property)
        .path("items")
        .path("$ref")
        .asText();
  }

  @Test
  void the_at_risk_answer_has_a_schema_with_its_clocks() {
    assertThat(responseFields("/api/v1/at-risk"))
        .containsExactlyInAnyOrder("as_of", "within", "clocks");
    assertThat(fields(itemsRef("AtRiskResponse", "clocks")))
        .contains("ticket", "customer", "plan", "priority", "clock", "cycle", "due", "time_left");
  }

  @Test
  void the_ticket_sla_answer_has_a_schema_with_its_clocks_and_timeline() {
    assertThat(responseFields("/api/v1/tickets/{id}/sla"))
        .containsExactlyInAnyOrder(
            "ticket",
            "as_of",
            "customer_plan",
            "calendar_zone",
            "customer_known",
            "flags",
            "clocks",
            "fired",
            "upcoming",
            "notes");
    assertThat(fields(itemsRef("TicketSlaResponse", "clocks")))
        .contains("clock", "cycle", "state", "paused", "target", "consumed", "left", "due")
        .contains("timeline");
    assertThat(fields(itemsRef("TicketSlaResponse", "upcoming"))).contains("id", "at");
  }

  @Test
  void the_engagement_answer_has_a_schema_with_its_obligations_and_timeline() {
    assertThat(responseFields("/api/v1/engagements/{id}"))
        .contains("engagement", "stage", "kind", "expires_at", "flags")
        .contains("obligations", "timeline", "fired", "upcoming", "violations");
    assertThat(fields(itemsRef("EngagementResponse", "obligations")))
        .contains("clock", "cycle", "since", "due", "status", "settled_at", "terms");
    assertThat(fields(itemsRef("EngagementResponse", "timeline"))).contains("at", "cause", "rule");
    assertThat(
            document
                .path("paths")
                .path("/api/v1/engagements/{id}")
                .path("get")
                .path("responses")
                .path("404")
                .path("content")
                .path("application/problem+json")
                .path("schema")
                .path("$ref")
                .asText())
        .isEqualTo("#/components/schemas/Problem");
  }

  @Test
  void the_plans_answer_has_a_schema_with_each_plans_pause_statuses() {
    assertThat(responseFields("/api/v1/plans")).containsExactly("plans");
    assertThat(fields(itemsRef("PlansResponse", "plans")))
        .contains("name", "title", "source", "warnings", "pause_statuses");
  }

  @Test
  void problems_are_described_too() {
    assertThat(
            document
                .path("paths")
                .path("/api/v1/at-risk")
                .path("get")
                .path("responses")
                .path("400")
                .path("content")
                .path("application/problem+json")
                .path("schema")
                .path("$ref")
                .asText())
        .isEqualTo("#/components/schemas/Problem");
  }
}
