package io.slawatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.slawatch.testinfra.ServiceProcess;
import io.slawatch.testinfra.TestInfra;
import io.slawatch.testinfra.TopicWriter;
import io.slawatch.testinfra.Topics;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
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
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A customer's monthly compliance report, end to end: tickets of last month through a real
 * sla-timer, then two notifiers sharing one database: the report reaches its two recipients once
 * (GreenMail), in the customer's language, with the figures of sla-timer's reports API and both
 * CSVs attached; a customer whose plan includes no reports gets none; the audit shows it sent.
 */
class CustomerReportEndToEndTest {
  private static final Path REPO = Path.of(System.getProperty("slawatch.repo", ".."));
  private static final Path WORK =
      Path.of(System.getProperty("slawatch.build.dir", "target")).resolve("e2e-reports");
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final String TOKEN = "e2e-report-token-" + UUID.randomUUID();

  private final TestInfra infra = TestInfra.get();
  private final String run = "REP-" + UUID.randomUUID().toString().substring(0, 8);
  private final String timerDb = "slawatch_e2e_" + run.toLowerCase().replace('-', '_') + "_t";
  private final String notifierDb = "slawatch_e2e_" + run.toLowerCase().replace('-', '_') + "_n";
  private final List<ServiceProcess> processes = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper mapper = new ObjectMapper();
  private GreenMail smtp;

  @AfterEach
  void stopAll() throws InterruptedException {
    for (ServiceProcess process : processes) {
      process.stop(Duration.ofSeconds(10));
    }
    if (smtp != null) {
      smtp.stop();
    }
  }

  private ServiceProcess start(
      String module, String name, String database, Map<String, String> extra) throws IOException {
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
        ServiceProcess.start(name + "-" + run, jar, freePort(), config, logs, pids);
    processes.add(process);
    return process;
  }

