package io.slawatch.timer;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slawatch.testinfra.RealInfraTestResource;
import io.slawatch.testinfra.TopicProbe;
import io.slawatch.testinfra.TopicWriter;
import io.slawatch.testinfra.Topics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class CustomerCalendarTimerTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
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

  /**
   * A customer open around the clock every day, except on the given holiday; answers the instant
   * the record takes effect (its event's time).
   */
  private Instant customer(String id, int version, Optional<LocalDate> holiday) {
    Instant effective = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    String day = "[[\"00:00\",\"24:00\"]]";
    String holidays = holiday.map(d -> "[\"" + d + "\"]").orElse("[]");
    writer.send(
        Topics.CUSTOMER_EVENTS,
        id,
        """
        {"specversion":"1.0","id":"%1$s/%2$d","source":"test","type":"customer.upserted",
         "subject":"%1$s","time":"%3$s","data":{"id":"%1$s","name":"Acme","plan":"test-business",
         "zone":"%4$s","language":"en","calendar":{"zone":"%4$s","holidays":%5$s,
         "week":{"MON":%6$s,"TUE":%6$s,"WED":%6$s,"THU":%6$s,"FRI":%6$s,"SAT":%6$s,"SUN":%6$s}}}}
        """
            .formatted(id, version, effective, ZONE, holidays, day));
    return effective;
  }

  private void created(String ticket, String customer, Instant at) {
    writer.send(
        Topics.TICKET_EVENTS,
        ticket,
        """
        {"specversion":"1.0","id":"c-%1$s","source":"test","type":"ticket.created","subject":"%1$s",
         "time":"%2$s","data":{"customer":"%3$s","priority":"P1"}}
        """
            .formatted(ticket, at, customer));
  }

  private static boolean breach(ConsumerRecord<String, String> r, String ticket) {
    return AlertRecords.is(r, ticket, "sla.breached");
  }

  private static Optional<OffsetDateTime> pendingBreach(String ticket) throws Exception {
    try (Connection db = TimerDatabase.connect();
        PreparedStatement query =
            db.prepareStatement(
                "select fire_at from timer where ticket_id = ? and alert_id like '%sla.breached%'")) {
      query.setString(1, ticket);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next()
            ? Optional.of(rows.getObject(1, OffsetDateTime.class))
            : Optional.empty();
      }
    }
  }

  @Test
  void a_customer_holiday_moves_the_deadline_and_lifting_it_recomputes_the_open_ticket_from_then()
      throws Exception {
    String customer = "cust-" + UUID.randomUUID();
    String ticket = "T-" + UUID.randomUUID();
    LocalDate today = LocalDate.now(ZONE);
    customer(customer, 1, Optional.of(today));
    // the customer record is consumed before the ticket: wait for the timer store to know it
    Instant created = Instant.now();
    awaitCustomer(customer);
    created(ticket, customer, created);

    Instant tomorrow = today.plusDays(1).atStartOfDay(ZONE).toInstant();
    OffsetDateTime due = awaitPending(ticket);
    assertThat(due.toInstant()).isEqualTo(tomorrow.plusSeconds(3));

    // the holiday is cancelled: the record changes now, so the 3 s count from the change (the
    // closed day used none of them), never from the ticket's creation
    Instant lifted = customer(customer, 2, Optional.empty());
    var breach = alerts.await(r -> breach(r, ticket), 1, Duration.ofSeconds(30));
    assertThat(AlertRecords.json(breach.getFirst()).at("/data/due").asText())
        .isEqualTo(lifted.plusSeconds(3).toString());
  }

  @Test
  void an_event_that_arrives_late_fires_what_is_already_due_at_once() {
    String ticket = "T-" + UUID.randomUUID();
    Instant createdLongAgo = Instant.now().minus(Duration.ofMinutes(10));
    writer.send(
        Topics.TICKET_EVENTS,
        ticket,
        """
        {"specversion":"1.0","id":"c-%1$s","source":"test","type":"ticket.created","subject":"%1$s",
         "time":"%2$s","data":{"customer":"nobody","priority":"P1","plan":"test"}}
        """
            .formatted(ticket, createdLongAgo));

    var breach = alerts.await(r -> breach(r, ticket), 1, Duration.ofSeconds(30));
    assertThat(AlertRecords.json(breach.getFirst()).at("/data/due").asText())
        .isEqualTo(createdLongAgo.plusSeconds(3).toString());
  }

  private void awaitCustomer(String customer) throws Exception {
    Instant deadline = Instant.now().plusSeconds(30);
    try (Connection db = TimerDatabase.connect();
        PreparedStatement query = db.prepareStatement("select 1 from customer where id = ?")) {
      query.setString(1, customer);
      while (Instant.now().isBefore(deadline)) {
        try (ResultSet rows = query.executeQuery()) {
          if (rows.next()) {
            return;
          }
        }
        Thread.sleep(50); // polling the store for the consumed record
      }
    }
    throw new AssertionError("customer " + customer + " never reached sla-timer");
  }

  private static OffsetDateTime awaitPending(String ticket) throws Exception {
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      Optional<OffsetDateTime> due = pendingBreach(ticket);
      if (due.isPresent()) {
        return due.get();
      }
      Thread.sleep(50); // polling the store for the scheduled timer
    }
    throw new AssertionError("no breach timer scheduled for " + ticket);
  }
}
