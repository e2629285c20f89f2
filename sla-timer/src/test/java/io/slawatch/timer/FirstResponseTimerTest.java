package io.slawatch.timer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slawatch.testinfra.RealInfraTestResource;
import io.slawatch.testinfra.TopicProbe;
import io.slawatch.testinfra.TopicWriter;
import io.slawatch.testinfra.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class FirstResponseTimerTest {
  private TopicProbe alerts;
  private TopicWriter writer;

  @BeforeEach
  void open() {
    String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    alerts = TopicProbe.atEnd(bootstrap, Topics.SLA_ALERTS);
    writer = new TopicWriter(bootstrap);
  }

  @AfterEach
  void close() {
    alerts.close();
    writer.close();
  }

  private void publish(String ticket, String id, String type, Instant at, String data) {
    writer.send(
        Topics.TICKET_EVENTS,
        ticket,
        """
        {"specversion":"1.0","id":"%s","source":"test","type":"%s","subject":"%s",
         "time":"%s","data":%s}
        """
            .formatted(id, type, ticket, at, data));
  }

  private void created(String ticket, Instant at) {
    publish(
        ticket,
        "c-" + ticket,
        "ticket.created",
        at,
        "{\"customer\":\"acme\",\"priority\":\"P1\",\"plan\":\"test\"}");
  }

  private static boolean is(ConsumerRecord<String, String> r, String ticket, String type) {
    return AlertRecords.is(r, ticket, type);
  }

  @Test
  void an_unanswered_ticket_is_warned_then_breached_at_its_target() {
    String ticket = "T-" + UUID.randomUUID();
    Instant createdAt = Instant.now();
    created(ticket, createdAt);

    var breach = alerts.await(r -> is(r, ticket, "sla.breached"), 1, Duration.ofSeconds(30));
    JsonNode alert = AlertRecords.json(breach.getFirst());
    assertThat(alert.path("id").asText()).isEqualTo(ticket + "/first_response/1/sla.breached/1.0");
    assertThat(alert.at("/data/due").asText()).isEqualTo(createdAt.plusSeconds(3).toString());
    assertThat(alerts.seen()).anyMatch(r -> is(r, ticket, "sla.warning"));
    assertThat(breach.getFirst().timestamp())
        .as("fired no earlier than due")
        .isGreaterThanOrEqualTo(createdAt.plusSeconds(3).toEpochMilli());
  }

  @Test
  void a_public_reply_in_time_means_no_breach_and_a_redelivered_event_changes_nothing() {
    String answered = "T-" + UUID.randomUUID();
    String unanswered = "T-" + UUID.randomUUID();
    Instant createdAt = Instant.now();
    created(answered, createdAt);
    created(unanswered, createdAt);
    publish(
        answered,
        "r-" + answered,
        "ticket.agent_replied",
        createdAt.plusSeconds(1),
        "{\"public\":true}");
    created(unanswered, createdAt); // a duplicate delivery

    // both would breach at the same instant: once the unanswered one has, the other would have too
    alerts.await(r -> is(r, unanswered, "sla.breached"), 1, Duration.ofSeconds(30));
    assertThat(alerts.during(r -> is(r, answered, "sla.breached"), Duration.ofSeconds(1)))
        .isEmpty();
    assertThat(alerts.seen().stream().filter(r -> is(r, unanswered, "sla.breached"))).hasSize(1);
  }

  @Test
  void a_breached_ticket_answered_late_ends_its_clock_with_sla_ended_met_late() {
    String ticket = "T-" + UUID.randomUUID();
    Instant createdAt = Instant.now();
    created(ticket, createdAt);
    alerts.await(r -> is(r, ticket, "sla.breached"), 1, Duration.ofSeconds(30));

    Instant answeredAt = Instant.now();
    publish(ticket, "r-" + ticket, "ticket.agent_replied", answeredAt, "{\"public\":true}");

    var ended = alerts.await(r -> is(r, ticket, "sla.ended"), 1, Duration.ofSeconds(30));
    JsonNode end = AlertRecords.json(ended.getFirst());
    assertThat(end.path("id").asText()).isEqualTo(ticket + "/first_response/1/sla.ended");
    assertThat(end.at("/data/reason").asText()).isEqualTo("met_late");
    assertThat(end.at("/data/met_at").asText()).isEqualTo(answeredAt.toString());
    assertThat(alerts.seen()).noneMatch(r -> is(r, ticket, "sla.met"));
  }

  @Test
  void a_ticket_of_a_customer_the_registry_does_not_know_carries_the_unknown_customer_flag() {
    String ticket = "T-" + UUID.randomUUID();
    publish(
        ticket,
        "c-" + ticket,
        "ticket.created",
        Instant.now(),
        "{\"customer\":\"stranger-"
            + UUID.randomUUID()
            + "\",\"priority\":\"P1\",\"plan\":\"test\"}");

    var breach = alerts.await(r -> is(r, ticket, "sla.breached"), 1, Duration.ofSeconds(30));
    assertThat(AlertRecords.json(breach.getFirst()).at("/data/flags"))
        .extracting(JsonNode::asText)
        .containsExactly("unknown_customer");
  }

  @Test
  void a_record_that_is_no_valid_event_is_dead_lettered_with_its_reason_and_the_rest_goes_on()
      throws Exception {
    String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    String poisoned = "T-" + UUID.randomUUID();
    String ticket = "T-" + UUID.randomUUID();
    try (TopicProbe deadLetters = TopicProbe.atEnd(bootstrap, Topics.TICKET_EVENTS_DLQ)) {
      writer.send(
          Topics.TICKET_EVENTS,
          poisoned,
          """
          {"specversion":"1.0","id":"c-%1$s","source":"test","type":"ticket.created",
           "subject":"%1$s","time":"3000-01-01T00:00:00Z","data":{"customer":"acme","priority":"P1"}}
          """
              .formatted(poisoned));
      created(ticket, Instant.now());

      var dead = deadLetters.await(r -> poisoned.equals(r.key()), 1, Duration.ofSeconds(30));
      String reason =
          new String(
              dead.getFirst().headers().lastHeader("dead-letter-reason").value(),
              java.nio.charset.StandardCharsets.UTF_8);
      assertThat(reason).startsWith("time must be an instant from 1970");
      assertThat(dead.getFirst().value()).contains("3000-01-01T00:00:00Z");
      alerts.await(r -> is(r, ticket, "sla.breached"), 1, Duration.ofSeconds(30));
    }
  }
}
