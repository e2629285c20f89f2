package io.slawatch.timer;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slawatch.testinfra.RealInfraTestResource;
import io.slawatch.testinfra.TopicWriter;
import io.slawatch.testinfra.Topics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A ticket's pending breach timer follows what happens to it, on a Paris business calendar
 * (09:00-17:00, Monday to Friday) in March 2027: a priority change and a plan change move it, a
 * pause removes it, and the resume after a weekend that crosses the switch to summer time puts it
 * back where the remaining business time ends. The events are in the future, so every deadline is
 * still pending when it is checked.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class TimerLifecycleTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private TopicWriter writer;

  @BeforeEach
  void open() {
    writer =
        new TopicWriter(
            ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
  }

  @AfterEach
  void close() {
    writer.close();
  }

  private static Instant paris(String localDateTime) {
    return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), PARIS).toInstant();
  }

  private String customer() {
    String id = "paris-" + UUID.randomUUID();
    String day = "[[\"09:00\",\"17:00\"]]";
    writer.send(
        Topics.CUSTOMER_EVENTS,
        id,
        """
        {"specversion":"1.0","id":"%1$s/1","source":"test","type":"customer.upserted",
         "subject":"%1$s","time":"%2$s","data":{"id":"%1$s","name":"Paris SA","plan":"test-hours",
         "zone":"Europe/Paris","language":"fr","calendar":{"zone":"Europe/Paris",
         "week":{"MON":%3$s,"TUE":%3$s,"WED":%3$s,"THU":%3$s,"FRI":%3$s}}}}
        """
            .formatted(id, Instant.now(), day));
    return id;
  }

  private void event(String ticket, String type, Instant at, String data) {
    writer.send(
        Topics.TICKET_EVENTS,
        ticket,
        """
        {"specversion":"1.0","id":"%s","source":"test","type":"%s","subject":"%s","time":"%s",
         "data":%s}
        """
            .formatted(UUID.randomUUID(), type, ticket, at, data));
  }

  private static Optional<Instant> pendingBreach(String ticket) throws Exception {
    try (Connection db = TimerDatabase.connect();
        PreparedStatement query =
            db.prepareStatement(
                "select fire_at from timer where ticket_id = ? and kind = 'sla.breached'")) {
      query.setString(1, ticket);
      try (ResultSet rows = query.executeQuery()) {
        Optional<Instant> due =
            rows.next()
                ? Optional.of(rows.getObject(1, OffsetDateTime.class).toInstant())
                : Optional.empty();
        assertThat(rows.next()).as("one pending breach per ticket").isFalse();
        return due;
      }
    }
  }

  private static void awaitBreachAt(String ticket, Optional<Instant> expected) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(pendingBreach(ticket)).isEqualTo(expected));
  }

  @Test
  void a_priority_change_and_a_plan_change_move_the_pending_breach() {
    String customer = customer();
    String ticket = "LIFE-" + UUID.randomUUID();
    event(
        ticket,
        "ticket.created",
        paris("2027-03-22T10:00"),
        "{\"customer\":\"" + customer + "\",\"priority\":\"P3\"}");
    // P3: 8 business hours, Monday 10:00-17:00 then Tuesday 09:00-10:00
    awaitBreachAt(ticket, Optional.of(paris("2027-03-23T10:00")));

    event(ticket, "ticket.priority_changed", paris("2027-03-22T11:00"), "{\"priority\":\"P1\"}");
    // P1: 4 business hours from the opening, as if it had been P1 from the start
    awaitBreachAt(ticket, Optional.of(paris("2027-03-22T14:00")));

    event(
        ticket, "ticket.plan_changed", paris("2027-03-22T11:30"), "{\"plan\":\"test-hours-24x7\"}");
    // the new plan's P1: 6 hours around the clock
    awaitBreachAt(ticket, Optional.of(paris("2027-03-22T16:00")));
  }

  @Test
  void a_pause_over_a_weekend_that_changes_to_summer_time_shifts_the_breach_by_business_time() {
    String customer = customer();
    String ticket = "LIFE-" + UUID.randomUUID();
    event(
        ticket,
        "ticket.created",
        paris("2027-03-26T15:00"),
        "{\"customer\":\"" + customer + "\",\"priority\":\"P3\"}");
    // 2 hours on Friday, 6 on Monday (clocks go forward on Sunday 28 March)
    awaitBreachAt(ticket, Optional.of(paris("2027-03-29T15:00")));

    event(ticket, "ticket.status_changed", paris("2027-03-26T16:00"), "{\"status\":\"pending\"}");
    awaitBreachAt(ticket, Optional.empty());

    event(ticket, "ticket.status_changed", paris("2027-03-29T10:00"), "{\"status\":\"open\"}");
    // 1 hour used on Friday, 7 left from Monday 10:00 (summer time): 17:00, 15:00 UTC
    awaitBreachAt(ticket, Optional.of(paris("2027-03-29T17:00")));
    assertThat(paris("2027-03-29T17:00")).isEqualTo(Instant.parse("2027-03-29T15:00:00Z"));
  }
}
