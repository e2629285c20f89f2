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
 * token of its {@code report} role: JSON for the e-mail's tables, CSV for its attachments. The
 * tickets' table and missed list ask for {@code subject=ticket}; the services engagements' own
 * section (Jamf's services policy: no-shows, late notices...) asks for {@code subject=engagement},
 * so an engagement's obligation is never counted in a ticket percentage; the CSVs hold both, with
 * their {@code subject} column.
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

  /**
   * Everything a report shows and attaches: the tickets' figures ({@code rows}, {@code missed}),
   * the services engagements' ({@code engagements}, by obligation; {@code engagementsMissed}), and
   * the CSVs of both.
   */
  public record Figures(
      List<Row> rows,
      long missedTotal,
      List<Missed> missed,
      List<Row> engagements,
      long engagementsMissedTotal,
      List<Missed> engagementsMissed,
      String complianceCsv,
      String breachesCsv) {
    /** The figures of a customer with no engagement. */
    public Figures(
        List<Row> rows,
        long missedTotal,
        List<Missed> missed,
        String complianceCsv,
        String breachesCsv) {
      this(rows, missedTotal, missed, List.of(), 0, List.of(), complianceCsv, breachesCsv);
    }
  }

  /** The API paths and queries of one report's figures. */
  record Queries(
      String tickets,
      String ticketsMissed,
      String engagements,
      String engagementsMissed,
      String complianceCsv,
      String breachesCsv) {
    static Queries of(String customer, Instant from, Instant to, int shown) {
      String period = "customer=" + encode(customer) + "&from=" + from + "&to=" + to;
      String compliance = "/api/v1/reports/compliance?" + period;
      String breaches = "/api/v1/breaches?" + period;
      return new Queries(
          compliance + "&subject=ticket&group_by=priority,clock",
          breaches + "&subject=ticket&size=" + Math.max(1, shown),
          compliance + "&subject=engagement&group_by=clock",
          breaches + "&subject=engagement&size=" + Math.max(1, shown),
          compliance + "&group_by=priority,clock",
          breaches + "&size=" + CSV_ROWS);
    }
  }

  /** The figures of {@code customer}'s clocks started in {@code [from, to)}. */
  public Uni<Figures> figures(String customer, Instant from, Instant to, int shown) {
    Queries q = Queries.of(customer, from, to, shown);
    return get(q.tickets(), "application/json")
        .chain(
            rows ->
                get(q.ticketsMissed(), "application/json")
                    .chain(
                        missed ->
                            get(q.engagements(), "application/json")
                                .chain(
                                    engagements ->
                                        get(q.engagementsMissed(), "application/json")
                                            .chain(
                                                engagementsMissed ->
                                                    get(q.complianceCsv(), "text/csv")
                                                        .chain(
                                                            complianceCsv ->
                                                                get(q.breachesCsv(), "text/csv")
                                                                    .map(
                                                                        breachesCsv ->
                                                                            figures(
                                                                                json(rows),
                                                                                json(missed),
                                                                                json(engagements),
                                                                                json(
                                                                                    engagementsMissed),
                                                                                complianceCsv,
                                                                                breachesCsv)))))));
  }

  private Figures figures(
      JsonNode compliance,
      JsonNode breaches,
      JsonNode engagements,
      JsonNode engagementsMissed,
      String csv1,
      String csv2) {
    return new Figures(
        rows(compliance),
        breaches.path("total").asLong(),
        missed(breaches),
        rows(engagements),
        engagementsMissed.path("total").asLong(),
        missed(engagementsMissed),
        csv1,
        csv2);
  }

  private static List<Row> rows(JsonNode compliance) {
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
    return rows;
  }

  private static List<Missed> missed(JsonNode breaches) {
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
    return missed;
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
