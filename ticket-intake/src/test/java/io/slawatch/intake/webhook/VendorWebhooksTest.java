package io.slawatch.intake.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.slawatch.intake.Json;
import io.slawatch.intake.webhook.spi.Fixtures;
import io.slawatch.intake.webhook.spi.Signatures;
import io.slawatch.testinfra.RealInfraTestResource;
import io.slawatch.testinfra.TopicProbe;
import io.slawatch.testinfra.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every vendor's webhook over HTTP against the real broker and database: a signed delivery is one
 * event on ticket.events.v1, its replay a duplicate published once, a wrong or missing signature a
 * 401 naming the header, a body that is not JSON a 400 problem.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class VendorWebhooksTest {

  /** One vendor's source (see the %test sources in application.properties). */
  record Vendor(
      String vendor,
      String source,
      String secret,
      String signatureHeader,
      String deliveryHeader,
      String fixture,
      String ticket) {
    @Override
    public String toString() {
      return vendor;
    }

    /** The fixture, made unique when the vendor has no delivery id (the digest is the id). */
    byte[] body() {
      byte[] body = Fixtures.bytes(vendor, fixture);
      if (deliveryHeader != null) {
        return body;
      }
      try {
        ObjectNode json = (ObjectNode) Fixtures.MAPPER.readTree(body);
        json.put("slawatch_test_run", UUID.randomUUID().toString());
        return Fixtures.MAPPER.writeValueAsBytes(json);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    /** The headers that authenticate {@code body} when signed with {@code key}. */
    Map<String, String> signed(byte[] body, String key) {
      Map<String, String> headers = new LinkedHashMap<>();
      switch (vendor) {
        case "github" -> {
          headers.put("X-GitHub-Event", "issues");
          headers.put(signatureHeader, "sha256=" + Signatures.hmacHex("HmacSHA256", key, body));
        }
        case "zendesk" -> {
          String timestamp = Instant.now().toString();
          headers.put("X-Zendesk-Webhook-Signature-Timestamp", timestamp);
          headers.put(signatureHeader, Signatures.zendesk(key, timestamp, body));
        }
        case "jira" ->
            headers.put(signatureHeader, "sha256=" + Signatures.hmacHex("HmacSHA256", key, body));
        case "zammad" ->
            headers.put(signatureHeader, "sha1=" + Signatures.hmacHex("HmacSHA1", key, body));
        case "gitlab", "freshdesk" -> headers.put(signatureHeader, key);
        default -> throw new IllegalArgumentException(vendor);
      }
      return headers;
    }

    /** The headers without the signature (a vendor's event header stays). */
    Map<String, String> unsigned(byte[] body) {
      Map<String, String> headers = signed(body, secret);
      headers.remove(signatureHeader);
      return headers;
    }

    RequestSpecification post(byte[] body, Map<String, String> headers, String delivery) {
      RequestSpecification request =
          given().contentType("application/json").headers(headers).body(body);
      return deliveryHeader == null ? request : request.header(deliveryHeader, delivery);
    }

    String path() {
      return "/api/v1/webhooks/" + vendor + "/" + source;
    }
  }

  static Stream<Vendor> vendors() {
    return Stream.of(
        new Vendor(
            "github",
            "acme-gh",
            "It's a Secret to Everybody",
            "X-Hub-Signature-256",
            "X-GitHub-Delivery",
            "github_issues_opened.json",
            "github:acme-gh:Codertocat/Hello-World#1"),
        new Vendor(
            "zendesk",
            "acme-zd",
            "dGhpcyBpcyBhIHplbmRlc2sgc2VjcmV0",
            "X-Zendesk-Webhook-Signature",
            "X-Zendesk-Webhook-Invocation-Id",
            "zendesk_event_ticket_comment_added_agent.thirdparty-dust.json",
            "zendesk:acme-zd:5158"),
        new Vendor(
            "jira",
            "acme-jira",
            "jira-webhook-secret",
            "X-Hub-Signature",
            "X-Atlassian-Webhook-Identifier",
            "jira_cloud_issue_created.json",
            "jira:acme-jira:TES-41"),
        new Vendor(
            "zammad",
            "acme-zm",
            "zammad-hmac-token",
            "X-Hub-Signature",
            "X-Zammad-Delivery",
            "zammad_webhook_default_ticket_article.json",
            "zammad:acme-zm:10081"),
        new Vendor(
            "freshdesk",
            "acme-fd",
            "freshdesk-shared-token",
            "X-Slawatch-Token",
            null,
            "freshdesk_ticket_created.json",
            "freshdesk:acme-fd:11"),
        new Vendor(
            "gitlab",
            "acme-gl",
            "gitlab-token",
            "X-Gitlab-Token",
            "Idempotency-Key",
            "gitlab_issue_closed.json",
            "gitlab:acme-gl:tomaszkolek0/my-awesome-project#1"));
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void a_signed_delivery_is_published_once_and_its_replay_is_a_duplicate(Vendor vendor) {
    byte[] body = vendor.body();
    String delivery =
        vendor.deliveryHeader() == null ? Signatures.sha256(body) : UUID.randomUUID().toString();
    Map<String, String> headers = vendor.signed(body, vendor.secret());
    try (TopicProbe events =
        TopicProbe.atEnd(
            ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
            Topics.TICKET_EVENTS)) {
      vendor
          .post(body, headers, delivery)
          .post(vendor.path())
          .then()
          .statusCode(202)
          .body("status", equalTo("accepted"));
      vendor
          .post(body, headers, delivery)
          .post(vendor.path())
          .then()
          .statusCode(200)
          .body("status", equalTo("duplicate"));

      var published = events.await(r -> r.value().contains(delivery), 1, Duration.ofSeconds(20));
      assertThat(published.getFirst().key()).isEqualTo(vendor.ticket());
      assertThat(Json.tree(published.getFirst().value()).at("/source").asText())
          .isEqualTo("webhook/" + vendor.vendor() + "/" + vendor.source());
      assertThat(events.during(r -> r.value().contains(delivery), Duration.ofSeconds(1)))
          .hasSize(1);
    }
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void a_wrong_or_missing_signature_is_401_naming_the_header(Vendor vendor) {
    byte[] body = vendor.body();
    String delivery = UUID.randomUUID().toString();
    vendor
        .post(body, vendor.signed(body, "not the secret"), delivery)
        .post(vendor.path())
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("detail", equalTo(vendor.signatureHeader() + " does not match the body"))
        .body("violations[0].field", equalTo(vendor.signatureHeader()));
    vendor
        .post(body, vendor.unsigned(body), delivery)
        .post(vendor.path())
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("detail", equalTo(vendor.signatureHeader() + " is missing"));
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void a_signed_body_that_is_not_json_is_a_400_problem(Vendor vendor) {
    byte[] body = "{\"ticket\": ".getBytes(StandardCharsets.UTF_8);
    vendor
        .post(body, vendor.signed(body, vendor.secret()), UUID.randomUUID().toString())
        .post(vendor.path())
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("https://slawatch.io/problems/invalid-webhook"));
  }

  @Test
  void a_signed_delivery_nothing_an_sla_depends_on_is_200_ignored_with_the_reason() {
    Vendor zendesk = vendors().filter(v -> v.vendor().equals("zendesk")).findFirst().orElseThrow();
    byte[] body = Fixtures.bytes("zendesk", "zendesk_event_envelope_user_active_changed.docs.json");
    zendesk
        .post(body, zendesk.signed(body, zendesk.secret()), UUID.randomUUID().toString())
        .post(zendesk.path())
        .then()
        .statusCode(200)
        .contentType("application/json")
        .body("status", equalTo("ignored"))
        .body("reason", not(emptyOrNullString()))
        .body("$", not(hasKey("events")));
  }

  @Test
  void an_unknown_vendor_or_a_source_of_another_vendor_is_404() {
    given()
        .contentType("application/json")
        .body("{}")
        .post("/api/v1/webhooks/servicenow/acme-gh")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", equalTo("https://slawatch.io/problems/unknown-vendor"));
    given()
        .contentType("application/json")
        .body("{}")
        .post("/api/v1/webhooks/jira/acme-gh")
        .then()
        .statusCode(404)
        .body("type", equalTo("https://slawatch.io/problems/unknown-source"));
  }
}