  private ServiceProcess notifier(String name, ServiceProcess timer) throws IOException {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("mp.messaging.incoming.sla-alerts.group.id", run + "-notifier");
    config.put("mp.messaging.incoming.customer-events.group.id", run + "-notifier-customers");
    config.put("slawatch.notifier.ack.tokens.e2e.token", TOKEN);
    config.put("slawatch.notifier.reports.enabled", "true");
    config.put("slawatch.notifier.reports.timer-url", "http://127.0.0.1:" + timer.port());
    config.put("slawatch.notifier.reports.timer-token", TOKEN);
    config.put("slawatch.notifier.reports.delay", "PT0S");
    // the test's plan is a plan file of sla-timer's: listed (jamf-silver is not, so it gets none)
    config.put("slawatch.notifier.reports.plans", "e2e-gold");
    config.put("slawatch.notifier.reports.check-interval", "PT0.5S");
    config.put("slawatch.notifier.reports.lease", "PT30S");
    config.put("quarkus.mailer.host", "127.0.0.1");
    config.put("quarkus.mailer.port", Integer.toString(smtp.getSmtp().getPort()));
    config.put("quarkus.mailer.from", "slawatch@support.example");
    return start("notifier", name, notifierDb, config);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String customer(String id, String name, String plan, String language) {
    return """
        {"specversion":"1.0","id":"%1$s/1","source":"/slawatch/ticket-intake/customers",\
        "type":"customer.upserted","subject":"%1$s","time":"2026-01-01T00:00:00Z",\
        "datacontenttype":"application/json","data":{"id":"%1$s","name":"%2$s","plan":"%3$s",\
        "zone":"Europe/Paris","language":"%4$s","premium_contacts":[],"us_persons_only":false,\
        "report_recipients":["manager@%1$s.example","cio@%1$s.example"]}}\
        """
        .formatted(id, name, plan, language);
  }

  private static String event(String ticket, String suffix, String type, Instant at, String data) {
    return """
        {"specversion":"1.0","id":"%1$s-%2$s","source":"e2e/reports","type":"%3$s",\
        "subject":"%1$s","time":"%4$s","datacontenttype":"application/json","data":%5$s}\
        """
        .formatted(ticket, suffix, type, at, data);
  }

  private JsonNode get(ServiceProcess service, String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path))
                .header("Authorization", "Bearer " + TOKEN)
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return mapper.readTree(response.body());
  }

  @Test
  void last_months_report_reaches_each_recipient_once_from_two_notifiers() throws Exception {
    infra.createDatabase(timerDb);
    infra.createDatabase(notifierDb);
    Files.createDirectories(WORK);
    Path plan =
        Files.writeString(
            WORK.resolve(run + "-plan.yaml"),
            """
            name: e2e-gold
            title: Gold with one clock (report test)
            priorities: {P1: [urgent], P2: [high], P3: [medium], P4: [low]}
            warnings: []
            pause_statuses: [pending]
            clocks:
              P1: {first_response: {target: 1h, calendar: 24x7}}
              P2: {first_response: {target: 3h, calendar: 24x7}}
              P3: {first_response: {target: 3h, calendar: 24x7}}
              P4: {first_response: {target: 8h, calendar: 24x7}}
            entitlements:
              sla_reports: true
            """);
    smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();

    String gold = "acme-" + run.toLowerCase();
    String silver = "small-" + run.toLowerCase();
    YearMonth last = YearMonth.now(PARIS).minusMonths(1);
    Instant opened = last.atDay(10).atTime(LocalTime.of(9, 0)).atZone(PARIS).toInstant();
    String met = run + "-met";
    String late = run + "-late";
    String missed = run + "-missed";
    try (TopicWriter writer = new TopicWriter(infra.bootstrapServers())) {
      writer.send(Topics.CUSTOMER_EVENTS, gold, customer(gold, "Acme SA", "e2e-gold", "fr"));
      writer.send(Topics.CUSTOMER_EVENTS, silver, customer(silver, "Small", "jamf-silver", "en"));
      for (String ticket : List.of(met, late, missed)) {
        writer.send(
            Topics.TICKET_EVENTS,
            ticket,
            event(
                ticket,
                "created",
                "ticket.created",
                opened,
                "{\"customer\":\"" + gold + "\",\"priority\":\"P1\",\"plan\":\"e2e-gold\"}"));
      }
      writer.send(
          Topics.TICKET_EVENTS,
          met,
          event(
              met, "reply", "ticket.agent_replied", opened.plusSeconds(600), "{\"public\":true}"));
      writer.send(
          Topics.TICKET_EVENTS,
          late,
          event(
              late,
              "reply",
              "ticket.agent_replied",
              opened.plusSeconds(7200),
              "{\"public\":true}"));
    }

    ServiceProcess timer =
        start(
            "sla-timer",
            "timer",
            timerDb,
            Map.of(
                "mp.messaging.incoming.ticket-events.group.id",
                run,
                "mp.messaging.incoming.customer-events.group.id",
                run + "-customers",
                "slawatch.timer.auth.tokens.e2e.token",
                TOKEN,
                "slawatch.timer.auth.tokens.e2e.roles",
                "read,report",
                "slawatch.timer.plan-files",
                plan.toString()));
    timer.awaitReady(Duration.ofSeconds(120));
    String figures =
        "/api/v1/reports/compliance?customer="
            + gold
            + "&clock=first_response&from="
            + last.atDay(1)
            + "&to="
            + last.plusMonths(1).atDay(1);
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(300))
        .untilAsserted(
            () -> {
              JsonNode rows = get(timer, figures).path("rows");
              assertThat(rows.toString()).contains("\"met\":1,\"met_late\":1,\"breached\":1,");
              assertThat(rows.size()).isEqualTo(1);
            });

    ServiceProcess one = notifier("notifier-1", timer);
    ServiceProcess two = notifier("notifier-2", timer);
    one.awaitReady(Duration.ofSeconds(120));
    two.awaitReady(Duration.ofSeconds(120));

    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> smtp.getReceivedMessages().length >= 2);
    // both notifiers keep looking every half second: still one copy per recipient after 5 s
    Awaitility.await()
        .during(Duration.ofSeconds(5))
        .atMost(Duration.ofSeconds(7))
        .until(() -> smtp.getReceivedMessages().length == 2);

    MimeMessage[] received = smtp.getReceivedMessages();
    // GreenMail keeps one copy per recipient (RCPT TO); both copies are addressed to both
    assertThat(smtp.getReceivedMessagesForDomain("acme-" + run.toLowerCase() + ".example"))
        .hasSize(2);
    for (MimeMessage copy : received) {
      assertThat(copy.getAllRecipients())
          .extracting(Object::toString)
          .containsExactlyInAnyOrder("manager@" + gold + ".example", "cio@" + gold + ".example");
    }
    MimeMessage report = received[0];
    assertThat(report.getSubject())
        .isEqualTo("Rapport de niveau de service " + last + " : Acme SA");
    assertThat(report.getHeader("X-Slawatch-Report")[0]).isEqualTo(gold + "/" + last);
    assertThat(received[1].getMessageID()).isEqualTo(report.getMessageID());

    Map<String, String> parts = new LinkedHashMap<>();
    collect(report.getContent(), parts);
    String html =
        parts.entrySet().stream()
            .filter(e -> e.getKey().startsWith("text/html"))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElseThrow();
    assertThat(html)
        .contains("Rapport de niveau de service pour Acme SA")
        .contains("Engagements tenus à temps : 33.33 % (1 sur 3)")
        .contains(missed)
        .contains(late)
        .doesNotContain(met + "<");
    String breachesCsv = parts.get("sla-breaches-" + last + ".csv");
    assertThat(breachesCsv).contains(missed).contains(late).doesNotContain(met + ",");
    assertThat(breachesCsv.lines().count()).isEqualTo(3); // header + the two missed
    assertThat(parts.get("sla-compliance-" + last + ".csv")).contains("first_response");

    JsonNode audit = get(one, "/api/v1/reports/deliveries?customer=" + gold).path("reports");
    assertThat(audit).hasSize(1);
    assertThat(audit.get(0).path("state").asText()).isEqualTo("sent");
    assertThat(audit.get(0).path("period").asText()).isEqualTo(last.toString());
    assertThat(audit.get(0).path("attempts").asInt()).isEqualTo(1);
    assertThat(get(two, "/api/v1/reports/deliveries?customer=" + silver).path("reports")).isEmpty();
  }

  /** Each part by its file name (attachments) or its content type (the bodies). */
  private static void collect(Object content, Map<String, String> parts) throws Exception {
    if (content instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart part = multipart.getBodyPart(i);
        if (part.getContent() instanceof Multipart nested) {
          collect(nested, parts);
        } else {
          String key =
              part.getFileName() != null
                  ? part.getFileName()
                  : part.getContentType().toLowerCase(java.util.Locale.ROOT);
          parts.put(key, GreenMailUtil.getBody(part).isEmpty() ? "" : text(part));
        }
      }
    }
  }

  private static String text(BodyPart part) throws Exception {
    Object content = part.getContent();
    if (content instanceof String s) {
      return s;
    }
    return new String(
        part.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
  }
}
