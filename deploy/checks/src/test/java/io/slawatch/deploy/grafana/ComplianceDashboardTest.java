package io.slawatch.deploy.grafana;

import static io.slawatch.deploy.grafana.ClockOutcomeRow.clock;
import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The compliance dashboard ({@code slawatch-compliance.json}) against sla-timer's real schema:
 * every panel's SQL and every variable query, with the variables and macros substituted as Grafana
 * substitutes them, run in PostgreSQL as Grafana's read-only login over a known set of clock
 * outcomes, with the figures checked to the digit.
 */
class ComplianceDashboardTest {
  private static final Dashboard DASHBOARD = Dashboard.read("slawatch-compliance.json");
  private static final String POSTGRES_UID = "slawatch-postgres";
  private static final String POSTGRES_TYPE = "grafana-postgresql-datasource";
  private static final List<String> FILTERS = List.of("plan", "customer", "priority", "clock");

  /** The first quarter of 2025, ending as Grafana ends a range rounded to a month. */
  private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");

  private static final Instant TO = Instant.parse("2025-03-31T23:59:59.999Z");

  private static SlaTimerDatabase database;

  @BeforeAll
  static void aDatabaseWithKnownOutcomes() throws Exception {
    database = SlaTimerDatabase.start();
    try (Connection owner = database.connect(database.owner())) {
      for (ClockOutcomeRow row : knownOutcomes(Instant.now())) {
        row.insert(owner);
      }
    }
  }

  @AfterAll
  static void stop() {
    if (database != null) {
      database.close();
    }
  }

  /**
   * Thirteen clocks in the first quarter of 2025 and one on each side of it. acme and initech are
   * on plan gold, globex on standard; T1..T8 as commented.
   */
  private static List<ClockOutcomeRow> knownOutcomes(Instant now) {
    return List.of(
        // just before the range: counted nowhere, listed by no variable
        clock("T0", "next_response")
            .customer("umbrella")
            .plan("legacy")
            .priority("P4")
            .startedAt("2024-12-31T23:59:59Z")
            .breached("2025-01-01T00:59:59Z", ofHours(1)),
        // January
        clock("T1", "first_response").startedAt("2025-01-06T09:00:00Z").met(ofMinutes(10)),
        clock("T1", "resolution")
            .startedAt("2025-01-06T09:00:00Z")
            .target(ofHours(4))
            .metLate(ofHours(5)),
        clock("T2", "first_response")
            .priority("P2")
            .startedAt("2025-01-10T10:00:00Z")
            .met(ofMinutes(30)),
        clock("T2", "resolution")
            .priority("P2")
            .startedAt("2025-01-10T10:00:00Z")
            .target(ofHours(8))
            .breached("2025-01-10T18:00:00Z", ofHours(2)),
        clock("T3", "first_response")
            .customer("globex")
            .plan("standard")
            .priority("P3")
            .startedAt("2025-01-20T08:00:00Z")
            .target(ofHours(2))
            .metLate(ofHours(3)),
        // January's last half hour in UTC, already February in Asia and the Pacific
        clock("T8", "first_response")
            .customer("initech")
            .priority("P2")
            .startedAt("2025-01-31T23:30:00Z")
            .met(ofMinutes(50)),
        // February
        clock("T4", "first_response")
            .customer("globex")
            .plan("standard")
            .priority("P3")
            .startedAt("2025-02-03T09:00:00Z")
            .met(ofMinutes(20)),
        // still open, past its due: breached for the reports
        clock("T4", "resolution")
            .customer("globex")
            .plan("standard")
            .priority("P3")
            .startedAt("2025-02-03T09:00:00Z")
            .target(ofDays(5))
            .openDue(Instant.parse("2025-02-10T09:00:00Z")),
        // still open, not yet due: counted as open, not in the compliance
        clock("T5", "first_response")
            .customer("initech")
            .startedAt("2025-02-14T12:00:00Z")
            .openDue(now.plus(ofDays(1))),
        clock("T5", "resolution")
            .customer("initech")
            .startedAt("2025-02-14T12:00:00Z")
            .target(ofHours(8))
            .ended(ofHours(2), "solved"),
        clock("T6", "update").startedAt("2025-02-20T09:00:00Z").met(ofMinutes(45)),
        clock("T6", "update")
            .cycle(2)
            .startedAt("2025-02-20T10:00:00Z")
            .breached("2025-02-20T11:00:00Z", ofMinutes(30)),
        // an engagement's no-show (Jamf services policy): not a ticket's clock, in no panel
        clock("E1", "no_show")
            .engagement()
            .priority("none")
            .startedAt("2025-02-05T09:00:00Z")
            .target(ofMinutes(20))
            .breached("2025-02-05T09:20:00Z", ofHours(1)),
        // March
        clock("T7", "first_response")
            .priority("P2")
            .startedAt("2025-03-05T09:00:00Z")
            .met(ofMinutes(40)),
        // the instant the range ends before
        clock("T9", "first_response")
            .customer("hooli")
            .plan("silver")
            .priority("P4")
            .startedAt("2025-04-01T00:00:00Z")
            .met(ofMinutes(5)));
  }

