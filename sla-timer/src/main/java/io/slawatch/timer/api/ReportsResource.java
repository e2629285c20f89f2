package io.slawatch.timer.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.slawatch.contract.json.Violation;
import io.slawatch.core.ticket.Priority;
import io.slawatch.service.auth.Roles;
import io.slawatch.service.problem.Problem;
import io.slawatch.timer.report.ClockOutcomeEntity;
import io.slawatch.timer.report.ClockOutcomes;
import io.slawatch.timer.report.ClockOutcomes.Dimension;
import io.slawatch.timer.store.SubjectKind;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Did we keep our commitments, for whom, and where do we miss? {@code GET
 * /api/v1/reports/compliance} (grouped figures) and {@code GET /api/v1/breaches} (the clocks that
 * missed, page by page), as JSON or, with {@code Accept: text/csv}, as RFC 4180 CSV. Role {@code
 * report} or {@code admin}. Clocks are counted in the period their clock started; a period is
 * {@code [from, to)}, dates meaning midnight UTC. Tickets' clocks and engagements' obligations are
 * both reported, told apart by {@code subject} ({@code ticket} or {@code engagement}): a compliance
 * row is always of one subject, and {@code subject=} keeps one.
 */
@Path("/api/v1")
@Roles({"report", "admin"})
@Produces({MediaType.APPLICATION_JSON, "text/csv", Problem.MEDIA_TYPE})
public class ReportsResource {
  static final String CSV = "text/csv";

  /** The widest period one request may ask for (the outcomes are kept 400 days by default). */
  static final Duration MAX_PERIOD = Duration.ofDays(800);

  static final int MAX_PAGE_SIZE = 1000;

  private final ClockOutcomes outcomes;
  private final Clock clock;

  ReportsResource(ClockOutcomes outcomes, Clock clock) {
    this.outcomes = outcomes;
    this.clock = clock;
  }

  /** One group's figures. */
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public record ComplianceRow(
      Optional<String> customer,
      Optional<String> plan,
      Optional<String> priority,
      Optional<String> clock,
      Optional<String> month,
      Optional<String> source,
      Optional<String> subject,
      long met,
      @JsonProperty("met_late") long metLate,
      long breached,
      long open,
      long ended,
      @JsonProperty("compliance_percent") Optional<Double> compliancePercent,
      @JsonProperty("first_response_p50") Optional<String> firstResponseP50,
      @JsonProperty("first_response_p90") Optional<String> firstResponseP90) {}

  public record ComplianceReport(
      String from,
      String to,
      @JsonProperty("as_of") String asOf,
      @JsonProperty("group_by") List<String> groupBy,
      List<ComplianceRow> rows) {}

  public record Breach(
      String subject,
      String ticket,
      String customer,
      String plan,
      String priority,
      String clock,
      int cycle,
      String status,
      @JsonProperty("started_at") String startedAt,
      String due,
      @JsonProperty("breached_at") String breachedAt,
      @JsonProperty("met_at") String metAt,
      @JsonProperty("ended_at") String endedAt,
      @JsonProperty("end_reason") String endReason,
      String late,
      String timeline) {}

  public record BreachPage(
      String from, String to, int page, int size, long total, List<Breach> breaches) {}

  @GET
  @Path("reports/compliance")
  @WithSession
  public Uni<Response> compliance(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("group_by") @DefaultValue("") String groupBy,
      @QueryParam("customer") String customer,
      @QueryParam("plan") String plan,
      @QueryParam("priority") String priority,
      @QueryParam("clock") String clockName,
      @QueryParam("subject") String subject,
      @HeaderParam(HttpHeaders.ACCEPT) String accept) {
    List<Violation> violations = new ArrayList<>();
    Instant now = clock.instant();
    Period period = period(from, to, now, violations);
    ClockOutcomes.Filter filter =
        filter(period, customer, plan, priority, clockName, subject, violations);
    List<Dimension> asked = new ArrayList<>();
    for (String name : groupBy.split(",")) {
      if (name.isBlank()) {
        continue;
      }
      try {
        Dimension d = Dimension.valueOf(name.trim().toUpperCase(Locale.ROOT));
        if (!asked.contains(d)) {
          asked.add(d);
        }
      } catch (IllegalArgumentException e) {
        violations.add(
            new Violation(
                "group_by",
                "\""
                    + name.trim()
                    + "\" is not one of customer, plan, priority, clock, month,"
                    + " source, subject"));
      }
    }
    if (!violations.isEmpty()) {
      return Uni.createFrom().item(invalid(violations));
    }
    List<Dimension> dimensions = ClockOutcomes.withSubject(asked);
    return outcomes
        .compliance(filter, asked, now)
        .map(
            rows -> {
              List<ComplianceRow> out = rows.stream().map(r -> row(dimensions, r)).toList();
              if (wantsCsv(accept)) {
                return csv(complianceCsv(dimensions, out), "compliance");
              }
              return Response.ok(
                      new ComplianceReport(
                          period.from().toString(),
                          period.to().toString(),
                          now.toString(),
                          dimensions.stream().map(Dimension::wireName).toList(),
                          out))
                  .type(MediaType.APPLICATION_JSON)
                  .build();
            });
  }

