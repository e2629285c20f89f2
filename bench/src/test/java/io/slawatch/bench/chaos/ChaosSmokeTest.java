package io.slawatch.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The short form of the fault suite ({@code ./slawatch chaos}) in the build: the real stack under a
 * steady load, one trial of each kind (each service and the broker {@code kill -9}ed, the database
 * crashed by an immediate shutdown, each started again), then nothing lost.
 */
class ChaosSmokeTest {
  private static final Path REPO = Path.of(System.getProperty("slawatch.repo", ".."));

  @Test
  void no_event_or_alert_is_lost_when_each_part_of_the_stack_is_killed_or_restarted_under_load()
      throws Exception {
    ChaosSuite.Options options =
        new ChaosSuite.Options(
            REPO.toAbsolutePath(),
            Path.of("target/chaos-smoke").toAbsolutePath(),
            5,
            30,
            System.nanoTime() % 100_000,
            Duration.ofSeconds(3),
            Duration.ofSeconds(1),
            Duration.ofSeconds(3),
            Optional.empty());
    ChaosSuite suite = new ChaosSuite(options);
    assertThat(suite.plan())
        .as("one trial of each kind")
        .containsExactlyInAnyOrder(Target.values());

    ChaosReport report = suite.run();

    Tally total = report.total();
    assertThat(total.trials()).isEqualTo(5);
    assertThat(total.alertsOwed()).as("the load owed alerts").isPositive();
    assertThat(total.eventsLost()).as("events lost").isZero();
    assertThat(total.alertsLost()).as("alerts lost: " + report.lostSamples()).isZero();
    assertThat(total.duplicateDeliveries())
        .as("duplicates: at most the notifier's in-flight deliveries")
        .isLessThanOrEqualTo(report.duplicateBound());
    assertThat(report.keyMismatches()).as("a duplicate under another key").isZero();
  }
}
