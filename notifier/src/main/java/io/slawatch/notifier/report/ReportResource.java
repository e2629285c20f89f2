package io.slawatch.notifier.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.slawatch.contract.json.Violation;
import io.slawatch.notifier.customer.CustomerDirectory;
import io.slawatch.service.auth.Roles;
import io.slawatch.service.problem.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The customers' compliance reports: {@code GET /api/v1/reports/deliveries} (the audit: what was
 * sent to whom, when, or why not; role {@code read}) and {@code POST /api/v1/reports/send} (a
 * customer's report now, e.g. the month so far; role {@code report} or {@code admin}).
 */
@Path("/api/v1/reports")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class ReportResource {
  static final int MAX_LIMIT = 1000;

  private final CustomerReports reports;
  private final CustomerReportAudit audit;
  private final CustomerDirectory customers;
  private final ReportConfig config;
  private final Clock clock;

  ReportResource(
      CustomerReports reports,
      CustomerReportAudit audit,
      CustomerDirectory customers,
      ReportConfig config,
      Clock clock) {
    this.reports = reports;
    this.audit = audit;
    this.customers = customers;
    this.config = config;
    this.clock = clock;
  }

  /** One report as the audit shows it. */
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public record Delivery(
      String customer,
      String period,
      String from,
      String to,
      @Schema(description = "sending (claimed, or waiting for its retry), sent or failed")
          String state,
      int attempts,
      @JsonProperty("message_id") String messageId,
      List<String> recipients,
      @JsonProperty("requested_by")
          @Schema(description = "who asked for it by hand; absent for the scheduled report")
          Optional<String> requestedBy,
      @JsonProperty("sent_at") Optional<String> sentAt,
      @JsonProperty("last_error") Optional<String> lastError) {
    static Delivery of(CustomerReportEntity e) {
      return new Delivery(
          e.customer,
          e.period,
          e.periodFrom.toInstant().toString(),
          e.periodTo.toInstant().toString(),
          e.state,
          e.attempts,
          e.messageId,
          e.recipients == null ? List.of() : List.of(e.recipients),
          Optional.ofNullable(e.requestedBy),
          Optional.ofNullable(e.sentAt).map(t -> t.toInstant().toString()),
          Optional.ofNullable(e.lastError));
    }
  }

  public record Deliveries(List<Delivery> reports) {}

  @GET
  @Path("deliveries")
  @Roles({"read", "report", "admin"})
  @Operation(summary = "The compliance reports sent or being sent, newest first (role read)")
  @APIResponse(
      responseCode = "200",
      description = "The reports",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Deliveries.class)))
  @WithSession
  public Uni<Response> deliveries(
      @QueryParam("customer") String customer,
      @QueryParam("limit") @DefaultValue("100") String limit) {
    int max;
    try {
      max = Integer.parseInt(limit);
    } catch (NumberFormatException e) {
      max = -1;
    }
    if (max < 1 || max > MAX_LIMIT) {
      return Uni.createFrom()
          .item(invalid(new Violation("limit", "must be a whole number from 1 to " + MAX_LIMIT)));
    }
    if (customer != null
        && (customer.isEmpty() || customer.chars().anyMatch(Character::isISOControl))) {
      return Uni.createFrom().item(invalid(new Violation("customer", "must be a customer id")));
    }
    return audit
        .newest(Optional.ofNullable(customer), max)
        .map(
            entries ->
                Response.ok(new Deliveries(entries.stream().map(Delivery::of).toList())).build());
  }

  @POST
  @Path("send")
  @Roles({"report", "admin"})
  @Operation(
      summary =
          "Sends a customer's compliance report now: of a period (2026-11, 2026-W47), by default"
              + " the current one so far (role report or admin)")
  @APIResponse(
      responseCode = "200",
      description = "Sent (state sent), or failed (state sending with last_error: retried)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Delivery.class)))
  @APIResponse(
      responseCode = "400",
      description = "No such customer, no recipients, a plan without reports, a bad period",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @WithSession
  public Uni<Response> send(
      @QueryParam("customer") String customer,
      @QueryParam("period") String period,
      @Context SecurityContext security) {
    if (!config.enabled()) {
      return Uni.createFrom()
          .item(
              Problem.response(
                  409,
                  "reports-disabled",
                  "Compliance reports are not enabled",
                  "set slawatch.notifier.reports.enabled=true and"
                      + " slawatch.notifier.reports.timer-url"));
    }
    if (customer == null
        || customer.isEmpty()
        || customer.length() > 256
        || customer.chars().anyMatch(Character::isISOControl)) {
      return Uni.createFrom().item(invalid(new Violation("customer", "must be a customer id")));
    }
    Optional<ReportPeriod> asked = period == null ? Optional.empty() : ReportPeriod.parse(period);
    if (period != null && asked.isEmpty()) {
      return Uni.createFrom()
          .item(
              invalid(
                  new Violation("period", "must be a month (2026-11) or an ISO week (2026-W47)")));
    }
    String who =
        security != null && security.getUserPrincipal() != null
            ? security.getUserPrincipal().getName()
            : "api";
    return customers
        .customer(customer)
        .chain(
            known -> {
              var found = known.orElse(null);
              if (found == null) {
                return Uni.createFrom()
                    .item(invalid(new Violation("customer", "is not a known customer")));
              }
              if (found.reportRecipients().isEmpty()) {
                return Uni.createFrom()
                    .item(invalid(new Violation("customer", "has no report_recipients")));
              }
              if (!reports.owed(found)) {
                return Uni.createFrom()
                    .item(
                        invalid(
                            new Violation(
                                "customer",
                                "is on plan "
                                    + found.plan()
                                    + ", which does not include reports (sla_reports, or"
                                    + " slawatch.notifier.reports.plans)")));
              }
              ReportPeriod chosen =
                  asked.orElseGet(
                      () ->
                          ReportPeriod.containing(
                              config.period(), clock.instant().atZone(found.zone()).toLocalDate()));
              if (!chosen.from(found.zone()).isBefore(clock.instant())) {
                return Uni.createFrom()
                    .item(invalid(new Violation("period", "has not started yet")));
              }
              return reports
                  .sendNow(found, chosen, who)
                  .chain(key -> audit.report(found.id().value(), key))
                  .map(
                      entry ->
                          Response.ok(
                                  Delivery.of(
                                      entry.orElseThrow(
                                          () ->
                                              new IllegalStateException(
                                                  "the report sent is not in the audit"))))
                              .build());
            });
  }

  private static Response invalid(Violation violation) {
    return Problem.response(400, "invalid-parameter", "Invalid parameter", List.of(violation));
  }
}
