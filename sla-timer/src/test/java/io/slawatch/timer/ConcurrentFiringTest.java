package io.slawatch.timer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slawatch.contract.json.SlaAlertCodec;
import io.slawatch.core.alert.AlertKind;
import io.slawatch.core.alert.ClockKind;
import io.slawatch.core.alert.SlaAlert;
import io.slawatch.core.ticket.CustomerId;
import io.slawatch.core.ticket.Priority;
import io.slawatch.core.ticket.TicketId;
import io.slawatch.testinfra.RealInfraTestResource;
import io.slawatch.testinfra.TopicProbe;
import io.slawatch.testinfra.Topics;
import io.slawatch.timer.firing.DueTimerPoller;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class ConcurrentFiringTest {
  @Inject DueTimerPoller poller;

  @Test
  void a_pile_up_claimed_by_several_firing_loops_at_once_is_published_exactly_once()
      throws Exception {
    String run = "PILE-" + UUID.randomUUID();
    int count = 3000;
    Instant due = Instant.now().minusSeconds(1);
    SlaAlertCodec codec = new SlaAlertCodec(new ObjectMapper());
    Config config = ConfigProvider.getConfig();
    try (TopicProbe alerts =
            TopicProbe.atEnd(
                config.getValue("kafka.bootstrap.servers", String.class), Topics.SLA_ALERTS);
        Connection db = TimerDatabase.connect()) {
      db.setAutoCommit(false);
      try (PreparedStatement insert =
          db.prepareStatement(
              "insert into timer (alert_id, ticket_id, fire_at, payload, kind, customer_id, plan,"
                  + " priority, clock, due) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (int i = 0; i < count; i++) {
          SlaAlert alert =
              new SlaAlert(
                  AlertKind.BREACHED,
                  new TicketId(run + "-" + i),
                  new CustomerId("acme"),
                  "test",
                  Priority.P2,
                  ClockKind.FIRST_RESPONSE,
                  1,
                  Duration.ofHours(1),
                  due,
                  due,
                  Optional.of(1.0),
                  Optional.empty(),
                  Optional.empty());
          insert.setString(1, alert.id());
          insert.setString(2, alert.ticket().value());
          insert.setObject(3, OffsetDateTime.ofInstant(due, ZoneOffset.UTC));
          insert.setString(4, new String(codec.encode(alert), StandardCharsets.UTF_8));
          insert.setString(5, alert.kind().type());
          insert.setString(6, alert.customer().value());
          insert.setString(7, alert.plan());
          insert.setString(8, alert.priority().name());
          insert.setString(9, alert.clock().wireName());
          insert.setObject(10, OffsetDateTime.ofInstant(alert.due(), ZoneOffset.UTC));
          insert.addBatch();
        }
        insert.executeBatch();
      }
      db.commit(); // from here the periodic loop competes with the three below

      Uni.join()
          .all(poller.fireDue(), poller.fireDue(), poller.fireDue())
          .andCollectFailures()
          .await()
          .atMost(Duration.ofSeconds(60));

      var published = alerts.await(r -> r.key().startsWith(run), count, Duration.ofSeconds(60));
      assertThat(alerts.during(r -> r.key().startsWith(run), Duration.ofSeconds(1))).hasSize(count);
      Map<String, Long> perTicket =
          published.stream().collect(Collectors.groupingBy(r -> r.key(), Collectors.counting()));
      assertThat(perTicket).hasSize(count).allSatisfy((ticket, n) -> assertThat(n).isEqualTo(1));
    }
  }
}
