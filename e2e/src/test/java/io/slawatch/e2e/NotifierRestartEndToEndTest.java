package io.slawatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.testinfra.ServiceProcess;
import io.slawatch.testinfra.TestInfra;
import io.slawatch.testinfra.TopicWriter;
import io.slawatch.testinfra.Topics;
import io.slawatch.testinfra.WebhookReceiver;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The notifier {@code kill -9}ed in the middle of escalations (every first level sent, every second
 * level still waiting) and started again: each second level goes out once, no first level is sent
 * again, no alert is lost.
 */
class NotifierRestartEndToEndTest {
  private static final Path REPO = Path.of(System.getProperty("slawatch.repo", ".."));
  private static final Path WORK =
      Path.of(System.getProperty("slawatch.build.dir", "target")).resolve("e2e-notifier");

  private final TestInfra infra = TestInfra.get();
  private final String run = "NRS-" + UUID.randomUUID().toString().substring(0, 8);
  private final String database = "slawatch_e2e_" + run.toLowerCase().replace('-', '_');
  private final List<ServiceProcess> processes = new ArrayList<>();
  private WebhookReceiver webhook;

  @AfterEach
  void stopAll() throws InterruptedException {
    for (ServiceProcess process : processes) {
      process.stop(Duration.ofSeconds(10));
    }
    if (webhook != null) {
      webhook.close();
    }
  }

  private ServiceProcess startNotifier(String name, Path policies) throws IOException {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("kafka.bootstrap.servers", infra.bootstrapServers());
    config.put("quarkus.datasource.jdbc.url", infra.jdbcUrl(database));
    config.put("quarkus.datasource.reactive.url", infra.reactiveUrl(database));
    config.put("quarkus.datasource.username", infra.user());
    config.put("quarkus.datasource.password", infra.password());
    config.put("slawatch.notifier.webhook.url", webhook.url());
    config.put("slawatch.notifier.escalation.policy-file", policies.toString());
    config.put("mp.messaging.incoming.sla-alerts.group.id", run);
    config.put("mp.messaging.incoming.customer-events.group.id", run + "-customers");
    Path logs = Files.createDirectories(WORK.resolve("logs"));
    Path pids = Files.createDirectories(WORK.resolve("pids"));
    Path jar = REPO.resolve("notifier/target/quarkus-app/quarkus-run.jar");
    ServiceProcess process =
        ServiceProcess.start(name + "-" + run, jar, freePort(), config, logs, pids);
    processes.add(process);
    return process;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private long firstLevelsDelivered() throws Exception {
    try (Connection db =
            DriverManager.getConnection(infra.jdbcUrl(database), infra.user(), infra.password());
        PreparedStatement query =
            db.prepareStatement(
                "select count(*) from delivery where alert_id like ? and level = 1"
                    + " and status = 'delivered'")) {
      query.setString(1, run + "-%");
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private String breach(String ticket) {
    return """
        {"specversion":"1.0","id":"%1$s/first_response/1/sla.breached/1.0","source":"/slawatch/sla-timer",\
        "type":"sla.breached","subject":"%1$s","time":"%2$s","datacontenttype":"application/json",\
        "data":{"ticket":"%1$s","customer":"acme","plan":"e2e","priority":"P1","clock":"first_response",\
        "cycle":1,"target":"PT1H","due":"%2$s","threshold":1.0}}\
        """
        .formatted(ticket, Instant.now());
  }

  @Test
  void a_notifier_killed_between_two_levels_sends_each_second_level_once_after_its_restart()
      throws Exception {
    int alerts = 300;
    infra.createDatabase(database);
    webhook = WebhookReceiver.start();
    Files.createDirectories(WORK);
    Path policies =
        Files.writeString(
            WORK.resolve(run + "-policies.yaml"),
            """
            targets:
              console: {channel: console}
              webhook: {channel: webhook}
            policies:
              - name: two-levels
                page_anytime: true
                steps:
                  - {notify: [console], wait: PT15S}
                  - {notify: [webhook]}
            """);
    ServiceProcess first = startNotifier("notifier-1", policies);
    first.awaitReady(Duration.ofSeconds(120));

    try (TopicWriter writer = new TopicWriter(infra.bootstrapServers())) {
      for (int i = 0; i < alerts; i++) {
        String ticket = run + "-" + i;
        writer.send(Topics.SLA_ALERTS, ticket, breach(ticket));
      }
    }
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> firstLevelsDelivered() == alerts);
    assertThat(webhook.received()).noneMatch(r -> r.body().contains(run));

    first.kill();
    ServiceProcess second = startNotifier("notifier-2", policies);
    second.awaitReady(Duration.ofSeconds(120));

    var delivered =
        webhook.await(
            r -> r.body().contains("\"subject\":\"" + run + "-"), alerts, Duration.ofSeconds(90));
    Awaitility.await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(3))
        .until(
            () ->
                webhook.received().stream().filter(r -> r.body().contains(run)).count() == alerts);
    Map<String, Long> perAlert =
        delivered.stream()
            .collect(
                Collectors.groupingBy(r -> r.header("Idempotency-Key"), Collectors.counting()));
    assertThat(perAlert).hasSize(alerts).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
    assertThat(Files.readString(second.log()))
        .as("the restarted notifier sends no first level again")
        .doesNotContain("ticket=" + run + "-");
  }
}
