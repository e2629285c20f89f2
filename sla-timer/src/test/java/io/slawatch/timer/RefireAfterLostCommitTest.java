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
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The crash window that matters most: alerts published, the process gone before its transaction
 * commits. Here the commit fails instead (a trigger refuses the first "fired" mark of one ticket),
 * which leaves the database exactly as a crash would: the claim rolled back, the alert on Kafka.
 * The next round must publish it again with the same id, then mark it fired once.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class RefireAfterLostCommitTest {
  @Test
  void an_alert_published_but_not_committed_is_published_again_with_the_same_id() throws Exception {
    String ticket = "REFIRE-" + UUID.randomUUID();
    Instant due = Instant.now().minusSeconds(1);
    SlaAlert alert =
        new SlaAlert(
            AlertKind.BREACHED,
            new TicketId(ticket),
            new CustomerId("acme"),
            "test",
            Priority.P2,
            ClockKind.FIRST_RESPONSE,
            1,
            Duration.ofHours(1),
            due,
            due,
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    String trigger = "fail_" + Long.toHexString(System.nanoTime());
    try (TopicProbe alerts =
            TopicProbe.atEnd(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                Topics.SLA_ALERTS);
        Connection db = TimerDatabase.connect();
        Statement sql = db.createStatement()) {
      // fails once for this ticket: a sequence is not rolled back with the failed transaction
      sql.execute("create sequence " + trigger);
      sql.execute(
          """
          create function %1$s() returns trigger language plpgsql as $f$
          begin
            if new.ticket_id = '%2$s' and nextval('%1$s') = 1 then
              raise exception 'injected: the process died before committing';
            end if;
            return new;
          end $f$
          """
              .formatted(trigger, ticket));
      sql.execute(
          "create trigger %1$s before insert on fired_alert for each row execute function %1$s()"
              .formatted(trigger));
      try (PreparedStatement insert =
          db.prepareStatement(
              "insert into timer (alert_id, ticket_id, fire_at, payload, kind, customer_id, plan,"
                  + " priority, clock, due) values (?, ?, ?, ?, 'sla.breached', 'acme', 'test',"
                  + " 'P2', 'first_response', ?)")) {
        insert.setString(1, alert.id());
        insert.setString(2, ticket);
        insert.setObject(3, OffsetDateTime.ofInstant(due, ZoneOffset.UTC));
        insert.setString(
            4,
            new String(
                new SlaAlertCodec(new ObjectMapper()).encode(alert), StandardCharsets.UTF_8));
        insert.setObject(5, OffsetDateTime.ofInstant(due, ZoneOffset.UTC));
        insert.executeUpdate();
      }

      var published = alerts.await(r -> r.key().equals(ticket), 2, Duration.ofSeconds(30));
      assertThat(published)
          .extracting(r -> AlertRecords.json(r).path("id").asText())
          .containsExactly(alert.id(), alert.id());
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> count(db, "fired_alert", ticket) == 1 && count(db, "timer", ticket) == 0);
      assertThat(alerts.during(r -> r.key().equals(ticket), Duration.ofSeconds(1)))
          .as("once committed, never again")
          .hasSize(2);
    } finally {
      try (Connection db = TimerDatabase.connect();
          Statement sql = db.createStatement()) {
        sql.execute("drop trigger if exists %1$s on fired_alert".formatted(trigger));
        sql.execute("drop function if exists %1$s()".formatted(trigger));
        sql.execute("drop sequence if exists %1$s".formatted(trigger));
      }
    }
  }

  private static long count(Connection db, String table, String ticket) throws Exception {
    try (PreparedStatement query =
        db.prepareStatement("select count(*) from " + table + " where ticket_id = ?")) {
      query.setString(1, ticket);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }
}
