package io.slawatch.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slawatch.core.ticket.Priority;
import io.slawatch.testinfra.RealInfraTestResource;
import io.slawatch.testinfra.TopicProbe;
import io.slawatch.testinfra.TopicWriter;
import io.slawatch.testinfra.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class InboundTopicTest {
  private TopicProbe ticketEvents;
  private TopicProbe deadLetters;
  private TopicWriter writer;

  @BeforeEach
  void open() {
    String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    ticketEvents = TopicProbe.atEnd(bootstrap, Topics.TICKET_EVENTS);
    deadLetters = TopicProbe.atEnd(bootstrap, Topics.TICKET_INBOUND_DLQ);
    writer = new TopicWriter(bootstrap);
  }

  @AfterEach
  void close() {
    ticketEvents.close();
    deadLetters.close();
    writer.close();
  }

  private static String created(String id, String ticket) {
    return TicketEventBuilder.created(ticket)
        .id(id)
        .source("kafka/test")
        .at("2026-11-24T10:15:00Z")
        .priority(Priority.P2)
        .json();
  }

  @Test
  void an_invalid_record_is_dead_lettered_with_its_reason_and_the_next_one_still_flows() {
    String bad = "T-" + UUID.randomUUID();
    String good = "T-" + UUID.randomUUID();
    writer.send(
        Topics.TICKET_INBOUND,
        bad,
        "{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"kafka/test\","
            + "\"type\":\"ticket.created\",\"subject\":\""
            + bad
            + "\",\"time\":\"soon\","
            + "\"data\":{\"customer\":\"acme\",\"priority\":\"P7\"}}");
    writer.send(Topics.TICKET_INBOUND, good, created("ok-" + good, good));
    writer.send(Topics.TICKET_INBOUND, good, created("ok-" + good, good)); // a duplicate

    var dead = deadLetters.await(r -> bad.equals(r.key()), 1, Duration.ofSeconds(30));
    Header reason = dead.getFirst().headers().lastHeader("dead-letter-reason");
    assertThat(reason).isNotNull();
    assertThat(new String(reason.value(), StandardCharsets.UTF_8))
        .contains("time must be an RFC 3339 timestamp")
        .contains("data.priority");
    ticketEvents.await(r -> good.equals(r.key()), 1, Duration.ofSeconds(30));
    assertThat(ticketEvents.during(r -> good.equals(r.key()), Duration.ofSeconds(1))).hasSize(1);
    assertThat(ticketEvents.seen()).noneMatch(r -> bad.equals(r.key()));
  }
}
