package io.slawatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.testinfra.ServiceProcess;
import io.slawatch.testinfra.TestInfra;
import io.slawatch.testinfra.TopicProbe;
import io.slawatch.testinfra.TopicWriter;
import io.slawatch.testinfra.Topics;
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
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two sla-timer JVMs on one database and one consumer group, as in production, each killed with
 * {@code kill -9} in the middle of its work: while consuming events, and while firing a pile-up
 * (between claiming timers and publishing or committing them). Nothing may be lost; an alert
 * published twice (a re-fire after a crash) must carry the same id; with no crash, none twice.
 */
class TimerCrashEndToEndTest {
  private static final Path REPO = Path.of(System.getProperty("slawatch.repo", ".."));
  private static final Path WORK =
      Path.of(System.getProperty("slawatch.build.dir", "target")).resolve("e2e-crash");
  private static final Pattern SUBJECT = Pattern.compile("\"subject\":\"([^\"]+)\"");
  private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

  private final TestInfra infra = TestInfra.get();
  private final String run = "CRASH-" + UUID.randomUUID().toString().substring(0, 8);
  private final String database = "slawatch_e2e_" + run.toLowerCase().replace('-', '_');
  private final List<ServiceProcess> timers = new ArrayList<>();
  private Path logs;
  private Path pids;
  private Path plan;

  @BeforeEach
  void prepare() throws IOException {
    logs = Files.createDirectories(WORK.resolve("logs"));
    pids = Files.createDirectories(WORK.resolve("pids"));
    infra.createDatabase(database);
    // 24x7, no warnings: one breach per ticket, 20 s after it was opened
    plan =
        Files.writeString(
            WORK.resolve("crash-plan.yaml"),
            """
            name: crash
            title: Crash test plan (seconds)
            priorities: {P1: [P1], P2: [P2], P3: [P3], P4: [P4]}
            warnings: []
            pause_statuses: [pending]
            clocks:
              P1: {first_response: {target: PT20S, calendar: 24x7}}
              P2: {first_response: {target: PT20S, calendar: 24x7}}
              P3: {first_response: {target: PT20S, calendar: 24x7}}
              P4: {first_response: {target: PT20S, calendar: 24x7}}
            """);
  }

  @AfterEach
  void stopAll() throws InterruptedException {
    for (ServiceProcess timer : timers) {
      timer.stop(Duration.ofSeconds(10));
    }
  }

