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

  private static String engagementEvent(String id, String engagement, String type, String data) {
    return ("{\"specversion\":\"1.0\",\"id\":\"%s\",\"source\":\"kafka/services\","
            + "\"type\":\"%s\",\"subject\":\"%s\",\"time\":\"2026-11-24T10:00:00Z\","
            + "\"data\":%s}")
        .formatted(id, type, engagement, data);
  }

  private static String purchased(String engagement, String kind) {
    return engagementEvent(
        "p-" + engagement,
        engagement,
        "engagement.purchased",
        "{\"customer\":\"acme\",\"kind\":\""
            + kind
            + "\",\"hours\":8,\"purchased_at\":\"2026-11-24T10:00:00Z\"}");
  }

  private static String scheduled(String id, String engagement, String duration) {
    return engagementEvent(
        id,
        engagement,
        "engagement.scheduled",
        "{\"start\":\"2026-12-03T14:00:00Z\",\"duration\":\"" + duration + "\"}");
  }

  private static String reason(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> r) {
    Header reason = r.headers().lastHeader("dead-letter-reason");
    assertThat(reason).isNotNull();
    return new String(reason.value(), StandardCharsets.UTF_8);
  }

  @Test
  void engagement_events_are_taken_like_the_events_api_takes_them_and_a_redelivery_is_not() {
    String engagement = "E-" + UUID.randomUUID();
    writer.send(Topics.TICKET_INBOUND, engagement, purchased(engagement, "remote"));
    writer.send(Topics.TICKET_INBOUND, engagement, purchased(engagement, "remote"));
    ticketEvents.await(r -> engagement.equals(r.key()), 1, Duration.ofSeconds(30));
    // the purchase is known now: a remote booking of whole 4-hour blocks is taken
    writer.send(
        Topics.TICKET_INBOUND, engagement, scheduled("s-" + engagement, engagement, "PT8H"));

    var published = ticketEvents.await(r -> engagement.equals(r.key()), 2, Duration.ofSeconds(30));
    assertThat(published)
        .extracting(r -> Json.tree(r.value()).at("/type").asText())
        .containsExactly("engagement.purchased", "engagement.scheduled");
    assertThat(ticketEvents.during(r -> engagement.equals(r.key()), Duration.ofSeconds(1)))
        .hasSize(2);
  }

  @Test
  void a_remote_booking_not_in_whole_four_hour_blocks_is_dead_lettered_naming_data_duration() {
    String remote = "E-" + UUID.randomUUID();
    String onSite = "E-" + UUID.randomUUID();
    String unknownKind = "E-" + UUID.randomUUID();
    writer.send(Topics.TICKET_INBOUND, remote, purchased(remote, "remote"));
    writer.send(Topics.TICKET_INBOUND, onSite, purchased(onSite, "on_site"));
    writer.send(Topics.TICKET_INBOUND, unknownKind, purchased(unknownKind, "virtual"));
    ticketEvents.await(
        r -> remote.equals(r.key()) || onSite.equals(r.key()), 2, Duration.ofSeconds(30));
    writer.send(Topics.TICKET_INBOUND, remote, scheduled("s-" + remote, remote, "PT6H"));
    writer.send(Topics.TICKET_INBOUND, onSite, scheduled("s-" + onSite, onSite, "PT6H"));

    var dead =
        deadLetters.await(
            r -> remote.equals(r.key()) || unknownKind.equals(r.key()), 2, Duration.ofSeconds(30));
    assertThat(dead.stream().filter(r -> remote.equals(r.key())).map(InboundTopicTest::reason))
        .singleElement()
        .asString()
        .contains("data.duration");
    assertThat(dead.stream().filter(r -> unknownKind.equals(r.key())).map(InboundTopicTest::reason))
        .singleElement()
        .asString()
        .contains("data.kind");
    // the same six hours on site are fine: the rule is the remote engagements'
    ticketEvents.await(r -> onSite.equals(r.key()), 2, Duration.ofSeconds(30));
    assertThat(ticketEvents.seen())
        .filteredOn(r -> remote.equals(r.key()))
        .extracting(r -> Json.tree(r.value()).at("/type").asText())
        .containsExactly("engagement.purchased");
    assertThat(ticketEvents.seen()).noneMatch(r -> unknownKind.equals(r.key()));
  }
}
