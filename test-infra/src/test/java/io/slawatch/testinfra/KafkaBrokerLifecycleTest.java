package io.slawatch.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

class KafkaBrokerLifecycleTest {

  @Test
  void the_broker_dies_with_the_jvm_that_started_it_and_restarts_on_its_data_without_reformatting()
      throws Exception {
    Path dataDir = BuildDirs.fresh("kafka-lifecycle-test");
    String topic = "survivor.v1";

    ChildJvm holder = ChildJvm.holding("kafka", dataDir.toString(), topic);
    long brokerPid = Long.parseLong(holder.readyValue());
    assertThat(ProcessHandle.of(brokerPid).filter(ProcessHandle::isAlive)).isPresent();
    assertThat(ProcessHandle.of(brokerPid).flatMap(ProcessHandle::parent).map(ProcessHandle::pid))
        .as("the broker's parent")
        .hasValue(holder.pid());
    holder.killHard();

    Instant killed = Instant.now();
    // restart on the same data at once: start() waits for the dying broker to release it
    CompletableFuture<KafkaBroker> restart =
        CompletableFuture.supplyAsync(() -> KafkaBroker.start(dataDir, 0));
    await("broker pid " + brokerPid + " gone after its parent was killed")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> ProcessHandle.of(brokerPid).filter(ProcessHandle::isAlive).isEmpty());
    System.out.println(
        "orphaned broker exited "
            + Duration.between(killed, Instant.now()).toMillis()
            + " ms after its parent was killed");
    assertThat(dataDir.resolve("broker.log"))
        .content()
        .contains("slawatch: stdin closed (the parent closed it or exited), stopping the broker");

    try (KafkaBroker restarted = restart.get(60, TimeUnit.SECONDS);
        Admin admin =
            Admin.create(
                Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    (Object) restarted.bootstrapServers()))) {
      assertThat(restarted.pid()).isNotEqualTo(brokerPid);
      Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      assertThat(topics).as("topics kept across the restart").contains(topic);
      assertThat(restarted.logFile())
          .content()
          .containsOnlyOnce("slawatch: formatting")
          .contains("slawatch: storage already formatted, keeping its data");
    }
  }
}
