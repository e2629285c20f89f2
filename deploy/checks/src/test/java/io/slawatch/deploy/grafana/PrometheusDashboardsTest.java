package io.slawatch.deploy.grafana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus dashboards' filters: every selector of a metric that carries plan, priority or
 * clock is filtered by the dashboard's variable of that name (or pins the label), every variable is
 * used, and every panel query still parses (promtool) once Grafana has put "All" ({@code .*}) in.
 * The e2e test runs the same queries against a Prometheus scraping the running services.
 */
class PrometheusDashboardsTest {
  private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
  private static final String PROMETHEUS_UID = "slawatch-prometheus";

  /** The labels a dashboard can filter by; the metrics carry no customer (no high cardinality). */
  private static final List<String> FILTERS = List.of("plan", "priority", "clock");

  /**
   * The SLA metrics by name prefix, with the labels they carry: sla-timer's TimerMetrics and
   * TimerGauges, and deploy/prometheus's recording rules over them.
   */
  private static final Map<String, Set<String>> SLA_METRIC_LABELS =
      Map.of(
          "slawatch_sla_outcomes_total", Set.of("plan", "priority", "clock", "outcome"),
          "slawatch:sla_outcomes:", Set.of("plan", "priority", "clock", "outcome"),
          "slawatch:sla_compliance:", Set.of("plan", "priority", "clock"),
          "slawatch_sla_open_clocks", Set.of("plan", "priority", "clock"),
          "slawatch_first_response_seconds", Set.of("plan", "priority"),
          "slawatch:sla_breach:", Set.of("plan"),
          "slawatch:sla_outcomes_per_plan:", Set.of("plan"),
          "slawatch_sla_at_risk", Set.of(),
          "slawatch:sla_objective", Set.of());

  private static final Pattern SLA_METRIC =
      Pattern.compile("\\b(slawatch(?:_sla|:sla|_first_response)[a-zA-Z0-9_:]*)(\\{[^}]*})?");

  private static List<Dashboard> prometheusDashboards() throws Exception {
    try (Stream<Path> files = Files.list(Dashboard.DASHBOARDS)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(f -> f.endsWith(".json"))
          .sorted()
          .map(Dashboard::read)
          .filter(
              d ->
                  d.queries().stream()
                      .anyMatch(q -> q.datasource().path("uid").asText().equals(PROMETHEUS_UID)))
          .toList();
    }
  }

  @Test
  void the_sla_dashboard_filters_by_plan_priority_and_clock() throws Exception {
    assertThat(prometheusDashboards())
        .extracting(Dashboard::file)
        .contains("slawatch-sla.json", "slawatch-operations.json");
    assertThat(Dashboard.read("slawatch-sla.json").variables())
        .extracting(Dashboard.Variable::name)
        .containsExactlyElementsOf(FILTERS);
  }

  @Test
  void every_selector_of_an_sla_metric_is_filtered_by_the_variables_of_its_labels()
      throws Exception {
    for (Dashboard dashboard : prometheusDashboards()) {
      Set<String> variables =
          Set.copyOf(dashboard.variables().stream().map(Dashboard.Variable::name).toList());
      for (Dashboard.Query query : dashboard.queries()) {
        Matcher m = SLA_METRIC.matcher(query.text());
        while (m.find()) {
          String metric = m.group(1);
          Set<String> labels =
              labels(metric)
                  .orElseThrow(
                      () ->
                          new AssertionError(
                              "%s, %s: %s is not in SLA_METRIC_LABELS: add the labels it carries"
                                  .formatted(dashboard.file(), query.panel(), metric)));
          String selector = m.group(2) == null ? "" : m.group(2);
          for (String label : FILTERS) {
            if (!labels.contains(label) || selector.contains(label + "=\"")) {
              continue; // not carried, or pinned to one value by the panel
            }
            assertThat(variables).as("%s declares $%s", dashboard.file(), label).contains(label);
            assertThat(selector)
                .as("%s, %s: %s", dashboard.file(), query.panel(), m.group())
                .contains(label + "=~\"$" + label + "\"");
          }
        }
      }
    }
  }

  @Test
  void every_variable_is_a_multi_value_label_filter_some_panel_uses() throws Exception {
    for (Dashboard dashboard : prometheusDashboards()) {
      for (Dashboard.Variable variable : dashboard.variables()) {
        String what = dashboard.file() + " $" + variable.name();
        assertThat(variable.datasource().path("uid").asText()).as(what).isEqualTo(PROMETHEUS_UID);
        assertThat(variable.query())
            .as(what)
            .startsWith("label_values(")
            .endsWith(", " + variable.name() + ")");
        assertThat(variable.json().path("multi").asBoolean()).as(what).isTrue();
        assertThat(variable.json().path("includeAll").asBoolean()).as(what).isTrue();
        assertThat(variable.json().path("allValue").asText()).as(what).isEqualTo(".*");
        assertThat(dashboard.queries())
            .as(what + " is used")
            .anyMatch(q -> q.text().contains("=~\"$" + variable.name() + "\""));
      }
    }
  }

  @Test
  void promtool_parses_every_panel_query_with_all_selected() throws Exception {
    assumeTrue(Files.isExecutable(PROMTOOL), "promtool not installed: apt-get install prometheus");
    StringBuilder rules = new StringBuilder("groups:\n  - name: dashboards\n    rules:\n");
    List<String> exprs = new ArrayList<>();
    for (Dashboard dashboard : prometheusDashboards()) {
      for (Dashboard.Query query : dashboard.queries()) {
        String expr = query.text();
        for (Dashboard.Variable variable : dashboard.variables()) {
          expr = expr.replace("$" + variable.name(), ".*"); // Grafana's "All" (allValue)
        }
        assertThat(expr).as("%s, %s", dashboard.file(), query.panel()).doesNotContain("$");
        exprs.add(expr);
        rules
            .append("      - record: dashboard:query")
            .append(exprs.size())
            .append("\n        expr: |\n          ")
            .append(expr.replace("\n", "\n          "))
            .append('\n');
      }
    }
    Path file =
        Files.writeString(
            Files.createDirectories(Path.of(System.getProperty("slawatch.build.dir", "target")))
                .resolve("dashboard-queries.rules.yml"),
            rules);
    Process process =
        new ProcessBuilder(PROMTOOL.toString(), "check", "rules", file.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("SUCCESS: " + exprs.size() + " rules found");
  }

  private static Optional<Set<String>> labels(String metric) {
    return SLA_METRIC_LABELS.entrySet().stream()
        .filter(e -> metric.startsWith(e.getKey()))
        .map(Map.Entry::getValue)
        .findFirst();
  }
}
