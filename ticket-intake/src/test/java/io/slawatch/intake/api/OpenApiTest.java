package io.slawatch.intake.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.slawatch.testinfra.RealInfraTestResource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The published OpenAPI document describes what each resource answers, field by field. */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class OpenApiTest {
  private static JsonPath openApi() {
    return given()
        .accept("application/json")
        .get("/q/openapi?format=json")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** The schema a response of {@code path}'s {@code method} refers to for {@code status}. */
  private static String schema(
      JsonPath doc, String path, String method, String status, String mediaType) {
    Map<String, Object> content =
        doc.getMap("paths.'" + path + "'." + method + ".responses.'" + status + "'.content");
    assertThat(content).as("%s %s %s", method, path, status).containsKey(mediaType);
    return doc.getString(
        "paths.'"
            + path
            + "'."
            + method
            + ".responses.'"
            + status
            + "'.content.'"
            + mediaType
            + "'.schema.$ref");
  }

  @Test
  void every_answer_of_the_events_webhooks_and_customers_apis_has_a_schema() {
    JsonPath doc = openApi();

    assertThat(schema(doc, "/api/v1/events", "post", "202", "application/json"))
        .isEqualTo("#/components/schemas/EventResult");
    assertThat(schema(doc, "/api/v1/events", "post", "400", "application/problem+json"))
        .isEqualTo("#/components/schemas/Problem");
    assertThat(schema(doc, "/api/v1/webhooks/{vendor}/{source}", "post", "202", "application/json"))
        .isEqualTo("#/components/schemas/WebhookReply");
    assertThat(
            schema(
                doc,
                "/api/v1/webhooks/{vendor}/{source}",
                "post",
                "401",
                "application/problem+json"))
        .isEqualTo("#/components/schemas/Problem");
    assertThat(schema(doc, "/api/v1/customers", "get", "200", "application/json"))
        .isEqualTo("#/components/schemas/CustomerPage");
    assertThat(schema(doc, "/api/v1/customers/{id}", "get", "200", "application/json"))
        .isEqualTo("#/components/schemas/Customer");
    assertThat(schema(doc, "/api/v1/customers", "post", "201", "application/json"))
        .isEqualTo("#/components/schemas/Customer");
  }

  @Test
  void the_schemas_name_the_fields_the_resources_answer_with() {
    JsonPath doc = openApi();
    Map<String, Object> schemas = doc.getMap("components.schemas");
    assertThat(schemas)
        .containsKeys(
            "EventResult",
            "BatchResults",
            "BatchResult",
            "WebhookReply",
            "Customer",
            "CustomerPage",
            "Problem",
            "Violation");

    assertThat(doc.getMap("components.schemas.EventResult.properties"))
        .containsOnlyKeys("status", "id", "source");
    assertThat(doc.getMap("components.schemas.BatchResult.properties"))
        .containsOnlyKeys("index", "status", "id", "source", "violations");
    assertThat(doc.getMap("components.schemas.BatchResults.properties"))
        .containsOnlyKeys("results");
    assertThat(doc.getMap("components.schemas.WebhookReply.properties"))
        .containsOnlyKeys("status", "reason", "events");
    assertThat(doc.getMap("components.schemas.CustomerPage.properties"))
        .containsOnlyKeys("customers", "next");
    assertThat(doc.getMap("components.schemas.Customer.properties"))
        .containsOnlyKeys(
            "id",
            "name",
            "plan",
            "zone",
            "calendar",
            "language",
            "premium_contacts",
            "designated_engineer",
            "region",
            "us_persons_only",
            "report_recipients");
    assertThat(doc.getMap("components.schemas.Problem.properties"))
        .containsKeys("type", "title", "status", "detail", "violations");
  }
}
