package io.slawatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slawatch.testinfra.ServiceProcess;
import io.slawatch.testinfra.TestInfra;
import io.slawatch.testinfra.WebhookReceiver;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An engagement (Jamf's services policy) through the whole pipeline: its events posted to
 * ticket-intake's events API, Kafka, sla-timer's durable engagement timers in PostgreSQL, Kafka
 * again, the notifier's policy selecting the obligation by clock, and a webhook receiver on the far
 * end. Each service has its own database and consumer groups.
 */
class EngagementEndToEndTest {
  private static final Path REPO = Path.of(System.getProperty("slawatch.repo", ".."));
  private static final Path WORK =
      Path.of(System.getProperty("slawatch.build.dir", "target")).resolve("e2e");
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TestInfra infra = TestInfra.get();
  private final String run = "ENG-" + UUID.randomUUID().toString().substring(0, 8);
  private final String token = UUID.randomUUID().toString();
  private final List<ServiceProcess> processes = new ArrayList<>();
  private WebhookReceiver webhook;

  @AfterEach
  void stopAll() throws InterruptedException {
    for (ServiceProcess process : processes.reversed()) {
      process.stop(Duration.ofSeconds(10));
    }
    if (webhook != null) {
      webhook.close();
    }
  }

  private ServiceProcess start(String module, Map<String, String> extra) throws IOException {
    String database =
        "slawatch_e2e_" + run.toLowerCase().replace('-', '_') + "_" + module.charAt(0);
    infra.createDatabase(database);
    Map<String, String> config = new LinkedHashMap<>();
    config.put("kafka.bootstrap.servers", infra.bootstrapServers());
    config.put("quarkus.datasource.jdbc.url", infra.jdbcUrl(database));
    config.put("quarkus.datasource.reactive.url", infra.reactiveUrl(database));
    config.put("quarkus.datasource.username", infra.user());
    config.put("quarkus.datasource.password", infra.password());
    config.putAll(extra);
    Path logs = Files.createDirectories(WORK.resolve("logs"));
    Path pids = Files.createDirectories(WORK.resolve("pids"));
    Path jar = REPO.resolve(module + "/target/quarkus-app/quarkus-run.jar");
    ServiceProcess process =
        ServiceProcess.start(module + "-" + run, jar, freePort(), config, logs, pids);
    processes.add(process);
    return process;
  }

  /**
   * The no-show obligation goes to the webhook, selected by its clock; anything else (alerts of
   * other tests' tickets still on the topic) only to the console.
   */
  private Path policies() throws IOException {
    Files.createDirectories(WORK);
    return Files.writeString(
        WORK.resolve("e2e-engagement-policies-" + run + ".yaml"),
        """
        targets:
          hook: {channel: webhook}
          console: {channel: console}
        policies:
          - name: engagement-no-show
            match: {clocks: [no_show], types: [sla.breached]}
            page_anytime: true
            steps:
              - {notify: [hook]}
          - name: everything-else
            page_anytime: true
            steps:
              - {notify: [console]}
        """);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private HttpResponse<String> post(ServiceProcess intake, String event) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + intake.port() + "/api/v1/events"))
            .header("Content-Type", "application/cloudevents+json")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(event))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String event(String engagement, String id, String type, Instant at, String data) {
    return """
        {"specversion":"1.0","id":"%s","source":"e2e/services","type":"%s","subject":"%s",\
        "time":"%s","data":%s}\
        """
        .formatted(id, type, engagement, at, data);
  }

  private static boolean noShowOf(WebhookReceiver.Request request, String engagement) {
    return request.body().contains("\"type\":\"sla.breached\"")
        && request.body().contains("\"subject\":\"" + engagement + "\"");
  }

  @Test
  void an_engagements_no_show_alert_posted_through_intake_reaches_the_notifiers_webhook()
      throws Exception {
    webhook = WebhookReceiver.start();
    ServiceProcess intake =
        start(
            "ticket-intake",
            Map.of(
                "slawatch.intake.auth.tokens.e2e.token",
                token,
                "slawatch.intake.auth.tokens.e2e.roles",
                "ingest"));
    ServiceProcess timer =
        start(
            "sla-timer",
            Map.of(
                "mp.messaging.incoming.ticket-events.group.id",
                run,
                "mp.messaging.incoming.customer-events.group.id",
                run + "-customers",
                "slawatch.timer.auth.tokens.e2e.token",
                token,
                "slawatch.timer.auth.tokens.e2e.roles",
                "read"));
    ServiceProcess notifier =
        start(
            "notifier",
            Map.of(
                "mp.messaging.incoming.sla-alerts.group.id",
                run + "-notifier",
                "mp.messaging.incoming.customer-events.group.id",
                run + "-notifier-customers",
                "slawatch.notifier.webhook.url",
                webhook.url(),
                "slawatch.notifier.escalation.policy-file",
                policies().toString()));
    for (ServiceProcess process : processes) {
      process.awaitReady(Duration.ofSeconds(120));
    }

    String engagement = "E-" + run;
    Instant bookedAt = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MILLIS);
    // booked yesterday for a session that started 20 minutes ago less 5 s: a no-show in 5 s
    Instant start =
        Instant.now().minus(Duration.ofMinutes(20)).plusSeconds(5).truncatedTo(ChronoUnit.MILLIS);
    HttpResponse<String> purchased =
        post(
            intake,
            event(
                engagement,
                "p-" + engagement,
                "engagement.purchased",
                bookedAt,
                """
                {"customer":"acme","kind":"remote","hours":8,"purchased_at":"%s"}"""
                    .formatted(bookedAt)));
    assertThat(purchased.statusCode()).as(purchased.body()).isEqualTo(202);
    // a remote booking of 6 hours is refused at the edge, naming the field
    HttpResponse<String> sixHours =
        post(
            intake,
            event(
                engagement,
                "s6-" + engagement,
                "engagement.scheduled",
                bookedAt,
                "{\"start\":\"" + start + "\",\"duration\":\"PT6H\"}"));
    assertThat(sixHours.statusCode()).isEqualTo(400);
    assertThat(sixHours.body()).contains("data.duration");
    HttpResponse<String> scheduled =
        post(
            intake,
            event(
                engagement,
                "s-" + engagement,
                "engagement.scheduled",
                bookedAt,
                "{\"start\":\"" + start + "\",\"duration\":\"PT4H\"}"));
    assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(202);

    var delivered = webhook.await(r -> noShowOf(r, engagement), 1, Duration.ofSeconds(60));
    JsonNode alert = JSON.readTree(delivered.getFirst().body());
    assertThat(alert.path("id").asText()).isEqualTo(engagement + "/no_show/1/sla.breached/1.0");
    assertThat(alert.at("/data/clock").asText()).isEqualTo("no_show");
    assertThat(alert.at("/data/due").asText())
        .isEqualTo(start.plus(Duration.ofMinutes(20)).toString());
    assertThat(alert.at("/data/flags").toString()).contains("\"engagement\"");

    HttpResponse<String> state =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:" + timer.port() + "/api/v1/engagements/" + engagement))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(state.statusCode()).as(state.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(state.body());
    assertThat(body.path("stage").asText()).isEqualTo("scheduled");
    assertThat(body.path("obligations").findValuesAsText("status")).contains("breached");
    assertThat(notifier.isAlive()).isTrue();
  }
}
