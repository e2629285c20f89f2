package io.slawatch.timer.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.slawatch.testinfra.RealInfraTestResource;
import io.slawatch.testinfra.TopicWriter;
import io.slawatch.testinfra.Topics;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Engagements' obligations in the compliance reports (issue 15): four engagements of one customer
 * in September 2026 whose outcomes are known by construction, beside a ticket of that customer that
 * shares an engagement's id, go through Kafka and both engines; the figures are checked against the
 * construction. The customer is not in the registry: default plan, UTC, 09:00-17:00 Monday to
 * Friday.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class EngagementComplianceReportTest {
  static final String TOKEN = "test-token-report";
  static final String RUN = Long.toString(System.nanoTime(), 36);
  static final String CUSTOMER = "eng-cust-" + RUN;

  /** Booked for Tue 15 Sep 10:00, never started: a no-show. Its id is a ticket's too. */
  static final String NO_SHOW = "E-" + RUN + "-a";

  /** Booked for Wed 16 Sep 10:00, started 10:30 (met late), completed 14:30 (expiry met). */
  static final String LATE_START = "E-" + RUN + "-b";

  /**
   * Booked for Thu 17 Sep 10:00 and moved on Mon 14 Sep 10:00 to 20 Oct: the notice deadline was
   * Thu 10 Sep 10:00 (Wed 16, Tue 15, Mon 14, Fri 11, Thu 10), so 96 hours late.
   */
  static final String LATE_NOTICE = "E-" + RUN + "-c";

  /** Booked for Mon 21 Sep 10:00, started 10:05: in time. */
  static final String IN_TIME = "E-" + RUN + "-d";

  private static boolean published;

  @BeforeEach
  void publishOnce() {
    synchronized (EngagementComplianceReportTest.class) {
      if (!published) {
        publish();
        published = true;
      }
    }
  }

  private void publish() {
    String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    try (TopicWriter writer = new TopicWriter(bootstrap)) {
      for (String e : List.of(NO_SHOW, LATE_START, LATE_NOTICE, IN_TIME)) {
        send(
            writer,
            e,
            "p",
            "engagement.purchased",
            "2026-09-01T09:00:00Z",
            """
            {"customer":"%s","kind":"remote","hours":8,"purchased_at":"2026-09-01T09:00:00Z"}"""
                .formatted(CUSTOMER));
      }
      booked(writer, NO_SHOW, "2026-09-15T10:00:00Z");
      booked(writer, LATE_START, "2026-09-16T10:00:00Z");
      send(writer, LATE_START, "st", "engagement.started", "2026-09-16T10:30:00Z", "{}");
      send(writer, LATE_START, "co", "engagement.completed", "2026-09-16T14:30:00Z", "{}");
      booked(writer, LATE_NOTICE, "2026-09-17T10:00:00Z");
      send(
          writer,
          LATE_NOTICE,
          "r",
          "engagement.rescheduled",
          "2026-09-14T10:00:00Z",
          "{\"start\":\"2026-10-20T10:00:00Z\",\"duration\":\"PT4H\"}");
      booked(writer, IN_TIME, "2026-09-21T10:00:00Z");
      send(writer, IN_TIME, "st", "engagement.started", "2026-09-21T10:05:00Z", "{}");
      // a ticket of the customer with the no-show engagement's id, answered in time
      send(
          writer,
          NO_SHOW,
          "tc",
          "ticket.created",
          "2026-09-02T09:00:00Z",
          """
          {"customer":"%s","priority":"P1","plan":"test-hours-24x7"}"""
              .formatted(CUSTOMER));
      send(
          writer,
          NO_SHOW,
          "tr",
          "ticket.agent_replied",
          "2026-09-02T10:00:00Z",
          "{\"public\":true}");
    }
    // 4 expiries, 4 no-shows and a late notice started in September, and the ticket's clock
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> total(report(Map.of("group_by", "clock")).getList("rows", Map.class)) == 10);
  }

  private static void booked(TopicWriter writer, String engagement, String start) {
    send(
        writer,
        engagement,
        "s",
        "engagement.scheduled",
        "2026-09-01T10:00:00Z",
        "{\"start\":\"" + start + "\",\"duration\":\"PT4H\"}");
  }

  private static void send(
      TopicWriter writer, String subject, String suffix, String type, String at, String data) {
    writer.send(
        Topics.TICKET_EVENTS,
        subject,
        """
        {"specversion":"1.0","id":"%s-%s","source":"services-test","type":"%s","subject":"%s",
         "time":"%s","data":%s}
        """
            .formatted(subject, suffix, type, subject, at, data));
  }

  private static long total(List<Map> rows) {
    return rows.stream()
        .mapToLong(
            r ->
                ((Number) r.get("met")).longValue()
                    + ((Number) r.get("met_late")).longValue()
                    + ((Number) r.get("breached")).longValue()
                    + ((Number) r.get("open")).longValue()
                    + ((Number) r.get("ended")).longValue())
        .sum();
  }

  /** September 2026's report of the run's customer, with these parameters. */
  private static JsonPath report(Map<String, String> parameters) {
    return given()
        .header("Authorization", "Bearer " + TOKEN)
        .queryParam("from", "2026-09-01")
        .queryParam("to", "2026-10-01")
        .queryParam("customer", CUSTOMER)
        .queryParams(parameters)
        .get("/api/v1/reports/compliance")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static JsonPath breaches(Map<String, String> parameters) {
    return given()
        .header("Authorization", "Bearer " + TOKEN)
        .queryParam("from", "2026-09-01")
        .queryParam("to", "2026-10-01")
        .queryParam("customer", CUSTOMER)
        .queryParams(parameters)
        .get("/api/v1/breaches")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** Each row's figures by its keys (clock or priority, and subject). */
  private static Map<String, List<Object>> byKey(JsonPath report, String key) {
    Map<String, List<Object>> rows = new HashMap<>();
    for (Map<?, ?> row : report.getList("rows", Map.class)) {
      rows.put(
          row.get(key) + "|" + row.get("subject"),
          List.of(
              row.get("met"),
              row.get("met_late"),
              row.get("breached"),
              row.get("open"),
              row.get("ended"),
              String.valueOf(row.get("compliance_percent"))));
    }
    return rows;
  }

  @Test
  void the_months_no_shows_and_late_notices_are_counted_as_engagements_apart_from_tickets() {
    JsonPath report = report(Map.of("group_by", "clock"));

    assertThat(report.getList("group_by", String.class)).containsExactly("clock", "subject");
    assertThat(byKey(report, "clock"))
        .containsOnly(
            Map.entry("expiry|engagement", List.of(1, 0, 0, 3, 0, "100.0")),
            Map.entry("no_show|engagement", List.of(1, 1, 1, 0, 1, "33.33")),
            Map.entry("late_notice|engagement", List.of(0, 0, 1, 0, 0, "0.0")),
            Map.entry("first_response|ticket", List.of(1, 0, 0, 0, 0, "100.0")));
  }

  @Test
  void by_priority_an_engagement_has_none_and_is_never_in_a_tickets_percentage() {
    JsonPath report = report(Map.of("group_by", "priority"));

    assertThat(byKey(report, "priority"))
        .containsOnly(
            Map.entry("none|engagement", List.of(2, 1, 2, 3, 1, "40.0")),
            Map.entry("P1|ticket", List.of(1, 0, 0, 0, 0, "100.0")));
    // without any grouping the rows are still one per subject
    assertThat(report(Map.of()).getList("rows.subject", String.class))
        .containsExactlyInAnyOrder("engagement", "ticket");
  }

  @Test
  void the_filters_clock_and_subject_select_engagement_obligations() {
    assertThat(byKey(report(Map.of("clock", "no_show")), "clock"))
        .containsOnlyKeys("null|engagement");
    assertThat(report(Map.of("subject", "ticket", "group_by", "clock")).getList("rows.clock"))
        .containsExactly("first_response");
    assertThat(report(Map.of("subject", "engagement", "group_by", "clock")).getList("rows.clock"))
        .containsExactlyInAnyOrder("expiry", "no_show", "late_notice");
    given()
        .header("Authorization", "Bearer " + TOKEN)
        .queryParam("subject", "planet")
        .get("/api/v1/breaches")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations.field", org.hamcrest.Matchers.contains("subject"));
  }

  @Test
  void the_breach_list_names_the_engagements_that_missed_with_their_timeline() {
    JsonPath page = breaches(Map.of());

    assertThat(page.getInt("total")).isEqualTo(3);
    Map<String, Map<String, Object>> found = new HashMap<>();
    for (Map<String, Object> b : page.<Map<String, Object>>getList("breaches")) {
      found.put(b.get("ticket") + "/" + b.get("clock"), b);
      assertThat(b.get("subject")).isEqualTo("engagement");
      assertThat(b.get("priority")).isEqualTo("none");
      assertThat(b.get("timeline")).isEqualTo("/api/v1/engagements/" + b.get("ticket"));
    }
    assertThat(found)
        .containsOnlyKeys(
            NO_SHOW + "/no_show", LATE_START + "/no_show", LATE_NOTICE + "/late_notice");
    assertThat(found.get(NO_SHOW + "/no_show"))
        .containsEntry("status", "breached")
        .containsEntry("due", "2026-09-15T10:20:00Z")
        .containsEntry("breached_at", "2026-09-15T10:20:00Z");
    assertThat(found.get(LATE_START + "/no_show"))
        .containsEntry("status", "met_late")
        .containsEntry("met_at", "2026-09-16T10:30:00Z")
        .containsEntry("late", "PT10M");
    assertThat(found.get(LATE_NOTICE + "/late_notice"))
        .containsEntry("status", "breached")
        .containsEntry("due", "2026-09-10T10:00:00Z")
        .containsEntry("breached_at", "2026-09-14T10:00:00Z")
        .containsEntry("late", "PT96H");

    assertThat(breaches(Map.of("subject", "ticket")).getInt("total")).isZero();
    assertThat(breaches(Map.of("clock", "late_notice")).getInt("total")).isEqualTo(1);
  }

  @Test
  void the_breach_csv_says_which_subject_each_line_is() throws Exception {
    String csv =
        given()
            .header("Authorization", "Bearer " + TOKEN)
            .header("Accept", "text/csv")
            .queryParam("from", "2026-09-01")
            .queryParam("to", "2026-10-01")
            .queryParam("customer", CUSTOMER)
            .get("/api/v1/breaches")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    List<CSVRecord> records =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(csv))
            .getRecords();
    assertThat(records).hasSize(3);
    assertThat(records).allSatisfy(r -> assertThat(r.get("subject")).isEqualTo("engagement"));
  }

  @Test
  void a_ticket_and_an_engagement_sharing_an_id_keep_their_own_outcome_rows() throws Exception {
    Config config = ConfigProvider.getConfig();
    List<String> rows = new ArrayList<>();
    try (Connection db =
            DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
        PreparedStatement query =
            db.prepareStatement(
                "select subject_kind, clock, cycle, status, plan from clock_outcome"
                    + " where ticket_id = ? order by subject_kind, clock, cycle")) {
      query.setString(1, NO_SHOW);
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          rows.add(
              String.join(
                  " ",
                  result.getString(1),
                  result.getString(2),
                  Integer.toString(result.getInt(3)),
                  result.getString(4),
                  result.getString(5)));
        }
      }
    }
    assertThat(rows)
        .containsExactly(
            "engagement expiry 1 open jamf-standard",
            "engagement no_show 1 breached jamf-standard",
            "ticket first_response 1 met test-hours-24x7");
  }

  /**
   * The customer's calendar changes at 12:00 on Monday 14 September (UTC, 09:00-17:00 Monday to
   * Friday): Thursday 10 and Wednesday 23 September become closed days. A move made on Wednesday 9
   * at 12:00 for a Thursday 17 session was in time on the calendar then in force (deadline Thu 10
   * 10:00; on the new one it would be Wed 9 10:00, and late); the cancellation of the moved session
   * (Tue 29) on Monday 21 at 12:00 is judged on the new calendar (deadline Mon 21 10:00; on the
   * earlier one Tue 22, and in time).
   */
  @Test
  void an_engagement_keeps_the_deadlines_of_the_earlier_calendar_after_its_customer_changes_it()
      throws Exception {
    String customer = "terms-cust-" + RUN;
    String engagement = "E-" + RUN + "-terms";
    String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    try (TopicWriter writer = new TopicWriter(bootstrap)) {
      customerVersion(writer, customer, 1, "2026-08-01T00:00:00Z", "[]");
      customerVersion(
          writer, customer, 2, "2026-09-14T12:00:00Z", "[\"2026-09-10\",\"2026-09-23\"]");
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> versions(customer) == 2);
      send(
          writer,
          engagement,
          "p",
          "engagement.purchased",
          "2026-09-01T09:00:00Z",
          """
          {"customer":"%s","kind":"remote","hours":8,"purchased_at":"2026-09-01T09:00:00Z"}"""
              .formatted(customer));
      booked(writer, engagement, "2026-09-17T10:00:00Z");
      send(
          writer,
          engagement,
          "r",
          "engagement.rescheduled",
          "2026-09-09T12:00:00Z",
          "{\"start\":\"2026-09-29T10:00:00Z\",\"duration\":\"PT4H\"}");
      send(writer, engagement, "x", "engagement.cancelled", "2026-09-21T12:00:00Z", "{}");
    }
    Map<String, String> lateNotices = Map.of("clock", "late_notice", "customer", customer);
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> outcomeRows(engagement) == 4);
    JsonPath late =
        given()
            .header("Authorization", "Bearer " + TOKEN)
            .queryParam("from", "2026-09-01")
            .queryParam("to", "2026-10-01")
            .queryParams(lateNotices)
            .get("/api/v1/breaches")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(late.getInt("total")).as("only the cancellation was late").isEqualTo(1);
    assertThat(late.getString("breaches[0].breached_at")).isEqualTo("2026-09-21T12:00:00Z");
    assertThat(late.getString("breaches[0].due"))
        .as("the new calendar's deadline")
        .isEqualTo("2026-09-21T10:00:00Z");
    assertThat(late.getString("breaches[0].late")).isEqualTo("PT2H");
  }

  private static void customerVersion(
      TopicWriter writer, String id, int version, String effective, String holidays) {
    String day = "[[\"09:00\",\"17:00\"]]";
    writer.send(
        Topics.CUSTOMER_EVENTS,
        id,
        """
        {"specversion":"1.0","id":"%1$s/%2$d","source":"test","type":"customer.upserted",
         "subject":"%1$s","time":"%3$s","data":{"id":"%1$s","name":"Acme","plan":"jamf-gold",
         "zone":"UTC","language":"en","calendar":{"zone":"UTC","holidays":%4$s,
         "week":{"MON":%5$s,"TUE":%5$s,"WED":%5$s,"THU":%5$s,"FRI":%5$s}}}}
        """
            .formatted(id, version, effective, holidays, day));
  }

  private static Connection database() throws Exception {
    Config config = ConfigProvider.getConfig();
    return DriverManager.getConnection(
        config.getValue("quarkus.datasource.jdbc.url", String.class),
        config.getValue("quarkus.datasource.username", String.class),
        config.getValue("quarkus.datasource.password", String.class));
  }

  private static int versions(String customer) throws Exception {
    return count("select count(*) from customer_version where id = ?", customer);
  }

  /** Expiry, the two bookings' no-shows and the late notice. */
  private static int outcomeRows(String engagement) throws Exception {
    return count(
        "select count(*) from clock_outcome where ticket_id = ? and subject_kind = 'engagement'",
        engagement);
  }

  private static int count(String sql, String key) throws Exception {
    try (Connection db = database();
        PreparedStatement query = db.prepareStatement(sql)) {
      query.setString(1, key);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }
}
