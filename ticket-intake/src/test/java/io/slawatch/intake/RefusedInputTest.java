package io.slawatch.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.slawatch.core.ticket.Priority;
import io.slawatch.testinfra.RealInfraTestResource;
import io.slawatch.testinfra.TopicProbe;
import io.slawatch.testinfra.Topics;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input that can never be stored or published (issue 18, findings 2-5 and 7 for intake): each is
 * refused at the edge with a 4xx problem naming the field, never a 503 or a 500, and nothing of it
 * is kept in intake's database or published; a batch keeps its good events; two events whose {@code
 * (source, id)} differ are two events whatever characters they hold.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RefusedInputTest {
  /** In every refused request, so that the database and the topics can be searched for it. */
  private static final String RUN = "refused-" + UUID.randomUUID().toString().substring(0, 8);

  private static final String EVENTS = "/api/v1/events";
  private static final String CUSTOMERS = "/api/v1/customers";
  private static final String STRUCTURED = "application/cloudevents+json";
  private static final String BATCH = "application/cloudevents-batch+json";
  private static final String JSON = "application/json";
  private static final String GITHUB_SECRET = "It's a Secret to Everybody";

  @Inject Pool pool;

  /** A ticket.created event with one attribute or data field replaced (raw JSON values). */
  private static String event(Map<String, String> attributes, Map<String, String> data) {
    Map<String, String> attrs = new java.util.LinkedHashMap<>();
    attrs.put("specversion", "\"1.0\"");
    attrs.put("id", "\"" + RUN + "-e\"");
    attrs.put("source", "\"helpdesk/" + RUN + "\"");
    attrs.put("type", "\"ticket.created\"");
    attrs.put("subject", "\"T-" + RUN + "\"");
    attrs.put("time", "\"2026-11-24T10:00:00Z\"");
    attrs.putAll(attributes);
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    fields.put("customer", "\"acme\"");
    fields.put("priority", "\"P1\"");
    fields.putAll(data);
    return object(attrs, "\"data\":" + object(fields, null));
  }

  private static String event(String attribute, String value) {
    return event(Map.of(attribute, value), Map.of());
  }

  private static String eventData(String field, String value) {
    return event(Map.of(), Map.of(field, value));
  }

  private static String object(Map<String, String> fields, String extra) {
    StringBuilder json = new StringBuilder("{");
    fields.forEach((k, v) -> json.append('"').append(k).append("\":").append(v).append(','));
    if (extra != null) {
      json.append(extra);
    } else {
      json.setLength(json.length() - 1);
    }
    return json.append('}').toString();
  }

  private static String customer(String id, String extra) {
    return "{\"id\":"
        + id
        + ",\"name\":\"Acme "
        + RUN
        + "\",\"plan\":\"jamf-gold\",\"zone\":\"UTC\""
        + (extra.isEmpty() ? "" : "," + extra)
        + "}";
  }

  private static String quoted(String text) {
    return "\"" + text + "\"";
  }

  /** One refused request: what it is, how it is sent, and the answer it must get. */
  record Refusal(
      String method,
      String path,
      String contentType,
      Map<String, String> headers,
      String body,
      int status,
      String field) {
    static Refusal post(String path, String contentType, String body, int status, String field) {
      return new Refusal("POST", path, contentType, Map.of(), body, status, field);
    }

    Refusal with(String header, String value) {
      Map<String, String> all = new java.util.HashMap<>(headers);
      all.put(header, value);
      return new Refusal(method, path, contentType, all, body, status, field);
    }
  }

  private static Arguments refused(String story, Refusal refusal) {
    return Arguments.of(story, refusal);
  }

  static Stream<Arguments> catalogue() throws Exception {
    String big = "x".repeat(600 * 1024);
    return Stream.of(
        // finding 3: input that will never succeed
        refused(
            "a NUL character in a ticket id",
            Refusal.post(
                EVENTS, STRUCTURED, event("subject", quoted(RUN + "\\u0000")), 400, "subject")),
        refused(
            "a NUL character in a requester",
            Refusal.post(
                EVENTS,
                STRUCTURED,
                eventData("requester", quoted("jo\\u0000@" + RUN)),
                400,
                "data.requester")),
        refused(
            "a NUL character in an extension attribute",
            Refusal.post(
                EVENTS, STRUCTURED, event("comexample", quoted("a\\u0000b")), 400, "comexample")),
        refused(
            "an event id of 257 characters",
            Refusal.post(
                EVENTS, STRUCTURED, event("id", quoted(RUN + "i".repeat(257))), 400, "id")),
        refused(
            "a source of 3,000 characters (over PostgreSQL's index row limit)",
            Refusal.post(
                EVENTS,
                STRUCTURED,
                event("source", quoted(RUN + "s".repeat(3000))),
                400,
                "source")),
        refused(
            "a ticket id of 300 characters",
            Refusal.post(
                EVENTS,
                STRUCTURED,
                event("subject", quoted(RUN + "t".repeat(300))),
                400,
                "subject")),
        refused(
            "a customer reference of 300 characters",
            Refusal.post(
                EVENTS,
                STRUCTURED,
                eventData("customer", quoted("c".repeat(300))),
                400,
                "data.customer")),
        refused(
            "an event of 600 KB (a Kafka record may hold 1 MB; an event 512 KB)",
            Refusal.post(
                EVENTS, STRUCTURED, eventData("requester", quoted(big)), 400, "data.requester")),
        refused(
            "a binary-mode event with an id of 300 characters",
            Refusal.post(EVENTS, JSON, "{\"public\":true}", 400, "id")
                .with("ce-specversion", "1.0")
                .with("ce-id", "i".repeat(300))
                .with("ce-source", "helpdesk/" + RUN)
                .with("ce-type", "ticket.agent_replied")
                .with("ce-subject", "T-" + RUN)
                .with("ce-time", "2026-11-24T10:20:00Z")),
        // finding 5: accepted instead of refused
        refused(
            "a CRLF in a ticket id",
            Refusal.post(
                EVENTS,
                STRUCTURED,
                event("subject", quoted(RUN + "\\r\\nX-Evil: 1")),
                400,
                "subject")),
        refused(
            "a control character (BEL) in an event id",
            Refusal.post(EVENTS, STRUCTURED, event("id", quoted(RUN + "\\u0007")), 400, "id")),
        refused(
            "a tab in a source",
            Refusal.post(
                EVENTS, STRUCTURED, event("source", quoted(RUN + "\\there")), 400, "source")),
        refused(
            "a lone high surrogate in a ticket id",
            Refusal.post(
                EVENTS, STRUCTURED, event("subject", quoted(RUN + "\\ud800")), 400, "subject")),
        refused(
            "a lone low surrogate in a customer reference",
            Refusal.post(
                EVENTS,
                STRUCTURED,
                eventData("customer", quoted(RUN + "\\udc00x")),
                400,
                "data.customer")),
        refused(
            "a duplicate id key (two readers, two events)",
            Refusal.post(
                EVENTS,
                STRUCTURED,
                event(Map.of(), Map.of())
                    .replace("{\"specversion\"", "{\"id\":\"other\",\"specversion\""),
                400,
                "id")),
        refused(
            "a duplicate priority key in data",
            Refusal.post(
                EVENTS,
                STRUCTURED,
                eventData("priority", "\"P1\",\"priority\":\"P4\""),
                400,
                "priority")),
        refused(
            "a batch with a duplicate key",
            Refusal.post(
                EVENTS,
                BATCH,
                "[" + event("subject", quoted(RUN + "\",\"subject\":\"T-2")) + "]",
                400,
                "subject")),
        refused(
            "a binary-mode body with a duplicate key",
            Refusal.post(EVENTS, JSON, "{\"public\":true,\"public\":false}", 400, "data.public")
                .with("ce-specversion", "1.0")
                .with("ce-id", RUN + "-b")
                .with("ce-source", "helpdesk/" + RUN)
                .with("ce-type", "ticket.agent_replied")
                .with("ce-subject", "T-" + RUN)
                .with("ce-time", "2026-11-24T10:20:00Z")),
        // customers: ids, strings, sizes (finding 3 and 5)
        refused(
            "a customer id with a space",
            Refusal.post(CUSTOMERS, JSON, customer(quoted("acme " + RUN), ""), 400, "id")),
        refused(
            "a customer id that climbs directories",
            Refusal.post(CUSTOMERS, JSON, customer(quoted("../../" + RUN), ""), 400, "id")),
        refused(
            "a customer id with a CRLF",
            Refusal.post(CUSTOMERS, JSON, customer(quoted(RUN + "\\r\\n"), ""), 400, "id")),
        refused(
            "a customer id of 129 characters",
            Refusal.post(CUSTOMERS, JSON, customer(quoted(RUN + "c".repeat(129)), ""), 400, "id")),
        refused(
            "a customer id of two dots",
            Refusal.post(CUSTOMERS, JSON, customer(quoted(".."), ""), 400, "id")),
        refused(
            "a NUL character in a customer's region",
            Refusal.post(
                CUSTOMERS,
                JSON,
                customer(quoted(RUN + "-r"), "\"region\":\"EU\\u0000\""),
                400,
                "region")),
        refused(
            "a NUL character in a holiday of the customer's calendar",
            Refusal.post(
                CUSTOMERS,
                JSON,
                customer(
                    quoted(RUN + "-h"),
                    "\"calendar\":{\"zone\":\"UTC\",\"week\":{\"MON\":[[\"09:00\",\"17:00\"]]},"
                        + "\"holidays\":[\"05-01\\u0000\"]}"),
                400,
                "calendar.holidays[0]")),
        refused(
            "a lone surrogate in a premium contact",
            Refusal.post(
                CUSTOMERS,
                JSON,
                customer(quoted(RUN + "-p"), "\"premium_contacts\":[\"a@b\",\"\\ud83d@x\"]"),
                400,
                "premium_contacts[1]")),
        refused(
            "a customer record of 600 KB",
            Refusal.post(
                CUSTOMERS,
                JSON,
                customer(quoted(RUN + "-big"), "\"region\":" + quoted(big)),
                400,
                "region")),
        refused(
            "a customer record with a duplicate plan key",
            Refusal.post(
                CUSTOMERS,
                JSON,
                customer(quoted(RUN + "-d"), "\"plan\":\"jamf-silver\""),
                400,
                "plan")),
        // finding 7: bare 400/415 on customers
        refused(
            "a customer record that is not JSON",
            Refusal.post(CUSTOMERS, JSON, "{\"id\":\"" + RUN + "\",", 400, "")),
        refused(
            "a customer record in plain text",
            Refusal.post(CUSTOMERS, "text/plain", "id=" + RUN, 415, null)),
        refused(
            "a customer replaced with a body that is not JSON",
            new Refusal("PUT", CUSTOMERS + "/" + RUN, JSON, Map.of(), "{\"id\":", 400, "")),
        refused(
            "a customer replaced under an id with a space",
            new Refusal(
                "PUT", CUSTOMERS + "/a%20" + RUN, JSON, Map.of(), customer("null", ""), 400, "id")),
        // finding 4: %00 in paths and query parameters
        refused(
            "a customer read at %00",
            new Refusal("GET", CUSTOMERS + "/%00", null, Map.of(), null, 400, "id")),
        refused(
            "a customer replaced at %00",
            new Refusal(
                "PUT", CUSTOMERS + "/%00" + RUN, JSON, Map.of(), customer("null", ""), 400, "id")),
        refused(
            "customers listed after %00",
            new Refusal("GET", CUSTOMERS + "?after=%00", null, Map.of(), null, 400, "after")),
        refused(
            "customers listed with a limit that is not a number",
            new Refusal("GET", CUSTOMERS + "?limit=%00", null, Map.of(), null, 400, "limit")),
        refused(
            "a path under customers that does not exist",
            new Refusal("GET", CUSTOMERS + "/%00/x", null, Map.of(), null, 404, null)),
        refused(
            "a webhook of a source named %00",
            Refusal.post("/api/v1/webhooks/github/%00", JSON, "{}", 404, null)),
        // webhooks: delivery ids and what the payload makes of ticket ids
        refused(
            "a webhook delivery id with a slash (item ids are <delivery>/<item>)",
            github(RUN + "/status", "Hello-" + RUN, 400, "X-GitHub-Delivery")),
        refused(
            "a webhook delivery id of 300 characters",
            github(RUN + "d".repeat(300), "Hello-" + RUN, 400, "X-GitHub-Delivery")),
        refused(
            "a webhook whose repository name holds a NUL character",
            github(RUN + "-nul", "Hello-" + RUN + "\\u0000", 400, "subject")),
        refused(
            "a webhook whose repository name holds a CRLF",
            github(RUN + "-crlf", "Hello-" + RUN + "\\r\\n", 400, "subject")));
  }

  /** A signed GitHub "issues opened" delivery of the repository {@code Codertocat/<repo>}. */
  private static Refusal github(String delivery, String repo, int status, String field)
      throws Exception {
    String body;
    try (InputStream in =
        RefusedInputTest.class.getResourceAsStream("/webhook/github/github_issues_opened.json")) {
      body =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .replace("Codertocat/Hello-World", "Codertocat/" + repo);
    }
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(GITHUB_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String signature =
        "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    return Refusal.post("/api/v1/webhooks/github/acme-gh", JSON, body, status, field)
        .with("X-GitHub-Event", "issues")
        .with("X-GitHub-Delivery", delivery)
        .with("X-Hub-Signature-256", signature);
  }

  @Order(1)
  @ParameterizedTest(name = "{0} is refused with a problem naming the field, and nothing is kept")
  @MethodSource("catalogue")
  void input_that_can_never_be_kept_is_refused_naming_the_field_and_nothing_is_kept(
      String story, Refusal refusal) {
    RequestSpecification request =
        given()
            .config(
                RestAssuredConfig.config()
                    .encoderConfig(
                        EncoderConfig.encoderConfig()
                            .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
            .urlEncodingEnabled(false)
            .headers(refusal.headers());
    if (refusal.contentType() != null) {
      request.contentType(refusal.contentType());
    }
    if (refusal.body() != null) {
      request.body(refusal.body().getBytes(StandardCharsets.UTF_8));
    }
    Response response = request.request(refusal.method(), refusal.path()).andReturn();

    assertThat(response.statusCode())
        .as(story + ": " + response.asString())
        .isEqualTo(refusal.status());
    assertThat(response.contentType()).as(story).startsWith("application/problem+json");
    JsonPath problem = response.jsonPath();
    assertThat(problem.getInt("status")).as(story).isEqualTo(refusal.status());
    if (refusal.field() != null) {
      List<String> fields = problem.getList("violations.field");
      assertThat(fields).as(story + ": " + response.asString()).contains(refusal.field());
    }
    assertThat(storedRows()).as(story + ": stored").isZero();
  }

  /** Rows of intake's event log and customer registry that hold this run's marker. */
  private long storedRows() {
    String like = "%" + RUN + "%";
    return pool.preparedQuery(
            "select (select count(*) from ticket_event where payload::text like $1 or source like $1"
                + " or event_id like $1 or ticket_id like $1)"
                + " + (select count(*) from customer where id like $1 or body::text like $1)")
        .execute(Tuple.of(like))
        .await()
        .atMost(Duration.ofSeconds(10))
        .iterator()
        .next()
        .getLong(0);
  }

  private static String bootstrap() {
    return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
  }

  private static String created(String source, String id, String ticket) {
    return TicketEventBuilder.created(ticket)
        .id(id)
        .source(source)
        .at("2026-11-24T10:00:00Z")
        .priority(Priority.P2)
        .json();
  }

  /**
   * A ticket.created event written by hand, for what the codec would never write (a control
   * character, an id over the limits).
   */
  private static String handWritten(String source, String id, String ticket) {
    return """
        {"specversion":"1.0","id":"%s","source":"%s","type":"ticket.created",
         "subject":"%s","time":"2026-11-24T10:00:00Z",
         "data":{"customer":"acme","priority":"P2"}}
        """
        .formatted(id, source, ticket);
  }

  @Order(2)
  @RepeatedTest(3)
  void two_events_whose_source_and_id_only_join_alike_are_both_accepted_and_published() {
    String ticket = "T-" + UUID.randomUUID();
    String tag = ticket.substring(2, 10);
    // "kc|x" + "|" + "y" and "kc" + "|" + "x|y" are one string, but two (source, id) pairs
    String first = created("kc" + tag + "|x", "y", ticket);
    String second = created("kc" + tag, "x|y", ticket);
    try (TopicProbe events = TopicProbe.atEnd(bootstrap(), Topics.TICKET_EVENTS)) {
      given()
          .contentType(BATCH)
          .body("[" + first + "," + second + "]")
          .post(EVENTS)
          .then()
          .statusCode(200)
          .body("results.status", contains("accepted", "accepted"));

      var published = events.await(r -> ticket.equals(r.key()), 2, Duration.ofSeconds(20));
      assertThat(published).hasSize(2);
      JsonNode firstPublished = Json.tree(published.get(0).value());
      JsonNode secondPublished = Json.tree(published.get(1).value());
      assertThat(firstPublished.at("/source").asText()).isEqualTo("kc" + tag + "|x");
      assertThat(firstPublished.at("/id").asText()).isEqualTo("y");
      assertThat(secondPublished.at("/source").asText()).isEqualTo("kc" + tag);
      assertThat(secondPublished.at("/id").asText()).isEqualTo("x|y");
    }
    // and each, sent again, is the duplicate of itself only
    given().contentType(STRUCTURED).body(first).post(EVENTS).then().statusCode(200);
    given().contentType(STRUCTURED).body(second).post(EVENTS).then().statusCode(200);
  }

  @Order(2)
  @Test
  void a_batch_keeps_and_publishes_its_good_events_around_ones_that_can_never_be_kept() {
    String ticket = "T-" + UUID.randomUUID();
    String good1 = created("helpdesk/batch", "g1-" + ticket, ticket);
    String nul = handWritten("helpdesk/batch", "n-" + ticket, ticket + "\\u0000");
    String huge = handWritten("helpdesk/batch", "h-" + ticket + "x".repeat(3000), ticket);
    String crlf = handWritten("helpdesk/batch", "c-" + ticket, ticket + "\\r\\n");
    String good2 = created("helpdesk/batch", "g2-" + ticket, ticket);
    try (TopicProbe events = TopicProbe.atEnd(bootstrap(), Topics.TICKET_EVENTS)) {
      given()
          .contentType(BATCH)
          .body("[" + String.join(",", good1, nul, huge, crlf, good2) + "]")
          .post(EVENTS)
          .then()
          .statusCode(200)
          .body("results.status", contains("accepted", "invalid", "invalid", "invalid", "accepted"))
          .body("results[1].violations.field", hasItem("subject"))
          .body("results[2].violations.field", hasItem("id"))
          .body("results[3].violations.field", hasItem("subject"));

      var published = events.await(r -> ticket.equals(r.key()), 2, Duration.ofSeconds(20));
      assertThat(published).hasSize(2);
      assertThat(Json.tree(published.get(0).value()).at("/id").asText()).isEqualTo("g1-" + ticket);
      assertThat(Json.tree(published.get(1).value()).at("/id").asText()).isEqualTo("g2-" + ticket);
      assertThat(events.during(r -> r.value().contains(ticket), Duration.ofSeconds(1))).hasSize(2);
    }
  }

  @Order(2)
  @Test
  void a_customer_id_made_of_every_allowed_kind_of_character_is_kept_and_located() {
    String id = "c-" + UUID.randomUUID() + ":Team_1.ops@acme.example";
    given()
        .contentType(JSON)
        .body("{\"id\":\"" + id + "\",\"name\":\"Acme\",\"plan\":\"jamf-gold\",\"zone\":\"UTC\"}")
        .post(CUSTOMERS)
        .then()
        .statusCode(201)
        .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/customers/" + id));
    given().get(CUSTOMERS + "/" + id).then().statusCode(200);
  }

  @Order(3)
  @Test
  void nothing_of_the_refused_input_was_published() {
    try (TopicProbe events = TopicProbe.fromBeginning(bootstrap(), Topics.TICKET_EVENTS);
        TopicProbe customers = TopicProbe.fromBeginning(bootstrap(), Topics.CUSTOMER_EVENTS)) {
      assertThat(events.during(r -> r.value().contains(RUN), Duration.ofSeconds(3))).isEmpty();
      assertThat(customers.during(r -> r.value().contains(RUN), Duration.ofSeconds(1))).isEmpty();
    }
    assertThat(storedRows()).isZero();
  }
}
