package io.slawatch.timer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.slawatch.testinfra.RealInfraTestResource;
import io.slawatch.testinfra.TopicProbe;
import io.slawatch.testinfra.TopicWriter;
import io.slawatch.testinfra.Topics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Engagements (Jamf's services policy) through sla-timer: their events on {@code ticket.events.v1}
 * are stored, replayed by the engagement engine and their obligations become durable timers that
 * fire on {@code sla.alerts.v1} like a ticket's; their timers are kept apart from a ticket's of the
 * same id; {@code GET /api/v1/engagements/{id}} answers their state.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class EngagementTimerTest {
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

  private void publish(String subject, String id, String type, Instant at, String data) {
    writer.send(
        Topics.TICKET_EVENTS,
        subject,
        """
        {"specversion":"1.0","id":"%s","source":"test","type":"%s","subject":"%s",
         "time":"%s","data":%s}
        """
            .formatted(id, type, subject, at, data));
  }

  private void purchased(String engagement, String customer, Instant at) {
    publish(
        engagement,
        "p-" + engagement,
        "engagement.purchased",
        at,
        """
        {"customer":"%s","kind":"remote","hours":8,"purchased_at":"%s"}"""
            .formatted(customer, at));
  }

  private void scheduled(String engagement, Instant at, Instant start) {
    publish(
        engagement,
        "s-" + engagement,
        "engagement.scheduled",
        at,
        "{\"start\":\"" + start + "\",\"duration\":\"PT4H\"}");
  }

  @Test
  void an_engagement_scheduled_and_not_started_fires_no_show_twenty_minutes_after_its_start() {
    String engagement = "E-" + UUID.randomUUID();
    Instant bookedAt = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MILLIS);
    // the session was booked yesterday for 20 minutes ago less 3 s: the no-show is due in 3 s
    Instant start =
        Instant.now().minus(Duration.ofMinutes(20)).plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);
    purchased(engagement, "stranger-" + UUID.randomUUID(), bookedAt);
    scheduled(engagement, bookedAt, start);

    var noShow =
        alerts.await(
            r -> AlertRecords.is(r, engagement, "sla.breached"), 1, Duration.ofSeconds(30));
    JsonNode alert = AlertRecords.json(noShow.getFirst());
    assertThat(alert.path("id").asText()).isEqualTo(engagement + "/no_show/1/sla.breached/1.0");
    assertThat(alert.at("/data/clock").asText()).isEqualTo("no_show");
    assertThat(alert.at("/data/due").asText())
        .isEqualTo(start.plus(Duration.ofMinutes(20)).toString());
    assertThat(alert.at("/data/flags")).extracting(JsonNode::asText).contains("engagement");
    assertThat(noShow.getFirst().timestamp())
        .as("fired no earlier than due")
        .isGreaterThanOrEqualTo(start.plus(Duration.ofMinutes(20)).toEpochMilli());

    JsonPath state =
        ApiTokens.api()
            .get("/api/v1/engagements/{id}", engagement)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(state.getString("stage")).isEqualTo("scheduled");
    assertThat(state.getString("kind")).isEqualTo("remote");
    assertThat(state.getList("flags", String.class)).contains("no_show");
    Map<String, String> statuses = new HashMap<>();
    state
        .getList("obligations", Map.class)
        .forEach(o -> statuses.put((String) o.get("clock"), (String) o.get("status")));
    assertThat(statuses).containsEntry("no_show", "breached").containsEntry("expiry", "open");
    assertThat(state.getList("fired", String.class))
        .contains(engagement + "/no_show/1/sla.breached/1.0");
    assertThat(state.getList("timeline")).isNotEmpty();

    String metrics = ApiTokens.api().get("/q/metrics").then().statusCode(200).extract().asString();
    assertThat(metrics)
        .containsPattern(
            "slawatch_engagement_alerts_total\\{[^}]*clock=\"no_show\"[^}]*type=\"sla.breached\"");
  }

  @Test
  void the_simulator_replays_engagement_events_beside_ticket_events() {
    ApiTokens.api()
        .contentType("application/json")
        .body(
            """
            {"plan":"jamf-gold","zone":"Europe/Warsaw","until":"2026-12-04T00:00:00Z","events":[
              {"specversion":"1.0","id":"p","source":"sim","type":"engagement.purchased",
               "subject":"E-1","time":"2026-11-02T09:00:00Z","data":{"customer":"acme",
               "kind":"remote","hours":8,"purchased_at":"2026-11-02T09:00:00Z"}},
              {"specversion":"1.0","id":"s6","source":"sim","type":"engagement.scheduled",
               "subject":"E-1","time":"2026-11-02T10:00:00Z",
               "data":{"start":"2026-12-01T14:00:00Z","duration":"PT6H"}},
              {"specversion":"1.0","id":"s","source":"sim","type":"engagement.scheduled",
               "subject":"E-1","time":"2026-11-02T11:00:00Z",
               "data":{"start":"2026-12-03T14:00:00Z","duration":"PT4H"}}]}
            """)
        .post("/api/v1/simulate")
        .then()
        .statusCode(200)
        .body(
            "alerts.find { it.data.clock == 'no_show' }.data.due",
            org.hamcrest.Matchers.equalTo("2026-12-03T14:20:00Z"))
        .body("refused.field", org.hamcrest.Matchers.contains("data.duration"));
  }

  @Test
  void an_engagement_nobody_told_sla_timer_of_is_a_404_problem() {
    ApiTokens.api()
        .get("/api/v1/engagements/{id}", "E-unknown-" + UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void a_ticket_and_an_engagement_with_the_same_id_keep_each_others_timers() throws Exception {
    String id = "X-" + UUID.randomUUID();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    // a ticket of a customer nobody registered: default plan, its first response hours away
    publish(
        id,
        "c-" + id,
        "ticket.created",
        now,
        "{\"customer\":\"stranger-" + UUID.randomUUID() + "\",\"priority\":\"P3\"}");
    String ticketBreach = id + "/first_response/1/sla.breached";
    awaitTimer(ticketBreach, true);

    purchased(id, "stranger-" + UUID.randomUUID(), now);
    scheduled(id, now, now.plus(Duration.ofDays(2)));
    String noShow = id + "/no_show/1/sla.breached";
    awaitTimer(noShow, true);
    assertThat(subjectOf(ticketBreach))
        .as("the engagement's replay left the ticket's timer")
        .isEqualTo("ticket");
    assertThat(subjectOf(noShow)).isEqualTo("engagement");

    // the ticket is answered: its replay drops its first-response timer, not the engagement's
    publish(id, "r-" + id, "ticket.agent_replied", now.plusSeconds(1), "{\"public\":true}");
    awaitTimer(ticketBreach, false);
    assertThat(subjectOf(noShow))
        .as("the ticket's replay left the engagement's timer")
        .isEqualTo("engagement");
    assertThat(subjectOf(id + "/expiry/1/sla.breached")).isEqualTo("engagement");
  }

  @Test
  void a_change_of_the_customers_plan_recomputes_its_open_engagements() throws Exception {
    String customer = "cust-" + UUID.randomUUID();
    String engagement = "E-" + UUID.randomUUID();
    customerVersion(customer, 1, "test");
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    // the customer record is consumed on its own topic: wait for sla-timer to know it
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> customerKnown(customer));
    purchased(engagement, customer, now);
    scheduled(engagement, now, now.plus(Duration.ofDays(2)));
    String noShow = engagement + "/no_show/1/sla.breached";
    awaitTimer(noShow, true);
    assertThat(planOf(noShow)).isEqualTo("test");

    customerVersion(customer, 2, "test-business");
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> "test-business".equals(planOf(noShow)));
  }

  private void customerVersion(String id, int version, String plan) {
    writer.send(
        Topics.CUSTOMER_EVENTS,
        id,
        """
        {"specversion":"1.0","id":"%1$s/%2$d","source":"test","type":"customer.upserted",
         "subject":"%1$s","time":"%3$s","data":{"id":"%1$s","name":"Acme","plan":"%4$s",
         "zone":"Europe/Warsaw","language":"en"}}
        """
            .formatted(id, version, Instant.now(), plan));
  }

  private static boolean customerKnown(String customer) throws Exception {
    try (Connection db = TimerDatabase.connect();
        PreparedStatement query = db.prepareStatement("select 1 from customer where id = ?")) {
      query.setString(1, customer);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    }
  }

  private static String planOf(String alertId) throws Exception {
    try (Connection db = TimerDatabase.connect();
        PreparedStatement query =
            db.prepareStatement("select plan from timer where alert_id like ?")) {
      query.setString(1, alertId + "%");
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? rows.getString(1) : null;
      }
    }
  }

  private static void awaitTimer(String alertId, boolean present) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> (subjectOf(alertId) != null) == present);
  }

  /**
   * The subject kind of the pending timer of this alert, whatever its threshold (null: none
   * pending).
   */
  private static String subjectOf(String alertId) throws Exception {
    try (Connection db = TimerDatabase.connect();
        PreparedStatement query =
            db.prepareStatement(
                "select subject_kind from timer where alert_id = ? or alert_id like ?")) {
      query.setString(1, alertId);
      query.setString(2, alertId + "/%");
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? rows.getString(1) : null;
      }
    }
  }
}
