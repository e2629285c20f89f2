package io.slawatch.intake.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slawatch.intake.webhook.spi.Signatures;
import io.slawatch.testinfra.RealInfraTestResource;
import io.slawatch.testinfra.TopicProbe;
import io.slawatch.testinfra.Topics;
import java.io.InputStream;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class GitHubWebhookTest {
  private static final String SECRET = "It's a Secret to Everybody";

  private static byte[] opened() throws Exception {
    try (InputStream in =
        GitHubWebhookTest.class.getResourceAsStream("/webhook/github/github_issues_opened.json")) {
      return in.readAllBytes();
    }
  }

  @Test
  void a_signed_delivery_becomes_one_ticket_event_and_a_redelivery_is_a_duplicate()
      throws Exception {
    byte[] body = opened();
    String delivery = UUID.randomUUID().toString();
    String signature = "sha256=" + Signatures.hmacHex("HmacSHA256", SECRET, body);
    try (TopicProbe events =
        TopicProbe.atEnd(
            ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
            Topics.TICKET_EVENTS)) {
      for (int attempt = 0; attempt < 2; attempt++) {
        given()
            .contentType("application/json")
            .header("X-GitHub-Event", "issues")
            .header("X-GitHub-Delivery", delivery)
            .header("X-Hub-Signature-256", signature)
            .body(body)
            .post("/api/v1/webhooks/github/acme-gh")
            .then()
            .statusCode(attempt == 0 ? 202 : 200)
            .body("status", equalTo(attempt == 0 ? "accepted" : "duplicate"))
            .body("events", contains("ticket.created"))
            .body("$", not(hasKey("reason")));
      }
      var published = events.await(r -> r.value().contains(delivery), 1, Duration.ofSeconds(20));
      assertThat(published.getFirst().key()).isEqualTo("github:acme-gh:Codertocat/Hello-World#1");
      assertThat(events.during(r -> r.value().contains(delivery), Duration.ofSeconds(1)))
          .hasSize(1);
    }
  }

  @Test
  void a_delivery_with_a_wrong_or_missing_signature_is_refused() throws Exception {
    byte[] body = opened();
    given()
        .contentType("application/json")
        .header("X-GitHub-Event", "issues")
        .header("X-Hub-Signature-256", "sha256=" + Signatures.hmacHex("HmacSHA256", "guess", body))
        .body(body)
        .post("/api/v1/webhooks/github/acme-gh")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    given()
        .contentType("application/json")
        .header("X-GitHub-Event", "issues")
        .body(body)
        .post("/api/v1/webhooks/github/acme-gh")
        .then()
        .statusCode(401)
        .body("detail", equalTo("X-Hub-Signature-256 is missing"));
    given()
        .contentType("application/json")
        .header("X-GitHub-Event", "issues")
        .body(body)
        .post("/api/v1/webhooks/github/nobody")
        .then()
        .statusCode(404);
  }
}
