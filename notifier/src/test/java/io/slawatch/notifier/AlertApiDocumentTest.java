package io.slawatch.notifier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.slawatch.testinfra.RealInfraTestResource;
import org.junit.jupiter.api.Test;

/** The alert API's OpenAPI document ({@code /q/openapi}) names the shapes it answers. */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
@QuarkusTestResource(WebhookReceiverResource.class)
class AlertApiDocumentTest {
  private static JsonPath document() {
    return given()
        .queryParam("format", "json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static String schemaOf(JsonPath document, String path, String method, int status) {
    return document.getString(
        "paths.'"
            + path
            + "'."
            + method
            + ".responses.'"
            + status
            + "'.content.'application/json'.schema.'$ref'");
  }

  @Test
  void the_alert_history_answer_has_a_schema_with_its_fields() {
    JsonPath document = document();

    assertThat(schemaOf(document, "/api/v1/alerts/{id}", "get", 200))
        .isEqualTo("#/components/schemas/AlertHistory");
    assertThat(document.getMap("components.schemas.AlertHistory.properties"))
        .containsOnlyKeys(
            "alert",
            "policy",
            "state",
            "level_reached",
            "next_step_at",
            "acknowledged_by",
            "snoozed_until",
            "history");
    assertThat(document.getList("components.schemas.AlertHistory.required", String.class))
        .containsExactlyInAnyOrder("alert", "policy", "state", "level_reached", "history");
    assertThat(
            document.getString("components.schemas.AlertHistory.properties.history.items.'$ref'"))
        .isEqualTo("#/components/schemas/AlertHistoryEntry");
    assertThat(document.getMap("components.schemas.AlertHistoryEntry.properties"))
        .containsOnlyKeys("at", "event", "target", "channel", "level", "attempts", "detail");
    assertThat(
            document.getString(
                "paths.'/api/v1/alerts/{id}'.get.responses.'404'.content.'application/problem+json'"
                    + ".schema.'$ref'"))
        .isEqualTo("#/components/schemas/Problem");
  }

  @Test
  void the_acknowledgement_and_snooze_answers_have_schemas() {
    JsonPath document = document();

    assertThat(schemaOf(document, "/api/v1/alerts/{id}/ack", "post", 200))
        .isEqualTo("#/components/schemas/AckAnswer");
    assertThat(document.getMap("components.schemas.AckAnswer.properties"))
        .containsOnlyKeys("alert", "state", "by");
    assertThat(schemaOf(document, "/api/v1/alerts/{id}/snooze", "post", 200))
        .isEqualTo("#/components/schemas/SnoozeAnswer");
    assertThat(document.getMap("components.schemas.SnoozeAnswer.properties"))
        .containsOnlyKeys("alert", "state", "for", "by");
  }
}