  // ---- the dashboard's model -------------------------------------------------------------------

  @Test
  void every_panel_reads_the_postgresql_data_source() {
    assertThat(DASHBOARD.panels()).hasSizeGreaterThanOrEqualTo(10);
    for (Dashboard.Query query : DASHBOARD.queries()) {
      for (JsonNode datasource : List.of(query.panelDatasource(), query.datasource())) {
        assertThat(datasource.path("uid").asText()).as(query.panel()).isEqualTo(POSTGRES_UID);
        assertThat(datasource.path("type").asText()).as(query.panel()).isEqualTo(POSTGRES_TYPE);
      }
    }
    assertThat(DASHBOARD.queryVariables())
        .allSatisfy(v -> assertThat(v.datasource().path("uid").asText()).isEqualTo(POSTGRES_UID));
  }

  @Test
  void every_panel_query_uses_the_time_range_and_every_variable() {
    assertThat(DASHBOARD.queryVariables())
        .extracting(Dashboard.Variable::name)
        .containsExactlyElementsOf(FILTERS);
    for (Dashboard.Variable variable : DASHBOARD.queryVariables()) {
      assertThat(variable.json().path("multi").asBoolean()).as(variable.name()).isTrue();
      assertThat(variable.json().path("includeAll").asBoolean()).as(variable.name()).isTrue();
      assertThat(variable.json().has("allValue")).as("All = every option").isFalse();
      assertThat(variable.query()).contains("FROM clock_outcome", "$__timeFilter(started_at)");
    }
    for (Dashboard.Query query : DASHBOARD.queries()) {
      assertThat(query.text()).as(query.panel()).contains("$__timeFilter(started_at)");
      for (String filter : FILTERS) {
        assertThat(query.text()).as(query.panel()).contains("${" + filter + ":sqlstring}");
      }
    }
  }

  @Test
  void a_breached_ticket_links_to_its_clock_timeline_in_sla_timer() throws Exception {
    String resource =
        Files.readString(
            Dashboard.DEPLOY.resolve(
                "../sla-timer/src/main/java/io/slawatch/timer/api/TicketSlaResource.java"));
    Matcher path = Pattern.compile("@Path\\(\"([^\"]+)\"\\)").matcher(resource);
    assertThat(path.find()).as("TicketSlaResource's @Path").isTrue();
    String expected =
        "${timer_url:raw}" + path.group(1).replace("{id}", "${__value.raw:percentencode}");

    JsonNode ticket = override(DASHBOARD.panel("Breaches"), "ticket");
    JsonNode links = property(ticket, "links");
    assertThat(links).hasSize(1);
    assertThat(links.get(0).get("url").asText()).isEqualTo(expected);
    Dashboard.Variable timerUrl =
        DASHBOARD.variables().stream().filter(v -> v.name().equals("timer_url")).findFirst().get();
    assertThat(timerUrl.json().get("query").asText()).isEqualTo("http://localhost:8082");
  }

  // ---- the SQL in PostgreSQL -------------------------------------------------------------------

  @Test
  void the_variables_offer_the_values_of_the_clocks_started_in_the_range() throws Exception {
    Map<String, List<String>> options = options(FROM, TO);
    assertThat(options)
        .containsExactly(
            Map.entry("plan", List.of("gold", "standard")),
            Map.entry("customer", List.of("acme", "globex", "initech")),
            Map.entry("priority", List.of("P1", "P2", "P3")),
            Map.entry("clock", List.of("first_response", "resolution", "update")));
  }

