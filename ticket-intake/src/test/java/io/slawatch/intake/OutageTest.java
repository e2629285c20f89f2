package io.slawatch.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.slawatch.core.ticket.Priority;
import io.slawatch.testinfra.KafkaBroker;
import io.slawatch.testinfra.Postgres;
import io.slawatch.testinfra.TopicProbe;
import io.slawatch.testinfra.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Kafka or PostgreSQL stopped under a running intake: the sender gets a 503 and nothing is kept;
 * once it is back, the same request is accepted and exactly one event is published. The test has
 * its own broker and database (not the ones the other tests share), since it stops them.
 */
@QuarkusTest
@TestProfile(OutageTest.OwnInfrastructure.class)
class OutageTest {
  /** This test's own broker and database, and none of the shared test resources. */
  public static class OwnInfrastructure implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(Infrastructure.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
      return true;
    }
  }

  /** Starts (and lets the test stop and restart) a broker and a database of its own. */
  public static class Infrastructure implements QuarkusTestResourceLifecycleManager {
    static Path dir;
    static KafkaBroker broker;
    static Postgres postgres;

    @Override
    public Map<String, String> start() {
      try {
        dir = Files.createTempDirectory("slawatch-outage");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      broker = KafkaBroker.start(dir.resolve("kafka"), 0);
      broker.createTopics(Topics.all());
      postgres = Postgres.start(dir.resolve("postgres"), 0, true);
      postgres.createDatabase("slawatch_outage");
      return Map.of(
          "kafka.bootstrap.servers", broker.bootstrapServers(),
          "quarkus.datasource.jdbc.url", postgres.jdbcUrl("slawatch_outage"),
          "quarkus.datasource.reactive.url", postgres.reactiveUrl("slawatch_outage"),
          "quarkus.datasource.username", postgres.user(),
          "quarkus.datasource.password", postgres.password(),
          "quarkus.devservices.enabled", "false");
    }

    @Override
    public void stop() {
      broker.close();
      postgres.close();
    }
  }

  private static String created(String ticket) {
    return TicketEventBuilder.created(ticket)
        .source("helpdesk/outage")
        .at("2026-11-24T10:15:00Z")
        .priority(Priority.P1)
        .channel("email")
        .json();
  }

  private static io.restassured.response.ValidatableResponse post(String body) {
    return given()
        .contentType("application/cloudevents+json")
        .body(body)
        .post("/api/v1/events")
        .then();
  }

  @Test
  void with_kafka_down_the_sender_gets_a_503_and_its_retry_publishes_the_event_once() {
    String ticket = "T-" + UUID.randomUUID();
    post(created("warm-" + ticket)).statusCode(202); // the producer knows the topic already
    int port = Infrastructure.broker.port();

    Infrastructure.broker.close();
    post(created(ticket))
        .statusCode(503)
        .contentType("application/problem+json")
        .body("status", equalTo(503));
    assertFailureCounted();

    Infrastructure.broker = KafkaBroker.start(Infrastructure.dir.resolve("kafka"), port);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> post(created(ticket)).extract().statusCode() != 503);
    post(created(ticket)).statusCode(200).body("status", equalTo("duplicate"));

    assertExactlyOnePublished(ticket);
  }

  @Test
  void with_postgres_down_the_sender_gets_a_503_and_its_retry_publishes_the_event_once() {
    String ticket = "T-" + UUID.randomUUID();
    int port = Infrastructure.postgres.port();

    Infrastructure.postgres.close();
    post(created(ticket)).statusCode(503).contentType("application/problem+json");
    assertFailureCounted();

    Infrastructure.postgres = Postgres.start(Infrastructure.dir.resolve("postgres"), port, true);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> post(created(ticket)).extract().statusCode() != 503);
    post(created(ticket)).statusCode(200).body("status", equalTo("duplicate"));

    assertExactlyOnePublished(ticket);
  }

  /** The failed attempt is counted (and logged with its stack trace) where it happened. */
  private static void assertFailureCounted() {
    assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString())
        .containsPattern(
            "slawatch_intake_failures_total\\{[^}]*operation=\"accept\"[^}]*\\} [1-9]");
  }

  private static void assertExactlyOnePublished(String ticket) {
    try (TopicProbe events =
        TopicProbe.fromBeginning(Infrastructure.broker.bootstrapServers(), Topics.TICKET_EVENTS)) {
      events.await(r -> ticket.equals(r.key()), 1, Duration.ofSeconds(20));
      // anything published twice would be in the log by now: the first copy was just read
      assertThat(events.during(r -> ticket.equals(r.key()), Duration.ofSeconds(2))).hasSize(1);
    }
  }
}
