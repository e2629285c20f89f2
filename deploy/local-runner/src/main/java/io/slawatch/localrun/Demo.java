package io.slawatch.localrun;

import java.io.IOException;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code ./slawatch demo}: a scripted scenario on the {@code demo} plan (P1 first response due in
 * one minute, warning at 75 %), then the alerts as the console channel shows them. With the shipped
 * policies (deploy/policies/seed-plans.yaml) a demo breach climbs a level every 15 s.
 *
 * <ul>
 *   <li>DEMO-…-1: nobody answers for a while: a warning after 45 s, a breach after 60 s that
 *       escalates to level 1, then level 2; then an agent answers (late): the clock ends with
 *       {@code sla.ended} (met_late) and the escalation climbs no further;
 *   <li>DEMO-…-2: an agent answers publicly after 10 s: the commitment is met, no warning;
 *   <li>DEMO-…-3: only a private note after 5 s, which answers nobody: warning and breach.
 * </ul>
 */
final class Demo {
  private static final String CUSTOMER = "demo-customer";
  private final RunSettings settings;
  private final HttpClient http = HttpClient.newHttpClient();

  Demo(RunSettings settings) {
    this.settings = settings;
  }

  int run() throws Exception {
    String run = "DEMO-" + Instant.now().truncatedTo(ChronoUnit.SECONDS).getEpochSecond();
    String unanswered = run + "-1";
    String answered = run + "-2";
    String noteOnly = run + "-3";
    Path log = settings.logs().resolve("notifier.log");
    long logStart = Files.exists(log) ? Files.size(log) : 0;

    registerCustomer();
    say("sending three P1 tickets on the demo plan (first response due in 1 minute)");
    for (String ticket : List.of(unanswered, answered, noteOnly)) {
      post(
          ticket,
          "created",
          "ticket.created",
          "{\"customer\":\"demo-customer\",\"priority\":\"P1\",\"plan\":\"demo\","
              + "\"channel\":\"email\",\"requester\":\"someone@demo.example\"}");
    }
    Thread.sleep(5_000); // the scenario's own pace: a note after 5 s, a reply after 10 s
    post(noteOnly, "note", "ticket.agent_replied", "{\"public\":false}");
    say(noteOnly + ": an agent added a private note (it answers nobody)");
    Thread.sleep(5_000);
    post(answered, "reply", "ticket.agent_replied", "{\"public\":true}");
    say(answered + ": an agent answered publicly (in time)");

    Set<String> expected =
        new LinkedHashSet<>(
            List.of(
                "sla.met ticket=" + answered,
                "sla.warning ticket=" + unanswered,
                "sla.breached ticket=" + unanswered,
                "sla.warning ticket=" + noteOnly,
                "sla.breached ticket=" + noteOnly));
    String climbed = "sla.breached ticket=" + unanswered + " ";
    String ended = "sla.ended ticket=" + unanswered + " ";
    say("waiting for the alerts on the console channel (" + log + "), about a minute...");
    List<String> shown = new ArrayList<>();
    boolean answeredLate = false;
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    Instant quiet = Instant.MAX;
    while (Instant.now().isBefore(deadline) && Instant.now().isBefore(quiet)) {
      for (String line : newAlertLines(log, logStart, run)) {
        if (shown.contains(line)) {
          continue;
        }
        shown.add(line);
        System.out.println("  " + line.substring(line.indexOf("ALERT")));
        expected.removeIf(line::contains);
        if (line.contains("ticket=" + answered + " ") && !line.contains("sla.met")) {
          say("unexpected: " + answered + " was answered in time but was warned or breached");
          return 1;
        }
        if (answeredLate && line.contains(climbed) && line.contains("level=3")) {
          say("unexpected: the escalation of " + unanswered + " climbed after its clock ended");
          return 1;
        }
        if (!answeredLate && line.contains(climbed) && line.contains("level=2")) {
          post(unanswered, "late-reply", "ticket.agent_replied", "{\"public\":true}");
          say(unanswered + ": an agent answered publicly (late, after escalation level 2)");
          answeredLate = true;
          expected.add(ended);
        }
      }
      if (answeredLate && expected.isEmpty() && quiet == Instant.MAX) {
        // level 3 would have come 15 s after level 2: watch a little longer that it does not
        quiet = Instant.now().plusSeconds(12);
      }
      Thread.sleep(500);
    }
    if (!answeredLate || !expected.isEmpty()) {
      say(
          "missing after 3 minutes: "
              + (answeredLate ? expected : "escalation level 2 of " + unanswered)
              + " (see the logs in "
              + settings.logs()
              + ")");
      return 1;
    }
    say("done: " + answered + " was answered in time: met, never warned or breached.");
    say(
        "      "
            + unanswered
            + " breached, climbed to level 2, was answered late: sla.ended (met_late), no level 3.");
    return sendReport();
  }

