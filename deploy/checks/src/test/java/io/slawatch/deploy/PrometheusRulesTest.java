package io.slawatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The Prometheus rules of {@code deploy/prometheus}: valid for promtool and passing their unit
 * tests (compliance ratios, burn-rate alerts with the minimum-volume guard, operations alerts), and
 * kept long enough by the compose file's Prometheus for their longest window. promtool comes from
 * Debian's {@code prometheus} package, which {@code .ci/run} installs; without it these two tests
 * are skipped with that reason.
 */
class PrometheusRulesTest {
  private static final Path PROMETHEUS =
      Path.of(System.getProperty("slawatch.deploy.dir", "..")).resolve("prometheus");
  private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
  private static final String RETENTION = "--storage.tsdb.retention.time=";

  /** A range selector or subquery range in PromQL: [30d], [5m:1m]. */
  private static final Pattern RANGE = Pattern.compile("\\[([0-9][0-9a-z]*)(?::[0-9a-z]*)?]");

  private static final Pattern DURATION_PART = Pattern.compile("([0-9]+)(ms|s|m|h|d|w|y)");

  private static List<Path> ruleFiles() throws IOException {
    try (Stream<Path> files = Files.list(PROMETHEUS.resolve("rules"))) {
      return files.filter(f -> f.toString().endsWith(".rules.yml")).sorted().toList();
    }
  }

  private static String promtool(List<String> args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(PROMTOOL.toString());
    command.addAll(args);
    Process process =
        new ProcessBuilder(command)
            .directory(PROMETHEUS.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
    assertThat(process.exitValue()).as("promtool %s:%n%s", args, output).isZero();
    return output;
  }

  @Test
  void the_rules_cover_the_sla_outcomes_and_the_operations() throws Exception {
    String rules = String.join("\n", ruleFiles().stream().map(PrometheusRulesTest::read).toList());
    assertThat(rules)
        .contains("slawatch:sla_compliance:ratio1d")
        .contains("slawatch:sla_compliance:ratio7d")
        .contains("slawatch:sla_compliance:ratio30d")
        .contains("alert: SlaComplianceFastBurn")
        .contains("alert: SlaComplianceSlowBurn")
        .contains("alert: SlawatchFiringLate")
        .contains("alert: SlawatchConsumerLag")
        .contains("alert: SlawatchDeliveryFailures");
  }

  @Test
  void promtool_accepts_every_rule_file_and_the_configuration() throws Exception {
    assumeTrue(Files.isExecutable(PROMTOOL), "promtool not installed: apt-get install prometheus");
    List<String> args = new ArrayList<>(List.of("check", "rules"));
    ruleFiles().forEach(f -> args.add(f.toString()));
    assertThat(promtool(args)).contains("SUCCESS");
    assertThat(promtool(List.of("check", "config", "prometheus.yml"))).contains("SUCCESS");
  }

  @Test
  void the_rule_unit_tests_pass() throws Exception {
    assumeTrue(Files.isExecutable(PROMTOOL), "promtool not installed: apt-get install prometheus");
    try (Stream<Path> tests = Files.list(PROMETHEUS.resolve("tests"))) {
      List<Path> files = tests.filter(f -> f.toString().endsWith(".test.yml")).toList();
      assertThat(files).isNotEmpty();
      for (Path test : files) {
        assertThat(promtool(List.of("test", "rules", test.toString()))).contains("SUCCESS");
      }
    }
  }

  /**
   * docker-compose.yml's Prometheus keeps its samples longer than the longest range the rules read
   * (with a tenth more as margin): with the default 15 days, the 30-day compliance would silently
   * be computed over whatever is left.
   */
  @Test
  @SuppressWarnings("unchecked")
  void prometheus_in_compose_keeps_samples_longer_than_the_longest_rule_window() throws Exception {
    Duration longest = Duration.ZERO;
    for (Path file : ruleFiles()) {
      Matcher range = RANGE.matcher(read(file));
      while (range.find()) {
        Duration window = duration(range.group(1));
        longest = window.compareTo(longest) > 0 ? window : longest;
      }
    }
    assertThat(longest).as("the longest range in the rules").isEqualTo(Duration.ofDays(30));

    Path compose = PROMETHEUS.resolve("../../docker-compose.yml");
    Map<String, Object> doc =
        (Map<String, Object>)
            new Load(LoadSettings.builder().build()).loadFromString(read(compose));
    Map<String, Object> prometheus =
        (Map<String, Object>) ((Map<String, Object>) doc.get("services")).get("prometheus");
    List<String> retention =
        ((List<String>) prometheus.get("command"))
            .stream()
                .filter(arg -> arg.startsWith(RETENTION))
                .map(arg -> arg.substring(RETENTION.length()))
                .toList();
    assertThat(retention).as("prometheus %s in %s", RETENTION, compose).hasSize(1);
    assertThat(duration(retention.get(0)))
        .isGreaterThanOrEqualTo(longest.plus(longest.dividedBy(10)));
  }

  /** A Prometheus duration: 30d, 1h30m, 500ms... (y = 365 d, w = 7 d, as Prometheus counts). */
  private static Duration duration(String text) {
    Matcher part = DURATION_PART.matcher(text);
    Duration total = Duration.ZERO;
    int end = 0;
    while (part.find() && part.start() == end) {
      long n = Long.parseLong(part.group(1));
      total =
          total.plus(
              switch (part.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                case "w" -> Duration.ofDays(7 * n);
                default -> Duration.ofDays(365 * n);
              });
      end = part.end();
    }
    assertThat(end).as("a Prometheus duration: %s", text).isEqualTo(text.length()).isPositive();
    return total;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
