package io.slawatch.notifier.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The figures of a customer's report, read from sla-timer's reports API ({@code GET
 * /api/v1/reports/compliance} grouped by priority and clock, {@code GET /api/v1/breaches}) with a
 * token of its {@code report} role: JSON for the e-mail's tables, CSV for its attachments.
 */
@ApplicationScoped
public class TimerReports {
  static final Duration TIMEOUT = Duration.ofSeconds(30);
  static final int CSV_ROWS = 1000;

  private final ReportConfig config;
  private final ObjectMapper mapper;
  private final WebClient client;

  TimerReports(ReportConfig config, ObjectMapper mapper, Vertx vertx) {
    this.config = config;
    this.mapper = mapper;
    this.client =
        WebClient.create(
            vertx,
            new WebClientOptions(new JsonObject())
                .setUserAgent("slawatch-notifier-reports")
                .setConnectTimeout((int) TIMEOUT.toMillis()));
  }

  /** One group's figures (a priority and a clock). */
  public record Row(
      String priority,
      String clock,
      long met,
      long metLate,
      long breached,
      long open,
      long ended,
      Optional<Double> compliancePercent,
      Optional<Duration> firstResponseP50,
      Optional<Duration> firstResponseP90) {}

  /** A missed commitment. */
  public record Missed(
      String ticket,
      String priority,
      String clock,
      String status,
      Optional<Instant> due,
      Duration late) {}

  /** Everything a report shows and attaches. */
  public record Figures(
      List<Row> rows,
      long missedTotal,
      List<Missed> missed,
      String complianceCsv,
      String breachesCsv) {}

  /** The figures of {@code customer}'s clocks started in {@code [from, to)}. */
  public Uni<Figures> figures(String customer, Instant from, Instant to, int shown) {
    String compliance =
        "/api/v1/reports/compliance?group_by=priority,clock&customer="
            + encode(customer)
            + "&from="
            + from
            + "&to="
            + to;
    String breaches =
        "/api/v1/breaches?customer=" + encode(customer) + "&from=" + from + "&to=" + to;
    return get(compliance, "application/json")
        .chain(
            rows ->
                get(breaches + "&size=" + Math.max(1, shown), "application/json")
                    .chain(
                        missed ->
                            get(compliance, "text/csv")
                                .chain(
                                    complianceCsv ->
                                        get(breaches + "&size=" + CSV_ROWS, "text/csv")
                                            .map(
                                                breachesCsv ->
                                                    figures(
                                                        json(rows),
                                                        json(missed),
                                                        complianceCsv,
                                                        breachesCsv)))));
  }

  private Figures figures(JsonNode compliance, JsonNode breaches, String csv1, String csv2) {
    List<Row> rows = new ArrayList<>();
    for (JsonNode row : compliance.path("rows")) {
      rows.add(
          new Row(
              row.path("priority").asText(""),
              row.path("clock").asText(""),
              row.path("met").asLong(),
              row.path("met_late").asLong(),
              row.path("breached").asLong(),
              row.path("open").asLong(),
              row.path("ended").asLong(),
              row.hasNonNull("compliance_percent")
                  ? Optional.of(row.get("compliance_percent").asDouble())
                  : Optional.empty(),
              duration(row.get("first_response_p50")),
              duration(row.get("first_response_p90"))));
    }
    List<Missed> missed = new ArrayList<>();
    for (JsonNode breach : breaches.path("breaches")) {
      missed.add(
          new Missed(
              breach.path("ticket").asText(),
              breach.path("priority").asText(),
              breach.path("clock").asText(),
              breach.path("status").asText(),
              instant(breach.get("due")).or(() -> instant(breach.get("breached_at"))),
              duration(breach.get("late")).orElse(Duration.ZERO)));
    }
    return new Figures(rows, breaches.path("total").asLong(), missed, csv1, csv2);
  }

  private static Optional<Instant> instant(JsonNode node) {
    return node == null || node.isNull()
        ? Optional.empty()
        : Optional.of(Instant.parse(node.asText()));
  }

  private static Optional<Duration> duration(JsonNode node) {
    return node == null || node.isNull()
        ? Optional.empty()
        : Optional.of(Duration.parse(node.asText()));
  }

  private Uni<String> get(String pathAndQuery, String accept) {
    String base =
        config
            .timerUrl()
            .orElseThrow(
                () -> new IllegalStateException("slawatch.notifier.reports.timer-url is not set"));
    URI uri = URI.create(base.replaceAll("/+$", "") + pathAndQuery);
    HttpRequest<Buffer> request =
        client
            .requestAbs(io.vertx.core.http.HttpMethod.GET, uri.toString())
            .putHeader("Accept", accept)
            .timeout(TIMEOUT.toMillis());
    config.timerToken().ifPresent(token -> request.putHeader("Authorization", "Bearer " + token));
    return request
        .send()
        .map(
            (HttpResponse<Buffer> response) -> {
              String body = response.bodyAsString();
              if (response.statusCode() != 200) {
                throw new IllegalStateException(
                    "sla-timer answered "
                        + response.statusCode()
                        + " to GET "
                        + uri.getPath()
                        + ": "
                        + (body == null ? "" : body.substring(0, Math.min(body.length(), 300))));
              }
              return body == null ? "" : body;
            });
  }

  private JsonNode json(String text) {
    try {
      return mapper.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }
}