  @Test
  void with_everything_selected_every_panel_shows_the_known_figures() throws Exception {
    Map<String, List<String>> all = options(FROM, TO);
    for (Dashboard.Query query : DASHBOARD.queries()) {
      assertThat(run(query.panel(), all)).as(query.panel()).isNotEmpty();
    }

    // 6 met, 2 met late, 3 breached (one of them still open past its due): 6 / 11
    assertThat(single("Compliance", all).get("compliance %")).isEqualTo(new BigDecimal("54.55"));
    assertThat(single("Clocks by outcome", all))
        .containsExactly(
            Map.entry("met", 6L),
            Map.entry("met late", 2L),
            Map.entry("breached", 3L),
            Map.entry("open", 1L),
            Map.entry("ended", 1L));
    // met first responses: 10, 20, 30, 40, 50 and 180 minutes of business time
    assertThat(single("Time to first response, p50 / p90", all))
        .containsExactly(Map.entry("p50", seconds(2100)), Map.entry("p90", seconds(6900)));

    // T8 started 2025-01-31T23:30Z: January, whatever the session's time zone
    assertThat(column(run("Compliance by month", all), "month", "compliance %"))
        .containsExactly(
            Map.entry("2025-01", new BigDecimal("50.00")),
            Map.entry("2025-02", new BigDecimal("50.00")),
            Map.entry("2025-03", new BigDecimal("100.00")));
    assertThat(run("Time to first response by month, p50 and p90", all))
        .containsExactly(
            Map.of("month", "2025-01", "p50", seconds(2400), "p90", seconds(8460)),
            Map.of("month", "2025-02", "p50", seconds(1200), "p90", seconds(1200)),
            Map.of("month", "2025-03", "p50", seconds(2400), "p90", seconds(2400)));

    List<Map<String, Object>> customers = run("Compliance by customer", all);
    assertThat(column(customers, "customer", "compliance %"))
        .containsExactly(
            Map.entry("globex", new BigDecimal("33.33")),
            Map.entry("acme", new BigDecimal("57.14")),
            Map.entry("initech", new BigDecimal("100.00")));
    assertThat(customers.get(1))
        .containsEntry("met", 4L)
        .containsEntry("met late", 1L)
        .containsEntry("breached", 2L)
        .containsEntry("open", 0L);
    assertThat(customers.get(2)).containsEntry("open", 1L).containsEntry("ended", 1L);
    assertThat(column(run("Compliance by plan", all), "plan", "compliance %"))
        .containsExactly(
            Map.entry("standard", new BigDecimal("33.33")),
            Map.entry("gold", new BigDecimal("62.50")));
    assertThat(column(run("Compliance by priority", all), "priority", "compliance %"))
        .containsExactly(
            Map.entry("P3", new BigDecimal("33.33")),
            Map.entry("P1", new BigDecimal("50.00")),
            Map.entry("P2", new BigDecimal("75.00")));
    assertThat(column(run("Compliance by clock", all), "clock", "compliance %"))
        .containsExactly(
            Map.entry("resolution", new BigDecimal("0.00")),
            Map.entry("update", new BigDecimal("50.00")),
            Map.entry("first_response", new BigDecimal("83.33")));

    List<Map<String, Object>> breaches = run("Breaches", all);
    assertThat(breaches)
        .extracting(r -> r.get("ticket") + "/" + r.get("clock") + "/" + r.get("cycle"))
        .containsExactly("T6/update/2", "T4/resolution/1", "T2/resolution/1");
    assertThat(breaches.get(1))
        .containsEntry("customer", "globex")
        .containsEntry("plan", "standard")
        .containsEntry("priority", "P3")
        .containsEntry("state", "open, overdue");
    assertThat(instant(breaches.get(1).get("breached at")))
        .isEqualTo(Instant.parse("2025-02-10T09:00:00Z"));
    assertThat(instant(breaches.get(1).get("due")))
        .isEqualTo(Instant.parse("2025-02-10T09:00:00Z"));
    assertThat(breaches.get(2)).containsEntry("state", "breached");
    assertThat(instant(breaches.get(2).get("breached at")))
        .isEqualTo(Instant.parse("2025-01-10T18:00:00Z"));
    assertThat((BigDecimal) breaches.get(2).get("late")).isEqualByComparingTo("7200");
  }

