package io.slawatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole path, each hop real: HTTP into ticket-intake, Kafka, sla-timer's durable timers in
 * PostgreSQL, Kafka again, notifier, and a webhook receiver on the far end.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class FirstResponseEndToEndTest {
  private static final Path REPO = Path.of(System.getProperty("slawatch.repo", ".."));
  private static final Path WORK =
      Path.of(System.getProperty("slawatch.build.dir", "target")).resolve("e2e");
  private static final List<ServiceProcess> SERVICES = new ArrayList<>();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static WebhookReceiver webhook;
  private static int intakePort;
  private static int timerPort;
  private static int notifierPort;
  private static final String TOKEN = UUID.randomUUID().toString();
  private static final String GITHUB_SECRET = UUID.randomUUID().toString();

  /** The GitHub payloads ticket-intake's adapter tests use (captured from GitHub's docs). */
  private static final Path FIXTURES =
      REPO.resolve("ticket-intake/src/test/resources/webhook/github");

  @BeforeAll
  static void startTheSystem() throws Exception {
    TestInfra infra = TestInfra.get();
    webhook = WebhookReceiver.start();
    Path logs = Files.createDirectories(WORK.resolve("logs"));
    Path pids = Files.createDirectories(WORK.resolve("pids"));
    intakePort = freePort();
    start(
        infra,
        "ticket-intake",
        "slawatch_e2e_intake",
        intakePort,
        Map.of(
            "slawatch.intake.auth.tokens.e2e.token",
            TOKEN,
            "slawatch.intake.auth.tokens.e2e.roles",
            "ingest",
            // a GitHub repository of an OPSWAT customer whose labels mark hardware milestones
            "slawatch.intake.webhooks.e2e-gh.vendor",
            "github",
            "slawatch.intake.webhooks.e2e-gh.secret",
            GITHUB_SECRET,
            "slawatch.intake.webhooks.e2e-gh.customer",
            "kiosk-customer",
            "slawatch.intake.webhooks.e2e-gh.plan",
            "opswat-gold",
            "slawatch.intake.webhooks.e2e-gh.milestone-labels.defective",
            "hardware_defect_identified",
            "slawatch.intake.webhooks.e2e-gh.milestone-labels.shipped",
            "replacement_shipped"),
        logs,
        pids);
    timerPort = freePort();
    notifierPort = freePort();
    start(
        infra,
        "sla-timer",
        "slawatch_e2e_timer",
        timerPort,
        Map.of(
            "slawatch.timer.plan-files",
            e2ePlan().toString(),
            "slawatch.timer.auth.tokens.e2e.token",
            TOKEN,
            "slawatch.timer.auth.tokens.e2e.roles",
            "read"),
        logs,
        pids);
    start(
        infra,
        "notifier",
        "slawatch_e2e_notifier",
        notifierPort,
        Map.of(
            "slawatch.notifier.webhook.url",
            webhook.url(),
            "slawatch.notifier.escalation.policy-file",
            policies().toString()),
        logs,
        pids);
    for (ServiceProcess service : SERVICES) {
      service.awaitReady(Duration.ofSeconds(120));
    }
  }

  /**
   * Escalation policies: the customer {@code climbing} escalates to the webhook in two levels 6 s
   * apart; everything else goes once to the webhook and the console (as without a policy file).
   */
  private static Path policies() throws IOException {
    return Files.writeString(
        WORK.resolve("e2e-policies.yaml"),
        """
        targets:
          hook: {channel: webhook}
          console: {channel: console}
        policies:
          - name: climbing
            match: {customers: [climbing], types: [sla.warning, sla.breached]}
            page_anytime: true
            steps:
              - {notify: [hook], wait: PT6S}
              - {notify: [hook]}
          - name: everything-else
            page_anytime: true
            steps:
              - {notify: [hook, console]}
        """);
  }

  /** A seconds-scale 24x7 plan, as a plan file in the sla-core format. */
  private static Path e2ePlan() throws IOException {
    return Files.writeString(
        WORK.resolve("e2e-plan.yaml"),
        """
        name: e2e
        title: End-to-end test plan (seconds)
        priorities: {P1: [P1], P2: [P2], P3: [P3], P4: [P4]}
        warnings: [75%]
        pause_statuses: [pending, on_hold]
        clocks:
          P1: {first_response: {target: PT3S, calendar: 24x7}}
          P2: {first_response: {target: PT4S, calendar: 24x7}}
          P3: {first_response: {target: PT5S, calendar: 24x7}}
          P4: {first_response: {target: PT6S, calendar: 24x7}}
        """);
  }

  private static void start(
      TestInfra infra,
      String name,
      String database,
      int port,
      Map<String, String> extra,
      Path logs,
      Path pids)
      throws IOException {
    infra.createDatabase(database);
    Map<String, String> config = new LinkedHashMap<>();
    config.put("kafka.bootstrap.servers", infra.bootstrapServers());
    config.put("quarkus.datasource.jdbc.url", infra.jdbcUrl(database));
    config.put("quarkus.datasource.reactive.url", infra.reactiveUrl(database));
    config.put("quarkus.datasource.username", infra.user());
    config.put("quarkus.datasource.password", infra.password());
    config.putAll(extra);
    Path jar = REPO.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    SERVICES.add(ServiceProcess.start(name, jar, port, config, logs, pids));
  }

  @AfterAll
  static void stopTheSystem() throws InterruptedException {
    for (ServiceProcess service : SERVICES.reversed()) {
      service.stop(Duration.ofSeconds(20));
    }
    if (webhook != null) {
      webhook.close();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void post(String ticket, String id, String type, Instant at, String data)
      throws Exception {
    post(ticket, id, type, at, data, null);
  }

  private static void post(
      String ticket, String id, String type, Instant at, String data, String traceparent)
      throws Exception {
    String event =
        """
        {"specversion":"1.0","id":"%s","source":"e2e","type":"%s","subject":"%s","time":"%s",
         "data":%s}
        """
            .formatted(id, type, ticket, at, data);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + intakePort + "/api/v1/events"))
            .header("Content-Type", "application/cloudevents+json")
            .header("Authorization", "Bearer " + TOKEN)
            .POST(HttpRequest.BodyPublishers.ofString(event));
    if (traceparent != null) {
      request.header("traceparent", traceparent);
    }
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
  }

  /** Posts a GitHub webhook delivery, signed as GitHub signs it, to the e2e-gh source. */
  private static void github(String event, String delivery, String body) throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(
        new javax.crypto.spec.SecretKeySpec(
            GITHUB_SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
    String signature =
        "sha256="
            + java.util.HexFormat.of()
                .formatHex(mac.doFinal(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + intakePort + "/api/v1/webhooks/github/e2e-gh"))
                .header("Content-Type", "application/json")
                .header("X-GitHub-Event", event)
                .header("X-GitHub-Delivery", delivery)
                .header("X-Hub-Signature-256", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
  }

  private static boolean breachOf(WebhookReceiver.Request request, String ticket) {
    return request.body().contains("\"type\":\"sla.breached\"")
        && request.body().contains("\"subject\":\"" + ticket + "\"");
  }

  @Test
  @org.junit.jupiter.api.Order(1)
  void a_ticket_nobody_answers_reaches_the_webhook_as_a_breach_and_one_answered_in_time_does_not()
      throws Exception {
    String unanswered = "E2E-" + UUID.randomUUID();
    String answered = "E2E-" + UUID.randomUUID();
    Instant now = Instant.now();
    String data = "{\"customer\":\"acme\",\"priority\":\"P1\",\"plan\":\"e2e\"}";
    // the helpdesk's trace: the alert at the far end continues it (intake → sla-timer → notifier)
    String traceId = UUID.randomUUID().toString().replace("-", "");
    post(
        unanswered,
        "c-" + unanswered,
        "ticket.created",
        now,
        data,
        "00-" + traceId + "-00f067aa0ba902b7-01");
    post(answered, "c-" + answered, "ticket.created", now, data);
    post(
        answered,
        "r-" + answered,
        "ticket.agent_replied",
        now.plusMillis(500),
        "{\"public\":true}");

    var breach = webhook.await(r -> breachOf(r, unanswered), 1, Duration.ofSeconds(60));
    assertThat(breach.getFirst().body())
        .contains("\"id\":\"" + unanswered + "/first_response/1/sla.breached/1.0\"")
        .contains("\"due\":\"" + now.plusSeconds(3) + "\"");
    assertThat(breach.getFirst().header("traceparent"))
        .as("the breach continues the trace of the ticket's creation")
        .startsWith("00-" + traceId + "-")
        .doesNotContain("00f067aa0ba902b7");
    // both were due at the same instant: the answered one would have arrived by now, give it 2 s
    Instant settle = Instant.now().plusSeconds(2);
    while (Instant.now().isBefore(settle)) {
      assertThat(webhook.received()).noneMatch(r -> breachOf(r, answered));
      Thread.sleep(100);
    }
    assertThat(webhook.received()).filteredOn(r -> breachOf(r, unanswered)).hasSize(1);
  }

  /**
   * OPSWAT's advance hardware replacement from a helpdesk's labels (issue 15): a GitHub issue of an
   * opswat-gold customer labelled {@code defective} starts the plan's {@code hardware_replacement}
   * clock (2 business days), the label {@code shipped} a day later meets it; sla-timer's API shows
   * the clock met.
   */
  @Test
  @org.junit.jupiter.api.Order(5)
  void milestone_labels_through_a_github_webhook_start_and_meet_hardware_replacement()
      throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper mapper =
        new com.fasterxml.jackson.databind.ObjectMapper();
    String repo = "kiosk/units-" + UUID.randomUUID().toString().substring(0, 8);
    var opened =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            mapper.readTree(FIXTURES.resolve("github_issues_opened.json").toFile());
    ((com.fasterxml.jackson.databind.node.ObjectNode) opened.get("repository"))
        .put("full_name", repo);
    String run = repo.substring(repo.indexOf('-') + 1);
    github("issues", "gh-open-" + run, opened.toString());
    for (String[] step :
        new String[][] {
          {"defective", "2019-05-16T09:00:00Z"}, {"shipped", "2019-05-17T09:00:00Z"}
        }) {
      var labeled =
          (com.fasterxml.jackson.databind.node.ObjectNode)
              mapper.readTree(FIXTURES.resolve("github_issues_labeled.json").toFile());
      ((com.fasterxml.jackson.databind.node.ObjectNode) labeled.get("repository"))
          .put("full_name", repo);
      ((com.fasterxml.jackson.databind.node.ObjectNode) labeled.get("label")).put("name", step[0]);
      ((com.fasterxml.jackson.databind.node.ObjectNode) labeled.get("issue"))
          .put("updated_at", step[1]);
      github("issues", "gh-" + step[0] + "-" + run, labeled.toString());
    }
    String ticket = "github:e2e-gh:" + repo + "#" + opened.path("issue").path("number").asInt();
    URI sla =
        URI.create(
            "http://127.0.0.1:"
                + timerPort
                + "/api/v1/tickets/"
                + java.net.URLEncoder.encode(ticket, java.nio.charset.StandardCharsets.UTF_8)
                + "/sla");
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(300))
        .untilAsserted(
            () -> {
              HttpResponse<String> response =
                  HTTP.send(
                      HttpRequest.newBuilder(sla)
                          .header("Authorization", "Bearer " + TOKEN)
                          .build(),
                      HttpResponse.BodyHandlers.ofString());
              assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
              var clock =
                  java.util.stream.StreamSupport.stream(
                          mapper.readTree(response.body()).path("clocks").spliterator(), false)
                      .filter(c -> c.path("clock").asText().equals("hardware_replacement"))
                      .findFirst();
              assertThat(clock).as(response.body()).isPresent();
              assertThat(clock.get().path("state").asText()).isEqualTo("met");
              assertThat(clock.get().path("start").asText()).isEqualTo("2019-05-16T09:00:00Z");
            });
  }

  /**
   * The on-call story of issue 13: a breach escalates, the ticket is answered late, the clock ends
   * with {@code sla.ended} (met_late) through the whole pipeline and its escalation climbs no
   * further.
   */
  @Test
  @org.junit.jupiter.api.Order(2)
  void a_breached_ticket_answered_late_ends_its_escalation_before_the_next_level()
      throws Exception {
    String ticket = "E2E-LATE-" + UUID.randomUUID();
    Instant now = Instant.now();
    post(
        ticket,
        "c-" + ticket,
        "ticket.created",
        now,
        "{\"customer\":\"climbing\",\"priority\":\"P1\",\"plan\":\"e2e\"}");
    webhook.await(r -> breachOf(r, ticket), 1, Duration.ofSeconds(60));

    Instant answered = Instant.now();
    post(ticket, "r-" + ticket, "ticket.agent_replied", answered, "{\"public\":true}");

    var ended =
        webhook.await(
            r ->
                r.body().contains("\"type\":\"sla.ended\"")
                    && r.body().contains("\"subject\":\"" + ticket + "\""),
            1,
            Duration.ofSeconds(30));
    assertThat(ended.getFirst().body()).contains("\"reason\":\"met_late\"");
    // level 2 was due 6 s after level 1: wait past it; the breach must have reached the hook once
    Instant pastLevelTwo = Instant.now().plusSeconds(8);
    while (Instant.now().isBefore(pastLevelTwo)) {
      assertThat(webhook.received()).filteredOn(r -> breachOf(r, ticket)).hasSize(1);
      Thread.sleep(200);
    }
  }

  /**
   * Every Grafana panel query, run by a real Prometheus (Debian's package) that scrapes the three
   * running services and evaluates deploy/prometheus's rules: each parses and returns series.
   */
  @Test
  @org.junit.jupiter.api.Order(3)
  void every_dashboard_query_returns_series_from_the_running_services() throws Exception {
    Path prometheus = Path.of("/usr/bin/prometheus");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isExecutable(prometheus), "prometheus not installed: apt-get install prometheus");
    // one bad event, so the rejection panels have something to show
    HttpResponse<String> rejected =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + intakePort + "/api/v1/events"))
                .header("Content-Type", "application/cloudevents+json")
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("{\"specversion\":\"1.0\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(rejected.statusCode()).isEqualTo(400);
    String intakeMetrics =
        HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + intakePort + "/q/metrics"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    assertThat(intakeMetrics).contains("slawatch_intake_rejections_total");
    try (DashboardCheck check =
        DashboardCheck.start(
            prometheus,
            REPO.resolve("deploy"),
            WORK.resolve("prometheus"),
            Map.of(
                "ticket-intake", intakePort,
                "sla-timer", timerPort,
                "notifier", notifierPort))) {
      check.awaitScrapes(3, Duration.ofSeconds(60));
      Map<String, Integer> seriesByQuery = check.runEveryPanelQuery();
      seriesByQuery.forEach(
          (query, n) -> System.out.println("dashboard query: " + n + " series: " + query));
      assertThat(seriesByQuery).isNotEmpty();
      assertThat(seriesByQuery)
          .as("panel queries without series (allowed: %s)", DashboardCheck.NEEDS_OTHER_TRAFFIC)
          .allSatisfy(
              (query, series) -> {
                if (DashboardCheck.NEEDS_OTHER_TRAFFIC.stream().noneMatch(query::contains)) {
                  assertThat(series).as(query).isPositive();
                }
              });
    }
  }

  @Test
  @org.junit.jupiter.api.Order(4)
  void every_services_metrics_pass_promtool_check_metrics() throws Exception {
    Path promtool = Path.of("/usr/bin/promtool");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isExecutable(promtool), "promtool not installed: apt-get install prometheus");
    Map<String, Integer> services =
        Map.of("ticket-intake", intakePort, "sla-timer", timerPort, "notifier", notifierPort);
    for (Map.Entry<String, Integer> service : services.entrySet()) {
      // the text format Prometheus 2.x scrapes with (promtool reads no OpenMetrics)
      String metrics =
          HTTP.send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + service.getValue() + "/q/metrics"))
                      .header("Accept", "text/plain; version=0.0.4")
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      assertThat(metrics).contains("slawatch_");
      Process check =
          new ProcessBuilder(promtool.toString(), "check", "metrics")
              .redirectErrorStream(true)
              .start();
      try (var in = check.getOutputStream()) {
        in.write(metrics.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      String findings = new String(check.getInputStream().readAllBytes());
      assertThat(check.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThat(check.exitValue())
          .as("promtool check metrics on %s:%n%s", service.getKey(), findings)
          .isZero();
    }
  }
}
