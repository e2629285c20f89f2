package io.slawatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus rules of {@code deploy/prometheus}: valid for promtool and passing their unit
 * tests (compliance ratios, burn-rate alerts with the minimum-volume guard, operations alerts).
 * promtool comes from Debian's {@code prometheus} package, which {@code .ci/run} installs; without
 * it these two tests are skipped with that reason.
 */
class PrometheusRulesTest {
  private static final Path PROMETHEUS =
      Path.of(System.getProperty("slawatch.deploy.dir", "..")).resolve("prometheus");
  private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

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

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
