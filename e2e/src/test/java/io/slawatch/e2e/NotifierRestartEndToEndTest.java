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
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The notifier {@code kill -9}ed: in the middle of escalations (every first level sent, every
 * second level still waiting) and started again, each second level goes out once, no first level is
 * sent again, no alert is lost; in the middle of a pile-up, with a second instance running, only
 * the deliveries it had in flight go out again (with the same idempotency key) and the survivor
 * takes its claimed steps over within seconds.
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
    return startNotifier(name, policies, Map.of());
  }

  private ServiceProcess startNotifier(String name, Path policies, Map<String, String> settings)
      throws IOException {
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
    config.putAll(settings);
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

  private Path webhookOnlyPolicy() throws IOException {
    Files.createDirectories(WORK);
    return Files.writeString(
        WORK.resolve(run + "-webhook-policy.yaml"),
        """
        targets:
          webhook: {channel: webhook}
        policies:
          - name: webhook-once
            page_anytime: true
            steps:
              - {notify: [webhook]}
        """);
  }

  /** Publishes the alerts all at once (not one acknowledged send at a time): a pile-up. */
  private void pileUp(int alerts) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      for (int i = 0; i < alerts; i++) {
        String ticket = run + "-" + i;
        sent.add(producer.send(new ProducerRecord<>(Topics.SLA_ALERTS, ticket, breach(ticket))));
      }
      for (Future<RecordMetadata> one : sent) {
        one.get(30, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      throw new IllegalStateException("could not publish the pile-up", e);
    }
  }

  private long pid(ServiceProcess process) throws IOException {
    return Long.parseLong(
        Files.readString(WORK.resolve("pids").resolve(process.name() + ".pid")).trim());
  }

  /** The escalations of this run the process still holds a claim on. */
  private List<String> claimedBy(long pid) throws Exception {
    try (Connection db =
            DriverManager.getConnection(infra.jdbcUrl(database), infra.user(), infra.password());
        PreparedStatement query =
            db.prepareStatement(
                "select alert_id from escalation where alert_id like ? and state = 'active'"
                    + " and claimed_by like ?")) {
      query.setString(1, run + "-%");
      query.setString(2, "%/" + pid + "/%");
      List<String> ids = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
      return ids;
    }
  }

  private long escalationsDone() throws Exception {
    try (Connection db =
            DriverManager.getConnection(infra.jdbcUrl(database), infra.user(), infra.password());
        PreparedStatement query =
            db.prepareStatement(
                "select count(*) from escalation where alert_id like ? and state = 'done'")) {
      query.setString(1, run + "-%");
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private List<WebhookReceiver.Request> receivedOfRun() {
    return webhook.received().stream()
        .filter(r -> r.body().contains("\"subject\":\"" + run + "-"))
        .toList();
  }

  private static String subject(WebhookReceiver.Request request) {
    String body = request.body();
    int start = body.indexOf("\"subject\":\"") + "\"subject\":\"".length();
    return body.substring(start, body.indexOf('"', start));
  }

  @Test
  void
      a_notifier_killed_mid_pile_up_sends_again_only_what_it_had_in_flight_and_its_claims_are_taken_over_within_seconds()
          throws Exception {
    int alerts = 3000;
    int concurrency = 16;
    Duration lease = Duration.ofSeconds(4); // renewed every second: a pause of 3 s is tolerated
    infra.createDatabase(database);
    webhook = WebhookReceiver.start();
    Path policies = webhookOnlyPolicy();
    Map<String, String> settings =
        Map.of(
            "slawatch.notifier.escalation.lease", lease.toString(),
            "slawatch.notifier.escalation.heartbeat", "PT1S",
            "slawatch.notifier.escalation.concurrency", Integer.toString(concurrency),
            "slawatch.notifier.escalation.batch-size", "200",
            // the killed instance's partitions go to the survivor within seconds, not 45 s
            "mp.messaging.incoming.sla-alerts.session.timeout.ms", "6000",
            "mp.messaging.incoming.sla-alerts.heartbeat.interval.ms", "1000");
    ServiceProcess doomed = startNotifier("notifier-a", policies, settings);
    ServiceProcess survivor = startNotifier("notifier-b", policies, settings);
    doomed.awaitReady(Duration.ofSeconds(120));
    survivor.awaitReady(Duration.ofSeconds(120));
    long doomedPid = pid(doomed);

    pileUp(alerts);
    // mid pile-up, while the doomed instance holds claimed steps
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> receivedOfRun().size() >= alerts / 2 && !claimedBy(doomedPid).isEmpty());
    doomed.kill();
    long killed = System.nanoTime();
    List<String> stranded = claimedBy(doomedPid);
    int deliveredBeforeKill = receivedOfRun().size();
    assertThat(stranded).as("steps the killed instance had claimed").isNotEmpty();

    // its claims run out one lease after its last heartbeat; the survivor claims them once it has
    // claimed the steps due before them (at most the other half of the pile-up, a few seconds)
    Awaitility.await()
        .atMost(lease.plusSeconds(7))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> claimedBy(doomedPid).isEmpty());
    Duration takeover = Duration.ofNanos(System.nanoTime() - killed);

    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> escalationsDone() == alerts);
    List<WebhookReceiver.Request> received = receivedOfRun();
    Map<String, List<WebhookReceiver.Request>> bySubject =
        received.stream().collect(Collectors.groupingBy(NotifierRestartEndToEndTest::subject));
    long duplicates = received.size() - bySubject.size();
    System.out.printf(
        "notifier crash mid pile-up: %d delivered before the kill, %d steps stranded, taken over"
            + " after %d ms, %d duplicates (bound %d)%n",
        deliveredBeforeKill, stranded.size(), takeover.toMillis(), duplicates, concurrency);

    assertThat(bySubject).as("every alert delivered").hasSize(alerts);
    assertThat(duplicates)
        .as("sent again: at most the killed instance's deliveries in flight")
        .isLessThanOrEqualTo(concurrency);
    assertThat(bySubject)
        .allSatisfy(
            (ticket, requests) ->
                assertThat(requests)
                    .as("every delivery of %s carries the alert id as its idempotency key", ticket)
                    .extracting(r -> r.header("Idempotency-Key"))
                    .containsOnly(ticket + "/first_response/1/sla.breached/1.0"));
    assertThat(survivor.isAlive()).isTrue();
  }

  private double secondsBetween(String from, String to) throws Exception {
    try (Connection db =
            DriverManager.getConnection(infra.jdbcUrl(database), infra.user(), infra.password());
        PreparedStatement query =
            db.prepareStatement(
                "select extract(epoch from " + to + " - " + from + ") from escalation")) {
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getDouble(1);
      }
    }
  }

  /**
   * Not a test: the delivery throughput of one notifier through a pile-up to the webhook, for
   * docs/benchmarks.md ({@code -Dslawatch.e2e.measure=true}).
   */
  @Test
  @EnabledIfSystemProperty(named = "slawatch.e2e.measure", matches = "true")
  void measure_the_delivery_throughput_of_a_pile_up() throws Exception {
    int alerts = Integer.getInteger("slawatch.e2e.measure.alerts", 10_000);
    infra.createDatabase(database);
    webhook = WebhookReceiver.start();
    ServiceProcess notifier = startNotifier("notifier-m", webhookOnlyPolicy());
    notifier.awaitReady(Duration.ofSeconds(120));
    pileUp(alerts);
    Awaitility.await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> receivedOfRun().size() >= alerts);
    List<Long> arrivals = webhook.arrivals();
    double seconds = (arrivals.get(arrivals.size() - 1) - arrivals.get(0)) / 1e9;
    System.out.printf(
        "notifier pile-up: %d alerts delivered in %.2f s (first to last): %.0f alerts/s;"
            + " escalations begun over %.2f s%n",
        alerts, seconds, alerts / seconds, secondsBetween("min(started_at)", "max(started_at)"));
  }
}
