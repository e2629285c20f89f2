package io.slawatch.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.slawatch.testinfra.RealInfraTestResource;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A catalogue of malformed requests to {@code POST /api/v1/events}: each gets an RFC 9457 problem
 * with the right status that names what is wrong, never a 500.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class MalformedBodyTest {
  private static final String STRUCTURED = "application/cloudevents+json";
  private static final String BATCH = "application/cloudevents-batch+json";

  private static String event(String attributes, String data) {
    return "{\"specversion\":\"1.0\",\"id\":\"m-1\",\"source\":\"helpdesk/test\","
        + attributes
        + ",\"data\":"
        + data
        + "}";
  }

  private static final String CREATED = "\"type\":\"ticket.created\",\"subject\":\"T-1\"";
  private static final String NOW = "\"time\":\"2026-11-24T10:00:00Z\"";
  private static final String DATA = "{\"customer\":\"acme\",\"priority\":\"P1\"}";

  static Stream<Arguments> catalogue() {
    return Stream.of(
        Arguments.of("invalid JSON", STRUCTURED, "{\"specversion\":\"1.0\",", 400, "JSON"),
        Arguments.of("a JSON array, not an event", STRUCTURED, "[1,2]", 400, "object"),
        Arguments.of(
            "a number where a string is due",
            STRUCTURED,
            event(CREATED + "," + NOW, "{\"customer\":\"acme\",\"priority\":1}"),
            400,
            "data.priority"),
        Arguments.of(
            "a missing type", STRUCTURED, event("\"subject\":\"T-1\"," + NOW, DATA), 400, "type"),
        Arguments.of(
            "a missing subject",
            STRUCTURED,
            event("\"type\":\"ticket.created\"," + NOW, DATA),
            400,
            "subject"),
        Arguments.of(
            "an unknown type",
            STRUCTURED,
            event("\"type\":\"ticket.exploded\",\"subject\":\"T-1\"," + NOW, DATA),
            400,
            "type"),
        Arguments.of(
            "an impossible instant",
            STRUCTURED,
            event(CREATED + ",\"time\":\"2026-13-45T25:00:00Z\"", DATA),
            400,
            "time"),
        Arguments.of(
            "the year 3000, beyond the engine's range",
            STRUCTURED,
            event(CREATED + ",\"time\":\"3000-01-01T00:00:00Z\"", DATA),
            400,
            "time"),
        Arguments.of(
            "a local time without its offset",
            STRUCTURED,
            event(CREATED + ",\"time\":\"2026-11-24T10:00:00\"", DATA),
            400,
            "time"),
        Arguments.of(
            "an unknown CloudEvents version",
            STRUCTURED,
            event(CREATED + "," + NOW, DATA).replace("\"1.0\"", "\"0.3\""),
            400,
            "specversion"),
        Arguments.of(
            "an unknown priority",
            STRUCTURED,
            event(CREATED + "," + NOW, "{\"customer\":\"acme\",\"priority\":\"P9\"}"),
            400,
            "data.priority"),
        Arguments.of(
            "a batch that is not an array", BATCH, event(CREATED + "," + NOW, DATA), 400, "array"),
        Arguments.of(
            "a body in plain text", "text/plain", "ticket T-1 was created", 415, "content"),
        Arguments.of(
            "a body over the size limit (2 MB)",
            STRUCTURED,
            event(CREATED + "," + NOW, "{\"customer\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}"),
            413,
            "large"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogue")
  void a_malformed_request_gets_a_problem_naming_what_is_wrong(
      String what, String contentType, String body, int status, String named) {
    Response response =
        given().contentType(contentType).body(body).post("/api/v1/events").andReturn();

    assertThat(response.statusCode()).as(what + ": " + response.asString()).isEqualTo(status);
    assertThat(response.contentType()).as(what).startsWith("application/problem+json");
    JsonPath problem = response.jsonPath();
    assertThat(problem.getInt("status")).isEqualTo(status);
    List<String> fields = problem.getList("violations.field");
    String said =
        problem.getString("title")
            + " "
            + problem.getString("detail")
            + " "
            + (fields == null ? "" : fields)
            + " "
            + problem.getList("violations.message");
    assertThat(said.toLowerCase()).as(what).contains(named.toLowerCase());
  }
}