  @GET
  @Path("breaches")
  @WithSession
  public Uni<Response> breaches(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("customer") String customer,
      @QueryParam("plan") String plan,
      @QueryParam("priority") String priority,
      @QueryParam("clock") String clockName,
      @QueryParam("subject") String subject,
      @QueryParam("page") @DefaultValue("0") String page,
      @QueryParam("size") @DefaultValue("100") String size,
      @HeaderParam(HttpHeaders.ACCEPT) String accept) {
    List<Violation> violations = new ArrayList<>();
    Instant now = clock.instant();
    Period period = period(from, to, now, violations);
    ClockOutcomes.Filter filter =
        filter(period, customer, plan, priority, clockName, subject, violations);
    int pageIndex = number("page", page, 0, 1_000_000, violations);
    int pageSize = number("size", size, 1, MAX_PAGE_SIZE, violations);
    if (!violations.isEmpty()) {
      return Uni.createFrom().item(invalid(violations));
    }
    return outcomes
        .countBreaches(filter, now)
        .flatMap(
            total ->
                outcomes
                    .breaches(filter, now, pageIndex, pageSize)
                    .map(
                        found -> {
                          List<Breach> breaches = found.stream().map(e -> breach(e, now)).toList();
                          if (wantsCsv(accept)) {
                            return csv(breachesCsv(breaches), "breaches");
                          }
                          return Response.ok(
                                  new BreachPage(
                                      period.from().toString(),
                                      period.to().toString(),
                                      pageIndex,
                                      pageSize,
                                      total,
                                      breaches))
                              .type(MediaType.APPLICATION_JSON)
                              .build();
                        }));
  }

  private record Period(Instant from, Instant to) {}

  /** The outcomes of the period, of a customer, plan, priority, clock and subject when named. */
  private static ClockOutcomes.Filter filter(
      Period period,
      String customer,
      String plan,
      String priority,
      String clockName,
      String subject,
      List<Violation> violations) {
    violations.addAll(Parameters.identifier("customer", customer));
    violations.addAll(Parameters.identifier("plan", plan));
    violations.addAll(Parameters.identifier("clock", clockName));
    if (priority != null && Priority.parse(priority).isEmpty()) {
      violations.add(
          new Violation(
              "priority",
              "must be one of P1, P2, P3, P4 (engagements have none: use subject=engagement)"));
    }
    Optional<SubjectKind> kind =
        Optional.ofNullable(subject)
            .flatMap(
                k ->
                    java.util.Arrays.stream(SubjectKind.values())
                        .filter(v -> v.column().equals(k))
                        .findFirst());
    if (subject != null && kind.isEmpty()) {
      violations.add(new Violation("subject", "must be ticket or engagement"));
    }
    return new ClockOutcomes.Filter(
        period.from(),
        period.to(),
        Optional.ofNullable(customer),
        Optional.ofNullable(plan),
        Optional.ofNullable(priority).flatMap(Priority::parse).map(Priority::name),
        Optional.ofNullable(clockName),
        kind.map(SubjectKind::column));
  }

  /** {@code [from, to)}: dates (midnight UTC) or instants; by default the last 30 days. */
  private static Period period(String from, String to, Instant now, List<Violation> violations) {
    Optional<Instant> end = to == null ? Optional.of(now) : instant("to", to, violations);
    Optional<Instant> start =
        from == null
            ? end.map(e -> e.minus(Duration.ofDays(30)))
            : instant("from", from, violations);
    if (start.isPresent() && end.isPresent()) {
      if (!start.get().isBefore(end.get())) {
        violations.add(new Violation("from", "must be before to"));
      } else if (Duration.between(start.get(), end.get()).compareTo(MAX_PERIOD) > 0) {
        violations.add(
            new Violation("to", "the period must be at most " + MAX_PERIOD.toDays() + " days"));
      }
    }
    return new Period(start.orElse(now), end.orElse(now));
  }

  private static Optional<Instant> instant(String field, String text, List<Violation> violations) {
    try {
      Instant at =
          text.length() == 10
              ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
              : OffsetDateTime.parse(text).toInstant();
      if (at.isBefore(Instant.parse("1970-01-01T00:00:00Z"))
          || at.isAfter(Instant.parse("2200-01-01T00:00:00Z"))) {
        violations.add(new Violation(field, "must be between 1970 and 2200"));
        return Optional.empty();
      }
      return Optional.of(at);
    } catch (DateTimeException e) {
      violations.add(
          new Violation(field, "must be a date (2026-11-01) or an instant (2026-11-01T00:00:00Z)"));
      return Optional.empty();
    }
  }

