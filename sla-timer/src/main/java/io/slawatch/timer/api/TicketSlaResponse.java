package io.slawatch.timer.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.slawatch.core.alert.SlaAlert;
import io.slawatch.core.clock.ClockReport;
import io.slawatch.core.clock.ClockState;
import io.slawatch.core.clock.Evaluation;
import io.slawatch.core.clock.TimelineEntry;
import io.slawatch.core.customer.CustomerTerms;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of {@code GET /api/v1/tickets/{id}/sla}. */
@Schema(description = "Every clock of a ticket as of now, and its alerts fired and to come")
public record TicketSlaResponse(
    String ticket,
    @JsonProperty("as_of") @Schema(format = "date-time") String asOf,
    @JsonProperty("customer_plan") @Schema(description = "The customer's plan as of now")
        String customerPlan,
    @JsonProperty("calendar_zone") @Schema(description = "The business calendar's time zone")
        String calendarZone,
    @JsonProperty("customer_known")
        @Schema(description = "false: the customer is not known, default terms apply")
        boolean customerKnown,
    @Schema(description = "The ticket's flags (entitlement findings, unknown_customer), sorted")
        List<String> flags,
    List<SlaClock> clocks,
    @Schema(description = "The ids of the alerts fired so far") List<String> fired,
    @Schema(description = "The alerts still to come unless an event changes them")
        List<UpcomingAlert> upcoming,
    @Schema(description = "Events the engine ignored, and why") List<String> notes) {

  /** A ticket's evaluation as of {@code now} on its customer's terms then. */
  static TicketSlaResponse of(
      String ticket, Instant now, CustomerTerms terms, Evaluation evaluation) {
    return new TicketSlaResponse(
        ticket,
        now.toString(),
        terms.plan(),
        terms.businessCalendar().zone().getId(),
        terms.known(),
        List.copyOf(evaluation.flags()),
        evaluation.clocks().stream().map(SlaClock::of).toList(),
        evaluation.alerts().stream().map(SlaAlert::id).toList(),
        evaluation.upcoming().stream().map(UpcomingAlert::of).toList(),
        evaluation.notes());
  }

  /** One clock of the ticket with the timeline that explains its deadline. */
  @Schema(description = "A clock of the ticket")
  public record SlaClock(
      @Schema(enumeration = {"first_response", "next_response", "resolution"}) String clock,
      @Schema(description = "The clock's sequence number on the ticket") int cycle,
      @Schema(
              description = "breached: running past its target",
              enumeration = {"running", "breached", "paused", "met", "stopped"})
          String state,
      boolean paused,
      @Schema(format = "date-time") String start,
      @Schema(description = "ISO-8601 duration of business time", example = "PT4H") String target,
      @Schema(description = "Business time used (ISO-8601 duration)") String consumed,
      @Schema(description = "Business time left, zero once past the target") String left,
      @JsonInclude(JsonInclude.Include.NON_NULL)
          @Schema(description = "The deadline, while running", format = "date-time")
          String due,
      List<TimelineStep> timeline) {

    static SlaClock of(ClockReport report) {
      boolean overdue = !report.consumed().minus(report.target()).isNegative();
      String state = state(report.state());
      Duration left = report.target().minus(report.consumed());
      return new SlaClock(
          report.clock().wireName(),
          report.instance(),
          state.equals("running") && overdue ? "breached" : state,
          report.state() instanceof ClockState.Paused,
          report.start().toString(),
          report.target().toString(),
          report.consumed().toString(),
          (left.isNegative() ? Duration.ZERO : left).toString(),
          report.due().map(Instant::toString).orElse(null),
          report.timeline().stream().map(TimelineStep::of).toList());
    }

    private static String state(ClockState state) {
      return switch (state) {
        case ClockState.Running r -> "running";
        case ClockState.Paused p -> "paused";
        case ClockState.Met m -> "met";
        case ClockState.Stopped s -> "stopped";
      };
    }
  }

  /** What moved a clock's deadline, and by which rule. */
  public record TimelineStep(@Schema(format = "date-time") String at, String cause, String rule) {
    static TimelineStep of(TimelineEntry entry) {
      return new TimelineStep(entry.at().toString(), entry.cause(), entry.rule());
    }
  }

  /** An alert still to come. */
  public record UpcomingAlert(String id, @Schema(format = "date-time") String at) {
    static UpcomingAlert of(SlaAlert alert) {
      return new UpcomingAlert(alert.id(), alert.firedAt().toString());
    }
  }
}