  @Test
  void one_customer_selected_narrows_every_panel_to_that_customer() throws Exception {
    Map<String, List<String>> acme = new LinkedHashMap<>(options(FROM, TO));
    acme.put("customer", List.of("acme"));

    assertThat(single("Compliance", acme).get("compliance %")).isEqualTo(new BigDecimal("57.14"));
    assertThat(single("Clocks by outcome", acme))
        .containsExactly(
            Map.entry("met", 4L),
            Map.entry("met late", 1L),
            Map.entry("breached", 2L),
            Map.entry("open", 0L),
            Map.entry("ended", 0L));
    // acme's met first responses: 10, 30 and 40 minutes
    assertThat(single("Time to first response, p50 / p90", acme))
        .containsExactly(Map.entry("p50", seconds(1800)), Map.entry("p90", seconds(2280)));
    assertThat(run("Compliance by customer", acme))
        .extracting(r -> r.get("customer"))
        .containsExactly("acme");
    assertThat(run("Breaches", acme)).extracting(r -> r.get("ticket")).containsExactly("T6", "T2");
  }

  @Test
  void several_customers_selected_are_counted_together() throws Exception {
    Map<String, List<String>> two = new LinkedHashMap<>(options(FROM, TO));
    two.put("customer", List.of("globex", "initech"));

    assertThat(single("Compliance", two).get("compliance %")).isEqualTo(new BigDecimal("50.00"));
    assertThat(single("Clocks by outcome", two))
        .containsExactly(
            Map.entry("met", 2L),
            Map.entry("met late", 1L),
            Map.entry("breached", 1L),
            Map.entry("open", 1L),
            Map.entry("ended", 1L));
  }

  /**
   * A value that matches no clock (with a quote, which Grafana doubles) empties every panel, one
   * variable at a time: a panel that ignored that variable would still show the quarter's clocks.
   */
  @Test
  void every_variable_filters_every_panel() throws Exception {
    Map<String, List<String>> all = options(FROM, TO);
    for (String filter : FILTERS) {
      Map<String, List<String>> none = new LinkedHashMap<>(all);
      none.put(filter, List.of("no such 'value'"));
      for (Dashboard.Query query : DASHBOARD.queries()) {
        assertThat(run(query.panel(), none))
            .as("%s with only %s = 'no such value'", query.panel(), filter)
            .allSatisfy(ComplianceDashboardTest::nothingCounted);
      }
    }
  }

  /**
   * A range with no clock (a fresh install, or a quarter before any ticket): the variables offer
   * nothing, "All" is then an empty list, and every panel still runs and counts nothing.
   */
  @Test
  void a_range_without_clocks_shows_nothing_and_breaks_nothing() throws Exception {
    Instant from = Instant.parse("2030-01-01T00:00:00Z");
    Instant to = Instant.parse("2030-03-31T23:59:59.999Z");
    Map<String, List<String>> all = options(from, to);
    assertThat(all.values()).allSatisfy(values -> assertThat(values).isEmpty());
    for (Dashboard.Query query : DASHBOARD.queries()) {
      assertThat(run(query.panel(), all, from, to))
          .as(query.panel())
          .allSatisfy(ComplianceDashboardTest::nothingCounted);
    }
    // and the quarter's selection over an empty range: the time filter applies to every panel
    Map<String, List<String>> quarter = options(FROM, TO);
    for (Dashboard.Query query : DASHBOARD.queries()) {
      assertThat(run(query.panel(), quarter, from, to))
          .as(query.panel())
          .allSatisfy(ComplianceDashboardTest::nothingCounted);
    }
  }