  private static int number(
      String field, String text, int min, int max, List<Violation> violations) {
    try {
      int value = Integer.parseInt(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    violations.add(new Violation(field, "must be a whole number from " + min + " to " + max));
    return min;
  }

  private static Response invalid(List<Violation> violations) {
    return Problem.response(400, "invalid-query", "The query is not valid", violations);
  }

  private static ComplianceRow row(List<Dimension> dimensions, ClockOutcomes.Row row) {
    Map<Dimension, String> keys = new LinkedHashMap<>();
    for (int i = 0; i < dimensions.size(); i++) {
      keys.put(dimensions.get(i), row.keys().get(i));
    }
    return new ComplianceRow(
        Optional.ofNullable(keys.get(Dimension.CUSTOMER)),
        Optional.ofNullable(keys.get(Dimension.PLAN)),
        Optional.ofNullable(keys.get(Dimension.PRIORITY)),
        Optional.ofNullable(keys.get(Dimension.CLOCK)),
        Optional.ofNullable(keys.get(Dimension.MONTH)),
        Optional.ofNullable(keys.get(Dimension.SOURCE)),
        Optional.ofNullable(keys.get(Dimension.SUBJECT)),
        row.met(),
        row.metLate(),
        row.breached(),
        row.open(),
        row.ended(),
        row.compliance(),
        row.firstResponseP50().map(Duration::toString),
        row.firstResponseP90().map(Duration::toString));
  }

  private static Breach breach(ClockOutcomeEntity e, Instant now) {
    boolean pastDue = "open".equals(e.status);
    Duration late =
        pastDue && e.dueAt != null
            ? Duration.between(e.dueAt.toInstant(), now)
            : Duration.ofMillis(e.lateMs);
    boolean engagement = SubjectKind.ENGAGEMENT.column().equals(e.subjectKind);
    return new Breach(
        e.subjectKind,
        e.ticket,
        e.customer,
        e.plan,
        e.priority,
        e.clock,
        e.cycle,
        pastDue ? "breached" : e.status,
        text(e.startedAt),
        text(e.dueAt),
        e.breachedAt != null ? text(e.breachedAt) : text(e.dueAt),
        text(e.metAt),
        text(e.endedAt),
        e.endReason,
        late.toString(),
        engagement
            ? "/api/v1/engagements/" + segment(e.ticket)
            : "/api/v1/tickets/" + segment(e.ticket) + "/sla");
  }

  /** A ticket id as one path segment. */
  private static String segment(String id) {
    return java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20");
  }

  private static String text(OffsetDateTime at) {
    return at == null ? null : at.toInstant().toString();
  }

  private static boolean wantsCsv(String accept) {
    return accept != null && accept.toLowerCase(Locale.ROOT).contains(CSV);
  }

  private static Response csv(String body, String name) {
    return Response.ok(body)
        .type(CSV + "; charset=utf-8; header=present")
        .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
        .build();
  }

  private static String complianceCsv(List<Dimension> dimensions, List<ComplianceRow> rows) {
    List<String> header = new ArrayList<>(dimensions.stream().map(Dimension::wireName).toList());
    header.addAll(
        List.of(
            "met",
            "met_late",
            "breached",
            "open",
            "ended",
            "compliance_percent",
            "first_response_p50",
            "first_response_p90"));
    return write(
        header,
        rows.stream()
            .map(
                r -> {
                  List<Object> values = new ArrayList<>();
                  for (Dimension d : dimensions) {
                    values.add(
                        switch (d) {
                          case CUSTOMER -> r.customer().orElse("");
                          case PLAN -> r.plan().orElse("");
                          case PRIORITY -> r.priority().orElse("");
                          case CLOCK -> r.clock().orElse("");
                          case MONTH -> r.month().orElse("");
                          case SOURCE -> r.source().orElse("");
                          case SUBJECT -> r.subject().orElse("");
                        });
                  }
                  values.addAll(
                      List.of(
                          r.met(),
                          r.metLate(),
                          r.breached(),
                          r.open(),
                          r.ended(),
                          r.compliancePercent().map(String::valueOf).orElse(""),
                          r.firstResponseP50().orElse(""),
                          r.firstResponseP90().orElse("")));
                  return values;
                })
            .toList());
  }

  private static String breachesCsv(List<Breach> breaches) {
    return write(
        List.of(
            "ticket",
            "customer",
            "plan",
            "priority",
            "clock",
            "cycle",
            "status",
            "started_at",
            "due",
            "breached_at",
            "met_at",
            "ended_at",
            "end_reason",
            "late",
            "timeline",
            "subject"),
        breaches.stream()
            .map(
                b ->
                    java.util.Arrays.<Object>asList(
                        b.ticket(),
                        b.customer(),
                        b.plan(),
                        b.priority(),
                        b.clock(),
                        b.cycle(),
                        b.status(),
                        b.startedAt(),
                        b.due(),
                        b.breachedAt(),
                        b.metAt(),
                        b.endedAt(),
                        b.endReason(),
                        b.late(),
                        b.timeline(),
                        b.subject()))
            .toList());
  }

  private static String write(List<String> header, List<List<Object>> rows) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer =
        new CSVPrinter(
            out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
      for (List<Object> row : rows) {
        printer.printRecord(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