  private ServiceProcess startTimer(String name) throws IOException {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("kafka.bootstrap.servers", infra.bootstrapServers());
    config.put("quarkus.datasource.jdbc.url", infra.jdbcUrl(database));
    config.put("quarkus.datasource.reactive.url", infra.reactiveUrl(database));
    config.put("quarkus.datasource.username", infra.user());
    config.put("quarkus.datasource.password", infra.password());
    config.put("slawatch.timer.plan-files", plan.toString());
    // small batches, one loop: a pile-up takes a few seconds of claims, so a kill lands in one
    config.put("slawatch.timer.batch-size", "5");
    config.put("slawatch.timer.firing-loops", "1");
    // this test's own consumer group, and a dead member noticed in seconds, not 45
    config.put("mp.messaging.incoming.ticket-events.group.id", run);
    config.put("mp.messaging.incoming.customer-events.group.id", run + "-customers");
    config.put("mp.messaging.incoming.ticket-events.session.timeout.ms", "6000");
    config.put("mp.messaging.incoming.ticket-events.heartbeat.interval.ms", "1000");
    Path jar = REPO.resolve("sla-timer/target/quarkus-app/quarkus-run.jar");
    ServiceProcess timer =
        ServiceProcess.start(name + "-" + run, jar, freePort(), config, logs, pids);
    timers.add(timer);
    return timer;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Opens tickets {@code from..to-1} of a batch, each due to breach at {@code due}. */
  private void open(TopicWriter writer, String batch, int from, int to, Instant due) {
    Instant opened = due.minusSeconds(20);
    for (int i = from; i < to; i++) {
      String ticket = run + "-" + batch + "-" + i;
      writer.send(
          Topics.TICKET_EVENTS,
          ticket,
          """
          {"specversion":"1.0","id":"c-%s","source":"crash-test","type":"ticket.created",\
          "subject":"%s","time":"%s","data":{"customer":"acme","priority":"P2","plan":"crash"}}\
          """
              .formatted(ticket, ticket, opened));
    }
  }

  private static String group(ConsumerRecord<String, String> record, Pattern pattern) {
    Matcher m = pattern.matcher(record.value());
    return m.find() ? m.group(1) : "";
  }

  private static Map<String, List<String>> idsByTicket(List<ConsumerRecord<String, String>> seen) {
    return seen.stream()
        .collect(
            Collectors.groupingBy(
                r -> group(r, SUBJECT),
                Collectors.mapping(r -> group(r, ID), Collectors.toList())));
  }

  private long count(String sql, String like) throws Exception {
    try (Connection db =
            DriverManager.getConnection(infra.jdbcUrl(database), infra.user(), infra.password());
        PreparedStatement query = db.prepareStatement(sql)) {
      query.setString(1, like);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  @Test
  void two_instances_killed_mid_stream_and_mid_pile_up_lose_nothing_and_refire_with_the_same_ids()
      throws Exception {
    int tickets = 3000;
    try (TopicWriter writer = new TopicWriter(infra.bootstrapServers());
        TopicProbe alerts = TopicProbe.atEnd(infra.bootstrapServers(), Topics.SLA_ALERTS)) {
      ServiceProcess a = startTimer("timer-a");
      ServiceProcess b = startTimer("timer-b");
      a.awaitReady(Duration.ofSeconds(120));
      b.awaitReady(Duration.ofSeconds(120));

      // 1. both alive: the pile-up is shared, and every alert goes out exactly once
      Instant firstDue = Instant.now().plusSeconds(15);
      open(writer, "shared", 0, tickets, firstDue);
      List<ConsumerRecord<String, String>> shared =
          alerts.awaitUntil(
              r -> r.key().startsWith(run + "-shared-"),
              seen -> seen.size() >= tickets,
              tickets + " breaches",
              Duration.ofSeconds(90));
      assertThat(alerts.during(r -> r.key().startsWith(run + "-shared-"), Duration.ofSeconds(2)))
          .as("no alert of the shared pile-up published twice")
          .hasSize(tickets);
      assertThat(idsByTicket(shared))
          .hasSize(tickets)
          .allSatisfy((ticket, ids) -> assertThat(ids).hasSize(1));

      // 2. kill -9 while consuming: A dies with half the events sent, then comes back. The pile-up
      // falls due once B has taken A's partitions over and applied them (6 s session timeout)
      Instant secondDue = Instant.now().plusSeconds(40);
      open(writer, "crash", 0, tickets / 2, secondDue);
      a.kill();
      open(writer, "crash", tickets / 2, tickets, secondDue);
      // A2 comes back while B fires the pile-up: B must not wait for it (a JVM start takes
      // ~10 s here and much longer on a loaded machine)
      ServiceProcess a2 = startTimer("timer-a2");

      // 3. kill -9 while firing: B dies once the pile-up is going out, then comes back
      long pendingAtKill = 0;
      long firedAtKill = 0;
      Instant giveUp = Instant.now().plusSeconds(120);
      while (Instant.now().isBefore(giveUp)) {
        firedAtKill =
            count("select count(*) from fired_alert where ticket_id like ?", run + "-crash-%");
        pendingAtKill =
            count("select count(*) from timer where ticket_id like ?", run + "-crash-%");
        if (firedAtKill > 0 && pendingAtKill > 0) {
          break;
        }
        Thread.sleep(20); // polling the firing progress to pick the moment of the kill
      }
      b.kill();
      a2.awaitReady(Duration.ofSeconds(120));
      assertThat(pendingAtKill)
          .as("B was killed in the middle of the pile-up (%d fired by then)", firedAtKill)
          .isPositive();
      ServiceProcess b2 = startTimer("timer-b2");
      b2.awaitReady(Duration.ofSeconds(120));

      List<ConsumerRecord<String, String>> crashed =
          alerts.awaitUntil(
              r -> r.key().startsWith(run + "-crash-"),
              seen -> idsByTicket(seen).size() >= tickets,
              "a breach for each of " + tickets + " tickets",
              Duration.ofSeconds(120));
      Map<String, List<String>> byTicket = idsByTicket(crashed);
      assertThat(byTicket).hasSize(tickets);
      System.out.printf(
          "crash pile-up: %d alerts for %d tickets (%d re-fired after the kill)%n",
          crashed.size(), tickets, crashed.size() - tickets);
      assertThat(byTicket)
          .as("a re-fired alert carries the id of the first")
          .allSatisfy((ticket, ids) -> assertThat(Set.copyOf(ids)).hasSize(1));
      assertThat(count("select count(*) from timer where ticket_id like ?", run + "-%"))
          .as("no timer left pending")
          .isZero();
      assertThat(count("select count(*) from fired_alert where ticket_id like ?", run + "-%"))
          .isEqualTo(2L * tickets);
    }
  }
}