  @Test
  void grafana_reads_clock_outcome_and_nothing_else() throws Exception {
    assumeThat(database.hasComposeRoles())
        .as("psql (Debian postgresql-client) runs the compose init scripts")
        .isTrue();
    try (Connection grafana = database.connect(SlaTimerDatabase.READER);
        Statement statement = grafana.createStatement()) {
      assertThat(SlaTimerDatabase.rows(grafana, "select count(*) as n from clock_outcome"))
          .containsExactly(Map.of("n", 16L));
      assertThatThrownBy(() -> statement.executeQuery("select * from timer"))
          .isInstanceOfSatisfying(
              SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
      assertThatThrownBy(() -> statement.executeQuery("select * from customer"))
          .isInstanceOfSatisfying(
              SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
      assertThatThrownBy(() -> statement.executeUpdate("delete from clock_outcome"))
          .isInstanceOf(SQLException.class);
    }
  }

  // ---- helpers ---------------------------------------------------------------------------------

  /** Every query variable's options for the range, as Grafana lists them (its query's rows). */
  private static Map<String, List<String>> options(Instant from, Instant to) throws SQLException {
    Map<String, List<String>> options = new LinkedHashMap<>();
    try (Connection grafana = reader()) {
      for (Dashboard.Variable variable : DASHBOARD.queryVariables()) {
        String sql = GrafanaSql.interpolate(variable.query(), Map.of(), from, to);
        List<String> values = new ArrayList<>();
        for (Map<String, Object> row : SlaTimerDatabase.rows(grafana, sql)) {
          assertThat(row).as(variable.name()).hasSize(1);
          values.add((String) row.values().iterator().next());
        }
        options.put(variable.name(), values);
      }
    }
    return options;
  }

  private static List<Map<String, Object>> run(String panel, Map<String, List<String>> selections)
      throws SQLException {
    return run(panel, selections, FROM, TO);
  }

  private static List<Map<String, Object>> run(
      String panel, Map<String, List<String>> selections, Instant from, Instant to)
      throws SQLException {
    String sql = GrafanaSql.interpolate(DASHBOARD.query(panel).text(), selections, from, to);
    try (Connection grafana = reader()) {
      return SlaTimerDatabase.rows(grafana, sql);
    } catch (SQLException e) {
      throw new SQLException(panel + ": " + e.getMessage() + "\n" + sql, e.getSQLState(), e);
    }
  }

  /**
   * Grafana's login in a session whose time zone is far from UTC (the server's setting is not the
   * dashboard's business): a month computed in the session's zone would move T8 to February.
   */
  private static Connection reader() throws SQLException {
    Connection connection = database.connect(database.reader());
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET TIME ZONE 'Pacific/Auckland'");
    }
    connection.setReadOnly(true);
    return connection;
  }

  private static Map<String, Object> single(String panel, Map<String, List<String>> selections)
      throws SQLException {
    List<Map<String, Object>> rows = run(panel, selections);
    assertThat(rows).as(panel).hasSize(1);
    return rows.get(0);
  }

  private static Map<Object, Object> column(
      List<Map<String, Object>> rows, String key, String value) {
    Map<Object, Object> column = new LinkedHashMap<>();
    rows.forEach(r -> column.put(r.get(key), r.get(value)));
    return column;
  }

  /** A row of an aggregate over no clock: every value null or zero. */
  private static void nothingCounted(Map<String, Object> row) {
    assertThat(row.values())
        .allSatisfy(
            v -> {
              if (v != null) {
                assertThat(v).isInstanceOf(Number.class);
                assertThat(((Number) v).doubleValue()).isZero();
              }
            });
  }

  private static Instant instant(Object timestamptz) {
    return ((java.sql.Timestamp) timestamptz).toInstant();
  }

  /** Whole seconds, as the panels round business time. */
  private static BigDecimal seconds(long seconds) {
    return BigDecimal.valueOf(seconds);
  }

  private static JsonNode override(JsonNode panel, String field) {
    for (JsonNode override : panel.path("fieldConfig").path("overrides")) {
      if (override.path("matcher").path("options").asText().equals(field)) {
        return override;
      }
    }
    throw new AssertionError(panel.get("title") + ": no override for " + field);
  }

  private static JsonNode property(JsonNode override, String id) {
    for (JsonNode property : override.path("properties")) {
      if (property.path("id").asText().equals(id)) {
        return property.get("value");
      }
    }
    throw new AssertionError("no property " + id + " in " + override);
  }
}
