package io.slawatch.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A real Prometheus scraping the running services every second with slawatch's rules loaded. */
final class DashboardCheck implements AutoCloseable {
  /** Panels whose series need traffic the end-to-end scenario does not produce. */
  static final List<String> NEEDS_OTHER_TRAFFIC =
      List.of("clock=\"update\"", "slawatch_sla_open_clocks");

  private final Process process;
  private final int port;
  private final Path deploy;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper mapper = new ObjectMapper();

  private DashboardCheck(Process process, int port, Path deploy) {
    this.process = process;
    this.port = port;
    this.deploy = deploy;
  }

  static DashboardCheck start(Path binary, Path deploy, Path work, Map<String, Integer> services)
      throws IOException {
    Files.createDirectories(work);
    Path data = work.resolve("data");
    if (Files.exists(data)) { // a previous run's series would confuse the checks
      try (Stream<Path> old = Files.walk(data)) {
        for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    StringBuilder config =
        new StringBuilder(
            "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nrule_files:\n");
    try (Stream<Path> rules = Files.list(deploy.resolve("prometheus/rules"))) {
      rules.forEach(r -> config.append("  - ").append(r.toAbsolutePath()).append('\n'));
    }
    config.append("scrape_configs:\n");
    services.forEach(
        (job, servicePort) ->
            config
                .append("  - job_name: ")
                .append(job)
                .append("\n    metrics_path: /q/metrics\n    static_configs:\n")
                .append("      - targets: [\"127.0.0.1:")
                .append(servicePort)
                .append("\"]\n"));
    Path file = Files.writeString(work.resolve("prometheus.yml"), config);
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Process process =
        new ProcessBuilder(
                binary.toString(),
                "--config.file=" + file,
                "--storage.tsdb.path=" + work.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port)
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("prometheus.log").toFile())
            .start();
    return new DashboardCheck(process, port, deploy);
  }

  /** Waits until every target has been scraped up and the rules had time to run. */
  void awaitScrapes(int scrapes, Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      JsonNode result = query("count_over_time(up[1m]) >= " + scrapes);
      JsonNode up = query("up == 1");
      if (result != null && up != null && result.size() >= 3 && up.size() >= 3) {
        return;
      }
      Thread.sleep(250); // polling Prometheus until it has scraped enough
    }
    throw new AssertionError("Prometheus did not scrape the three services in time");
  }

  /**
   * Runs every Prometheus target of every dashboard: query text to the number of series it
   * returned. The SQL panels (the compliance dashboard) are run by deploy/checks'
   * ComplianceDashboardTest against sla-timer's schema.
   */
  Map<String, Integer> runEveryPanelQuery() throws Exception {
    Map<String, Integer> series = new LinkedHashMap<>();
    try (Stream<Path> dashboards = Files.list(deploy.resolve("grafana/dashboards"))) {
      for (Path dashboard : dashboards.sorted().toList()) {
        JsonNode model = mapper.readTree(dashboard.toFile());
        for (JsonNode panel : model.get("panels")) {
          for (JsonNode target : panel.get("targets")) {
            if (!"prometheus".equals(target.path("datasource").path("type").asText())) {
              continue;
            }
            String expr = target.get("expr").asText();
            for (JsonNode variable : model.path("templating").path("list")) {
              // every value selected: Grafana puts the variable's allValue (.*) in
              expr = expr.replace("$" + variable.get("name").asText(), ".*");
            }
            JsonNode result = query(expr);
            if (result == null) {
              throw new AssertionError(dashboard.getFileName() + ": query does not run: " + expr);
            }
            series.put(expr, result.size());
          }
        }
      }
    }
    return series;
  }

  private JsonNode query(String expr) throws Exception {
    HttpResponse<String> response;
    try {
      response =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "http://127.0.0.1:"
                              + port
                              + "/api/v1/query?query="
                              + URLEncoder.encode(expr, StandardCharsets.UTF_8)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (java.net.ConnectException notYetListening) {
      return null;
    }
    if (response.statusCode() != 200) {
      return null;
    }
    JsonNode body = mapper.readTree(response.body());
    return "success".equals(body.path("status").asText()) ? body.at("/data/result") : null;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
