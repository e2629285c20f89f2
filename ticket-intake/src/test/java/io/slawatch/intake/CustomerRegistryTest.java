package io.slawatch.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.JsonNode;
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
class CustomerRegistryTest {
  private TopicProbe customerEvents;

  @BeforeEach
  void open() {
    customerEvents =
        TopicProbe.atEnd(
            ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
            Topics.CUSTOMER_EVENTS);
  }

  @AfterEach
  void close() {
    customerEvents.close();
  }

  private static String customer(String id, String plan) {
    return """
        {"id":"%s","name":"Acme","plan":"%s","zone":"Europe/Warsaw","language":"pl",
         "calendar":{"zone":"Europe/Warsaw","week":{"MON":[["08:00","16:00"]]}},
         "premium_contacts":["it@acme.example"]}
        """
        .formatted(id, plan);
  }

  @Test
  void a_new_customer_is_stored_and_every_change_is_published_under_its_id() {
    String id = "c-" + UUID.randomUUID();
    given()
        .contentType("application/json")
        .body(customer(id, "jamf-gold"))
        .post("/api/v1/customers")
        .then()
        .statusCode(201)
        .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/customers/" + id));
    given()
        .contentType("application/json")
        .body(customer(id, "jamf-gold"))
        .post("/api/v1/customers")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    given()
        .contentType("application/json")
        .body(customer(id, "eurolinux-premium"))
        .put("/api/v1/customers/" + id)
        .then()
        .statusCode(200)
        .body("plan", equalTo("eurolinux-premium"));

    given()
        .get("/api/v1/customers/" + id)
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("plan", equalTo("eurolinux-premium"))
        .body("zone", equalTo("Europe/Warsaw"))
        .body("language", equalTo("pl"))
        .body("premium_contacts", org.hamcrest.Matchers.contains("it@acme.example"))
        .body("us_persons_only", equalTo(false))
        .body("calendar.week.MON[0]", hasItems("08:00", "16:00"))
        .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("designated_engineer")));
    var published = customerEvents.await(r -> id.equals(r.key()), 2, Duration.ofSeconds(20));
    JsonNode created = Json.tree(published.get(0).value());
    JsonNode replaced = Json.tree(published.get(1).value());
    assertThat(created.at("/id").asText()).isEqualTo(id + "/1");
    assertThat(created.at("/data/plan").asText()).isEqualTo("jamf-gold");
    assertThat(replaced.at("/id").asText()).isEqualTo(id + "/2");
    assertThat(replaced.at("/data/plan").asText()).isEqualTo("eurolinux-premium");
  }

  @Test
  void a_wrong_customer_record_is_refused_naming_each_field_and_nothing_is_published() {
    String id = "c-" + UUID.randomUUID();
    given()
        .contentType("application/json")
        .body(
            """
            {"id":"%s","name":"Acme","plan":"platinum-deluxe","zone":"Europe/Atlantis",
             "calendar":{"zone":"UTC","week":{"FUNDAY":[["09:00","17:00"]]}}}
            """
                .formatted(id))
        .post("/api/v1/customers")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations.field", hasItems("plan", "zone"));
    given().get("/api/v1/customers/" + id).then().statusCode(404);
    assertThat(customerEvents.during(r -> id.equals(r.key()), Duration.ofSeconds(1))).isEmpty();
  }

  @Test
  void customers_are_listed_in_pages() {
    String prefix = "page-" + UUID.randomUUID() + "-";
    for (int i = 0; i < 3; i++) {
      given()
          .contentType("application/json")
          .body(customer(prefix + i, "jamf-silver"))
          .post("/api/v1/customers")
          .then()
          .statusCode(201);
    }
    given()
        .queryParam("after", prefix)
        .queryParam("limit", 2)
        .get("/api/v1/customers")
        .then()
        .statusCode(200)
        .body("customers.id", org.hamcrest.Matchers.contains(prefix + 0, prefix + 1))
        .body("next", equalTo(prefix + 1));
  }
}
