package io.slawatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slawatch.testinfra.ServiceProcess;
import io.slawatch.testinfra.TestInfra;
import io.slawatch.testinfra.TopicProbe;
import io.slawatch.testinfra.Topics;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 18's catalogue of malformed and hostile requests ({@code malformed-requests.txt}, one
 * request a line; see {@link MalformedCatalogue}) against the three services running as packaged
 * JVMs on the real broker and database: every request is refused with a 4xx (401 or 403 for the
 * authentication cases), never a 5xx, within 10 s, with a problem naming the offending field where
 * it reached validation; no row of any service's tables is added or removed and no record is
 * published. A batch with bad events answers event by event and keeps its good ones; two events
 * whose {@code (source, id)} only join alike are two events.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MalformedRequestsEndToEndTest {
  private static final Path REPO = Path.of(System.getProperty("slawatch.repo", ".."));
  private static final Path WORK =
      Path.of(System.getProperty("slawatch.build.dir", "target")).resolve("e2e-malformed");
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  private static final String RUN = "mal" + UUID.randomUUID().toString().substring(0, 8);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** Service → its database. */
  private static final Map<String, String> DATABASES =
      Map.of(
          "intake", "slawatch_e2e_mal_intake",
          "timer", "slawatch_e2e_mal_timer",
          "notifier", "slawatch_e2e_mal_notifier");

  private static final Map<String, Integer> PORTS = new LinkedHashMap<>();

  /** Service → token name → token; service → token name → its roles. */
  private static final Map<String, Map<String, String>> TOKENS = new LinkedHashMap<>();

  private static final Map<String, Map<String, String>> ROLES = new LinkedHashMap<>();
  private static final Map<String, List<String>> TABLES = new LinkedHashMap<>();
  private static final List<ServiceProcess> SERVICES = new ArrayList<>();
  private static TestInfra infra;
  private static TopicProbe ticketEvents;
  private static TopicProbe customerEvents;
  private static TopicProbe alerts;
  private static Map<String, Long> rowsBefore;

  @BeforeAll
  static void startTheSystem() throws Exception {
    infra = TestInfra.get();
    Path logs = Files.createDirectories(WORK.resolve("logs"));
    Path pids = Files.createDirectories(WORK.resolve("pids"));
    tokens("intake", Map.of("all", "ingest,admin", "ingest", "ingest", "admin", "admin"));
    tokens(
        "timer",
        Map.of(
            "all", "read,simulate,report",
            "reader", "read",
            "simulator", "simulate",
            "reporter", "report"));
    tokens(
        "notifier",
        Map.of("all", "ack,read,report", "reader", "read", "acker", "ack", "reporter", "report"));

    Map<String, String> intake = new LinkedHashMap<>(tokenConfig("intake", "slawatch.intake.auth"));
    MalformedCatalogue.WEBHOOK_SOURCES.forEach(
        (source, vendorAndSecret) -> {
          String prefix = "slawatch.intake.webhooks." + source;
          intake.put(prefix + ".vendor", vendorAndSecret[0]);
          intake.put(prefix + ".secret", vendorAndSecret[1]);
          intake.put(prefix + ".customer", "acme");
        });
    start("intake", "ticket-intake", intake, logs, pids);
    start("timer", "sla-timer", tokenConfig("timer", "slawatch.timer.auth"), logs, pids);
    Map<String, String> notifier =
        new LinkedHashMap<>(tokenConfig("notifier", "slawatch.notifier.ack"));
    notifier.put("slawatch.notifier.ack.public-url", "http://127.0.0.1:1");
    notifier.put("slawatch.notifier.ack.link-secret", "malformed-link-secret");
    // the customers' reports on, so their requests reach validation (no customer gets one here)
    notifier.put("slawatch.notifier.reports.enabled", "true");
    notifier.put("slawatch.notifier.reports.timer-url", "http://127.0.0.1:1");
    start("notifier", "notifier", notifier, logs, pids);
    for (ServiceProcess service : SERVICES) {
      service.awaitReady(Duration.ofSeconds(120));
    }
    for (Map.Entry<String, String> db : DATABASES.entrySet()) {
      TABLES.put(db.getKey(), tables(db.getValue()));
    }
    // the broker is shared with the other end-to-end tests: the services first consume what those
    // left on the topics (customers, tickets, alerts); the catalogue starts once nothing changes
    rowsBefore = settled();
    ticketEvents = TopicProbe.atEnd(infra.bootstrapServers(), Topics.TICKET_EVENTS);
    customerEvents = TopicProbe.atEnd(infra.bootstrapServers(), Topics.CUSTOMER_EVENTS);
    alerts = TopicProbe.atEnd(infra.bootstrapServers(), Topics.SLA_ALERTS);
  }

  private static void tokens(String service, Map<String, String> roles) {
    Map<String, String> tokens = new LinkedHashMap<>();
    roles
        .keySet()
        .forEach(name -> tokens.put(name, service + "-" + name + "-" + UUID.randomUUID()));
    TOKENS.put(service, tokens);
    ROLES.put(service, roles);
  }

  private static Map<String, String> tokenConfig(String service, String prefix) {
    Map<String, String> config = new LinkedHashMap<>();
    TOKENS
        .get(service)
        .forEach(
            (name, token) -> {
              config.put(prefix + ".tokens." + name + ".token", token);
              config.put(prefix + ".tokens." + name + ".roles", ROLES.get(service).get(name));
            });
    return config;
  }

  private static void start(
      String service, String module, Map<String, String> extra, Path logs, Path pids)
      throws IOException {
    String database = DATABASES.get(service);
    infra.createDatabase(database);
    int port = freePort();
    PORTS.put(service, port);
    Map<String, String> config = new LinkedHashMap<>();
    config.put("kafka.bootstrap.servers", infra.bootstrapServers());
    config.put("quarkus.datasource.jdbc.url", infra.jdbcUrl(database));
    config.put("quarkus.datasource.reactive.url", infra.reactiveUrl(database));
    config.put("quarkus.datasource.username", infra.user());
    config.put("quarkus.datasource.password", infra.password());
    config.putAll(extra);
    Path jar = REPO.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    SERVICES.add(ServiceProcess.start(module + "-malformed", jar, port, config, logs, pids));
  }

  @AfterAll
  static void stopTheSystem() throws InterruptedException {
    for (TopicProbe probe : new TopicProbe[] {ticketEvents, customerEvents, alerts}) {
      if (probe != null) {
        probe.close();
      }
    }
    for (ServiceProcess service : SERVICES.reversed()) {
      service.stop(Duration.ofSeconds(20));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  // --- the database: every table of every service, counted ---

  private static Connection connect(String database) throws Exception {
    return DriverManager.getConnection(infra.jdbcUrl(database), infra.user(), infra.password());
  }

  private static List<String> tables(String database) throws Exception {
    List<String> tables = new ArrayList<>();
    try (Connection db = connect(database);
        Statement query = db.createStatement();
        ResultSet rows =
            query.executeQuery(
                "select table_name from information_schema.tables where table_schema = 'public'"
                    + " and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'"
                    + " order by table_name")) {
      while (rows.next()) {
        tables.add(rows.getString(1));
      }
    }
    assertThat(tables).as("tables of " + database).isNotEmpty();
    return tables;
  }

  /** {@code service.table} → row count, for every table of the three services. */
  /** The row counts once they stayed the same for {@link #SETTLED} (the services are idle). */
  private static Map<String, Long> settled() {
    AtomicReference<Map<String, Long>> last = new AtomicReference<>(Map.of());
    AtomicLong since = new AtomicLong(System.nanoTime());
    Awaitility.await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              Map<String, Long> now = rows();
              if (!now.equals(last.getAndSet(now))) {
                since.set(System.nanoTime());
              }
              return System.nanoTime() - since.get() >= SETTLED.toNanos();
            });
    return last.get();
  }

  private static final Duration SETTLED = Duration.ofSeconds(4);

  private static Map<String, Long> rows() throws Exception {
    Map<String, Long> counts = new TreeMap<>();
    for (Map.Entry<String, List<String>> service : TABLES.entrySet()) {
      String sql =
          service.getValue().stream()
              .map(t -> "select '" + t + "', count(*) from \"" + t + "\"")
              .collect(Collectors.joining(" union all "));
      try (Connection db = connect(DATABASES.get(service.getKey()));
          Statement query = db.createStatement();
          ResultSet rows = query.executeQuery(sql)) {
        while (rows.next()) {
          counts.put(service.getKey() + "." + rows.getString(1), rows.getLong(2));
        }
      }
    }
    return counts;
  }

  // --- sending ---

  private static HttpResponse<String> send(
      String service,
      String method,
      String path,
      String token,
      Map<String, String> headers,
      byte[] body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORTS.get(service) + path))
            .timeout(REQUEST_TIMEOUT)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    switch (token) {
      case "none" -> {}
      case "bad" -> request.header("Authorization", "Bearer not-a-token-" + RUN);
      default -> {
        String value = TOKENS.get(service).get(token);
        if (value == null) {
          throw new IllegalArgumentException(service + " has no token named " + token);
        }
        request.header("Authorization", "Bearer " + value);
      }
    }
    headers.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static List<MalformedCatalogue.Case> catalogue() {
    List<MalformedCatalogue.Case> cases = MalformedCatalogue.load(RUN);
    System.out.println(
        "malformed requests by service: "
            + cases.stream()
                .collect(
                    Collectors.groupingBy(
                        MalformedCatalogue.Case::service, TreeMap::new, Collectors.counting())));
    return cases;
  }

  @Order(1)
  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogue")
  void a_malformed_request_is_refused_with_a_problem_in_time_and_nothing_is_kept(
      MalformedCatalogue.Case refused) throws Exception {
    Map<String, Long> before = rows();
    HttpResponse<String> response;
    try {
      response =
          send(
              refused.service(),
              refused.method(),
              refused.path(),
              refused.token(),
              refused.headers(),
              refused.body());
    } catch (HttpTimeoutException hung) {
      fail(refused + ": no answer within " + REQUEST_TIMEOUT + " (hung)");
      return;
    }
    int status = response.statusCode();
    String answer = status + " " + abbreviated(response.body());
    assertThat(status).as(refused + ": never a 5xx or a 2xx: " + answer).isBetween(400, 499);
    assertThat(refused.statusMatches(status))
        .as(refused + ": expected " + refused.status() + ", got " + answer)
        .isTrue();
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .as(refused + ": a problem: " + answer)
        .startsWith("application/problem+json");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("status").asInt()).as(refused + ": " + answer).isEqualTo(status);
    if (refused.field() != null) {
      List<String> fields = new ArrayList<>();
      problem.path("violations").forEach(v -> fields.add(v.path("field").asText()));
      assertThat(fields)
          .as(refused + ": the problem names " + refused.field() + ": " + answer)
          .contains(refused.field());
    }
    assertThat(rows()).as(refused + ": rows of the services' tables").isEqualTo(before);
  }

  private static String abbreviated(String body) {
    return body.length() > 600 ? body.substring(0, 600) + "…" : body;
  }

  @Order(2)
  @Test
  void nothing_of_the_refused_requests_was_published_or_stored_later() throws Exception {
    assertThat(ticketEvents.during(r -> true, Duration.ofSeconds(2)))
        .as("records published on " + Topics.TICKET_EVENTS)
        .isEmpty();
    assertThat(customerEvents.during(r -> true, Duration.ofMillis(500)))
        .as("records published on " + Topics.CUSTOMER_EVENTS)
        .isEmpty();
    assertThat(alerts.during(r -> true, Duration.ofMillis(500)))
        .as("records published on " + Topics.SLA_ALERTS)
        .isEmpty();
    assertThat(rows()).as("rows of the services' tables").isEqualTo(rowsBefore);
    for (String service : PORTS.keySet()) {
      for (String health : List.of("/q/health/live", "/q/health/ready")) {
        assertThat(send(service, "GET", health, "none", Map.of(), null).statusCode())
            .as(service + health + " after the catalogue")
            .isEqualTo(200);
      }
    }
  }

  private static String event(String source, String id, String ticket, String time) {
    return """
        {"specversion":"1.0","id":"%s","source":"%s","type":"ticket.created","subject":"%s",\
        "time":"%s","data":{"customer":"acme","priority":"P2"}}"""
        .formatted(id, source, ticket, time);
  }

  private static HttpResponse<String> postEvents(String contentType, String body) throws Exception {
    return send(
        "intake",
        "POST",
        "/api/v1/events",
        "all",
        Map.of("Content-Type", contentType),
        body.getBytes(StandardCharsets.UTF_8));
  }

  private static long storedEvents(String ticket) throws Exception {
    try (Connection db = connect(DATABASES.get("intake"));
        var query = db.prepareStatement("select count(*) from ticket_event where ticket_id = ?")) {
      query.setString(1, ticket);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  @Order(3)
  @Test
  void a_batch_answers_event_by_event_and_keeps_its_good_events_around_bad_ones() throws Exception {
    String ticket = "T-" + RUN + "-batch";
    String source = "mal/" + RUN;
    String batch =
        "["
            + String.join(
                ",",
                event(source, "good-1", ticket, "2026-11-24T10:00:00Z"),
                event(source, "nul", ticket + "\\u0000", "2026-11-24T10:00:00Z"),
                event(source, "y3000", ticket, "3000-01-01T00:00:00Z"),
                event(source, "long-" + "x".repeat(3000), ticket, "2026-11-24T10:00:00Z"),
                event(source, "crlf", ticket + "\\r\\n", "2026-11-24T10:00:00Z"),
                event(source, "good-2", ticket, "2026-11-24T10:05:00Z"))
            + "]";

    HttpResponse<String> response = postEvents("application/cloudevents-batch+json", batch);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode results = JSON.readTree(response.body()).path("results");
    List<String> statuses = new ArrayList<>();
    results.forEach(r -> statuses.add(r.path("status").asText()));
    assertThat(statuses)
        .containsExactly("accepted", "invalid", "invalid", "invalid", "invalid", "accepted");
    assertThat(fields(results.get(1))).contains("subject");
    assertThat(fields(results.get(2))).contains("time");
    assertThat(fields(results.get(3))).contains("id");
    assertThat(fields(results.get(4))).contains("subject");
    assertThat(storedEvents(ticket)).as("the good events kept by intake").isEqualTo(2);
    List<ConsumerRecord<String, String>> published =
        ticketEvents.await(r -> ticket.equals(r.key()), 2, Duration.ofSeconds(20));
    assertThat(published)
        .extracting(r -> JSON.readTree(r.value()).path("id").asText())
        .containsExactly("good-1", "good-2");
    // and sla-timer tracks the ticket from them
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                send("timer", "GET", "/api/v1/tickets/" + ticket + "/sla", "reader", Map.of(), null)
                        .statusCode()
                    == 200);
  }

  private static List<String> fields(JsonNode result) {
    List<String> fields = new ArrayList<>();
    result.path("violations").forEach(v -> fields.add(v.path("field").asText()));
    return fields;
  }

  @Order(4)
  @Test
  void two_events_whose_source_and_id_only_join_alike_are_two_events() throws Exception {
    String ticket = "T-" + RUN + "-dedup";
    String first = event("kc" + RUN + "|x", "y", ticket, "2026-11-24T10:00:00Z");
    String second = event("kc" + RUN, "x|y", ticket, "2026-11-24T10:01:00Z");

    assertThat(postEvents("application/cloudevents+json", first).statusCode()).isEqualTo(202);
    assertThat(postEvents("application/cloudevents+json", second).statusCode()).isEqualTo(202);

    assertThat(storedEvents(ticket)).isEqualTo(2);
    List<ConsumerRecord<String, String>> published =
        ticketEvents.await(r -> ticket.equals(r.key()), 2, Duration.ofSeconds(20));
    assertThat(published)
        .extracting(
            r ->
                JSON.readTree(r.value()).path("source").asText()
                    + " "
                    + JSON.readTree(r.value()).path("id").asText())
        .containsExactly("kc" + RUN + "|x y", "kc" + RUN + " x|y");
    // each, sent again, is a duplicate of itself only
    assertThat(postEvents("application/cloudevents+json", first).statusCode()).isEqualTo(200);
    assertThat(postEvents("application/cloudevents+json", second).statusCode()).isEqualTo(200);
    assertThat(storedEvents(ticket)).isEqualTo(2);
  }

  /**
   * Every operation each service describes at {@code /q/openapi} has at least one request in the
   * catalogue: an endpoint added without its malformed requests fails here.
   */
  @Order(5)
  @Test
  void every_operation_of_every_services_openapi_has_a_case_in_the_catalogue() throws Exception {
    List<MalformedCatalogue.Case> cases = MalformedCatalogue.load(RUN);
    for (String service : PORTS.keySet()) {
      HttpResponse<String> answer =
          send(service, "GET", "/q/openapi?format=json", "none", Map.of(), null);
      assertThat(answer.statusCode()).as(service + " /q/openapi").isEqualTo(200);
      JsonNode paths = JSON.readTree(answer.body()).path("paths");
      List<String> operations = new ArrayList<>();
      paths
          .fieldNames()
          .forEachRemaining(
              path ->
                  paths
                      .path(path)
                      .fieldNames()
                      .forEachRemaining(
                          method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path)));
      assertThat(operations).as(service + "'s operations").isNotEmpty();
      System.out.println(service + " operations in /q/openapi: " + operations);
      for (String operation : operations) {
        String method = operation.substring(0, operation.indexOf(' '));
        Pattern template = template(operation.substring(method.length() + 1));
        assertThat(cases)
            .as(service + ": a malformed request to " + operation)
            .anyMatch(
                c ->
                    c.service().equals(service)
                        && c.method().equals(method)
                        && template.matcher(c.path().split("\\?", 2)[0]).matches());
      }
    }
  }

  /** {@code /api/v1/alerts/{id}/ack} as a pattern: a parameter is one or more characters. */
  private static Pattern template(String path) {
    StringBuilder regex = new StringBuilder();
    Matcher parameter = Pattern.compile("\\{[^}]+}").matcher(path);
    int last = 0;
    while (parameter.find()) {
      regex.append(Pattern.quote(path.substring(last, parameter.start()))).append(".+");
      last = parameter.end();
    }
    return Pattern.compile(regex.append(Pattern.quote(path.substring(last))).toString());
  }
}
