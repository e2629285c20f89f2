package io.slawatch.timer.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.slawatch.testinfra.RealInfraTestResource;
import io.slawatch.testinfra.TopicWriter;
import io.slawatch.testinfra.Topics;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Compliance reports (issue 14): 1,000 tickets with outcomes known by construction go through Kafka
 * and the engine; every figure of the report and the breach list is checked to the unit against the
 * construction, not against the engine.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class ComplianceReportTest {
  static final String TOKEN = "test-token-report";
  static final int TICKETS = 1000;
  static final Instant OCTOBER = Instant.parse("2026-10-01T00:00:00Z");
  static final String RUN = Long.toString(System.nanoTime(), 36);

  /** What happens to ticket i (test-hours-24x7: business time is wall time). */
  enum Story {
    /** Answered at half its target. */
    MET,
    /** Answered an hour after its target. */
    MET_LATE,
    /** Never answered. */
    BREACHED,
    /** Solved after an hour, unanswered. */
    ENDED,
    /** Answered after 30 minutes. */
    MET_FAST
  }

  record Ticket(String id, String customer, String priority, Instant created, Story story) {
    Duration target() {
      return Duration.ofHours(
          switch (priority) {
            case "P1" -> 6;
            case "P2" -> 8;
            case "P3" -> 12;
            default -> 24;
          });
    }

    /** The business time the first response took, when it was answered. */
    Duration answeredAfter() {
      return switch (story) {
        case MET -> target().dividedBy(2);
        case MET_LATE -> target().plusHours(1);
        case MET_FAST -> Duration.ofMinutes(30);
        default -> null;
      };
    }
  }

  /** The tickets, published once for every test of the class. */
  private static final List<Ticket> tickets = new ArrayList<>();

  @BeforeEach
  void publishOnce() {
    synchronized (tickets) {
      if (tickets.isEmpty()) {
        publish();
      }
    }
  }

  private void publish() {
    String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    try (TopicWriter writer = new TopicWriter(bootstrap)) {
      for (int i = 0; i < TICKETS; i++) {
        Ticket t =
            new Ticket(
                "R-" + RUN + "-" + i,
                "cust-" + RUN + "-" + (i % 4),
                "P" + (1 + (i / 4) % 4),
                OCTOBER.plus(Duration.ofMinutes(i)),
                Story.values()[(i / 16) % 5]);
        tickets.add(t);
        event(
            writer,
            t,
            "c",
            "ticket.created",
            t.created(),
            """
            {"customer":"%s","priority":"%s","plan":"test-hours-24x7"}"""
                .formatted(t.customer(), t.priority()));
        if (t.answeredAfter() != null) {
          event(
              writer,
              t,
              "r",
              "ticket.agent_replied",
              t.created().plus(t.answeredAfter()),
              "{\"public\":true}");
        }
        if (t.story() == Story.ENDED) {
          event(
              writer,
              t,
              "s",
              "ticket.status_changed",
              t.created().plusSeconds(3600),
              "{\"status\":\"solved\"}");
        }
      }
    }
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> ours(report("customer").getList("rows", Map.class)) == TICKETS);
  }

  private static void event(
      TopicWriter writer, Ticket t, String suffix, String type, Instant at, String data) {
    writer.send(
        Topics.TICKET_EVENTS,
        t.id(),
        """
        {"specversion":"1.0","id":"%s-%s","source":"helpdesk-test","type":"%s","subject":"%s",
         "time":"%s","data":%s}
        """
            .formatted(t.id(), suffix, type, t.id(), at, data));
  }

  /** The outcomes of this run's customers (other tests' tickets may share the database). */
  private static long ours(List<Map> rows) {
    return total(rows.stream().filter(r -> r.get("customer").toString().contains(RUN)).toList());
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

  private JsonPath report(String groupBy) {
    return given()
        .header("Authorization", "Bearer " + TOKEN)
        .queryParam("from", "2026-10-01")
        .queryParam("to", "2026-11-01")
        .queryParam("group_by", groupBy)
        .get("/api/v1/reports/compliance")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        // decimals as doubles (not floats), so a percentage compares exactly
        .using(
            io.restassured.path.json.config.JsonPathConfig.jsonPathConfig()
                .numberReturnType(
                    io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));
  }

  /** The figures the construction says, per customer and priority. */
  private Map<String, long[]> expectedByCustomerAndPriority() {
    Map<String, long[]> expected = new TreeMap<>();
    for (Ticket t : tickets) {
      long[] counts = expected.computeIfAbsent(t.customer() + "|" + t.priority(), k -> new long[4]);
      switch (t.story()) {
        case MET, MET_FAST -> counts[0]++;
        case MET_LATE -> counts[1]++;
        case BREACHED -> counts[2]++;
        case ENDED -> counts[3]++;
      }
    }
    return expected;
  }

  /** Linear interpolation between closest ranks, as PostgreSQL's percentile_cont. */
  static Duration percentile(List<Duration> values, double fraction) {
    List<Long> sorted = values.stream().map(Duration::toMillis).sorted().toList();
    double rank = fraction * (sorted.size() - 1);
    int low = (int) Math.floor(rank);
    int high = (int) Math.ceil(rank);
    double value = sorted.get(low) + (rank - low) * (sorted.get(high) - sorted.get(low));
    return Duration.ofMillis(Math.round(value));
  }

  @Test
  void compliance_by_customer_and_priority_is_right_to_the_unit() {
    Map<String, long[]> expected = expectedByCustomerAndPriority();
    List<Map<String, Object>> rows =
        report("customer,priority").getList("rows").stream()
            .map(r -> (Map<String, Object>) r)
            .filter(r -> r.get("customer").toString().contains(RUN))
            .toList();
    assertThat(rows).hasSize(expected.size());
    for (Map<String, Object> row : rows) {
      long[] counts = expected.get(row.get("customer") + "|" + row.get("priority"));
      assertThat(counts).as("group %s", row).isNotNull();
      assertThat(row.get("met")).isEqualTo((int) counts[0]);
      assertThat(row.get("met_late")).isEqualTo((int) counts[1]);
      assertThat(row.get("breached")).isEqualTo((int) counts[2]);
      assertThat(row.get("ended")).isEqualTo((int) counts[3]);
      assertThat(row.get("open")).isEqualTo(0);
      double compliance =
          Math.round(counts[0] * 10000.0 / (counts[0] + counts[1] + counts[2])) / 100.0;
      assertThat(((Number) row.get("compliance_percent")).doubleValue()).isEqualTo(compliance);
      List<Duration> answered =
          tickets.stream()
              .filter(
                  t ->
                      (t.customer() + "|" + t.priority())
                          .equals(row.get("customer") + "|" + row.get("priority")))
              .filter(t -> t.answeredAfter() != null)
              .map(Ticket::answeredAfter)
              .toList();
      assertThat(Duration.parse((String) row.get("first_response_p50")))
          .isEqualTo(percentile(answered, 0.5));
      assertThat(Duration.parse((String) row.get("first_response_p90")))
          .isEqualTo(percentile(answered, 0.9));
    }
  }

  @Test
  void compliance_of_one_customer_and_priority_counts_only_its_clocks() {
    String customer = "cust-" + RUN + "-1";
    long[] counts = expectedByCustomerAndPriority().get(customer + "|P1");
    JsonPath report =
        given()
            .header("Authorization", "Bearer " + TOKEN)
            .queryParam("from", "2026-10-01")
            .queryParam("to", "2026-11-01")
            .queryParam("customer", customer)
            .queryParam("priority", "p1")
            .queryParam("clock", "first_response")
            .get("/api/v1/reports/compliance")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(report.getList("rows")).hasSize(1);
    assertThat(report.getInt("rows[0].met")).isEqualTo((int) counts[0]);
    assertThat(report.getInt("rows[0].met_late")).isEqualTo((int) counts[1]);
    assertThat(report.getInt("rows[0].breached")).isEqualTo((int) counts[2]);
    given()
        .header("Authorization", "Bearer " + TOKEN)
        .queryParam("customer", "acme\u0007")
        .queryParam("priority", "P9")
        .get("/api/v1/reports/compliance")
        .then()
        .statusCode(400)
        .body("violations.field", org.hamcrest.Matchers.hasItems("customer", "priority"));
  }

  @Test
  void the_breach_list_names_every_missed_clock_with_its_timeline_and_pages() {
    String customer = "cust-" + RUN + "-1";
    List<Ticket> missed =
        tickets.stream()
            .filter(t -> t.customer().equals(customer))
            .filter(t -> t.story() == Story.BREACHED || t.story() == Story.MET_LATE)
            .toList();
    JsonPath first =
        given()
            .header("Authorization", "Bearer " + TOKEN)
            .queryParam("from", "2026-10-01")
            .queryParam("to", "2026-11-01")
            .queryParam("customer", customer)
            .queryParam("size", 20)
            .get("/api/v1/breaches")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(first.getLong("total")).isEqualTo(missed.size());
    assertThat(first.getList("breaches")).hasSize(Math.min(20, missed.size()));
    Map<String, Object> one = first.getMap("breaches[0]");
    Ticket ticket =
        missed.stream().filter(t -> t.id().equals(one.get("ticket"))).findFirst().orElseThrow();
    assertThat(one.get("timeline")).isEqualTo("/api/v1/tickets/" + ticket.id() + "/sla");
    assertThat(Instant.parse((String) one.get("due")))
        .isEqualTo(ticket.created().plus(ticket.target()));
    if (ticket.story() == Story.MET_LATE) {
      assertThat(one.get("status")).isEqualTo("met_late");
      assertThat(one.get("late")).isEqualTo("PT1H");
    } else {
      assertThat(one.get("status")).isEqualTo("breached");
    }

    String csv =
        given()
            .header("Authorization", "Bearer " + TOKEN)
            .header("Accept", "text/csv")
            .queryParam("from", "2026-10-01")
            .queryParam("to", "2026-11-01")
            .queryParam("customer", customer)
            .queryParam("size", 1000)
            .get("/api/v1/breaches")
            .then()
            .statusCode(200)
            .contentType(containsString("text/csv"))
            .extract()
            .asString();
    List<CSVRecord> records = parse(csv);
    assertThat(records).hasSize(missed.size());
    assertThat(records.stream().map(r -> r.get("ticket")).sorted().toList())
        .isEqualTo(missed.stream().map(Ticket::id).sorted().toList());
  }

  @Test
  void the_report_as_csv_parses_back_to_the_same_figures() throws Exception {
    String csv =
        given()
            .header("Authorization", "Bearer " + TOKEN)
            .header("Accept", "text/csv")
            .queryParam("from", "2026-10-01")
            .queryParam("to", "2026-11-01")
            .queryParam("group_by", "customer,priority")
            .get("/api/v1/reports/compliance")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    Map<String, long[]> expected = expectedByCustomerAndPriority();
    List<CSVRecord> records =
        parse(csv).stream().filter(r -> r.get("customer").contains(RUN)).toList();
    assertThat(records).hasSize(expected.size());
    for (CSVRecord r : records) {
      long[] counts = expected.get(r.get("customer") + "|" + r.get("priority"));
      assertThat(Long.parseLong(r.get("met"))).isEqualTo(counts[0]);
      assertThat(Long.parseLong(r.get("met_late"))).isEqualTo(counts[1]);
      assertThat(Long.parseLong(r.get("breached"))).isEqualTo(counts[2]);
      assertThat(Long.parseLong(r.get("ended"))).isEqualTo(counts[3]);
    }
  }

  @Test
  void bad_parameters_are_refused_naming_them_and_the_reports_need_the_report_role() {
    given()
        .header("Authorization", "Bearer " + TOKEN)
        .queryParam("from", "last tuesday")
        .queryParam("group_by", "customer,colour")
        .get("/api/v1/reports/compliance")
        .then()
        .statusCode(400)
        .contentType(containsString("application/problem+json"))
        .body("violations.field", org.hamcrest.Matchers.hasItems("from", "group_by"));
    given()
        .header("Authorization", "Bearer " + TOKEN)
        .queryParam("priority", "P9")
        .queryParam("size", "0")
        .get("/api/v1/breaches")
        .then()
        .statusCode(400)
        .body("violations.field", org.hamcrest.Matchers.hasItems("priority", "size"));
    given()
        .header("Authorization", "Bearer test-token-read")
        .get("/api/v1/reports/compliance")
        .then()
        .statusCode(403);
  }

  @jakarta.inject.Inject OutcomeRetention retention;

  @Test
  void outcomes_past_their_retention_are_deleted_and_newer_ones_kept() {
    Instant old =
        Instant.now().minus(Duration.ofDays(500)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
    Ticket ancient = new Ticket("OLD-" + RUN, "cust-old-" + RUN, "P1", old, Story.MET);
    String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    try (TopicWriter writer = new TopicWriter(bootstrap)) {
      event(
          writer,
          ancient,
          "c",
          "ticket.created",
          old,
          """
          {"customer":"%s","priority":"P1","plan":"test-hours-24x7"}"""
              .formatted(ancient.customer()));
    }
    java.util.function.Supplier<Long> counted =
        () ->
            total(
                given()
                    .header("Authorization", "Bearer " + TOKEN)
                    .queryParam("from", old.minus(Duration.ofDays(1)).toString())
                    .queryParam("to", old.plus(Duration.ofDays(1)).toString())
                    .queryParam("group_by", "customer")
                    .get("/api/v1/reports/compliance")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("rows", Map.class));
    await().atMost(Duration.ofSeconds(30)).until(() -> counted.get() == 1);

    int deleted = retention.purge().await().atMost(Duration.ofSeconds(30));

    assertThat(deleted).isGreaterThanOrEqualTo(1);
    assertThat(counted.get()).isZero();
    assertThat(ours(report("customer").getList("rows", Map.class))).isEqualTo(TICKETS);
  }

  private static List<CSVRecord> parse(String csv) {
    try {
      return CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(new StringReader(csv))
          .getRecords();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