  /** demo-customer on the demo plan, with a report recipient (the plan includes reports). */
  private void registerCustomer() throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + settings.intakePort()
                            + "/api/v1/customers/"
                            + CUSTOMER))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token())
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        """
                        {"id":"demo-customer","name":"Demo Customer","plan":"demo","zone":"UTC",
                         "language":"en","report_recipients":["support-manager@demo.example"]}
                        """))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          "intake answered " + response.statusCode() + " to the demo customer: " + response.body());
    }
    say(CUSTOMER + ": registered on the demo plan, reports to support-manager@demo.example");
  }

  /**
   * The customer's compliance report of this month so far, e-mailed now (the monthly one goes out
   * by itself after the month): it lands in the local mail sink.
   */
  private int sendReport() throws IOException, InterruptedException {
    Path mail = settings.mailDir();
    long before = countMail(mail);
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + settings.notifierPort()
                            + "/api/v1/reports/send?customer="
                            + CUSTOMER))
                .header("Authorization", "Bearer " + token())
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200 || !response.body().contains("\"state\":\"sent\"")) {
      say("the compliance report was not sent: " + response.statusCode() + " " + response.body());
      return 1;
    }
    Instant deadline = Instant.now().plusSeconds(10);
    while (countMail(mail) == before && Instant.now().isBefore(deadline)) {
      Thread.sleep(200); // the sink saves what it received every second
    }
    say(
        "report: "
            + CUSTOMER
            + "'s compliance report of this month so far was e-mailed; see "
            + mail);
    say(
        "        and the figures: curl -H \"Authorization: Bearer $(cat "
            + settings.apiTokenFile()
            + ")\" 'http://127.0.0.1:"
            + settings.timerPort()
            + "/api/v1/reports/compliance?customer="
            + CUSTOMER
            + "&group_by=priority,clock'");
    return 0;
  }

  private static long countMail(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (var files = Files.list(dir)) {
      return files.count();
    }
  }

  private String token() throws IOException {
    return Files.readString(settings.apiTokenFile()).trim();
  }

  private List<String> newAlertLines(Path log, long from, String run) throws IOException {
    if (!Files.exists(log)) {
      return List.of();
    }
    byte[] bytes = Files.readAllBytes(log);
    String text =
        new String(
            bytes, (int) Math.min(from, bytes.length), (int) Math.max(0, bytes.length - from));
    return text.lines().filter(l -> l.contains("ALERT ") && l.contains(run)).toList();
  }

  private void post(String ticket, String suffix, String type, String data)
      throws IOException, InterruptedException {
    String event =
        """
        {"specversion":"1.0","id":"%s-%s","source":"slawatch/demo","type":"%s","subject":"%s",
         "time":"%s","datacontenttype":"application/json","data":%s}
        """
            .formatted(ticket, suffix, type, ticket, Instant.now(), data);
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + settings.intakePort() + "/api/v1/events"))
                .header("Content-Type", "application/cloudevents+json")
                .header(
                    "Authorization", "Bearer " + Files.readString(settings.apiTokenFile()).trim())
                .POST(HttpRequest.BodyPublishers.ofString(event))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          "intake answered " + response.statusCode() + ": " + response.body());
    }
    if (suffix.equals("created")) {
      say(ticket + ": created (" + response.statusCode() + ")");
    }
  }

  private static void say(String line) {
    LocalRunner.say(line);
  }
}
