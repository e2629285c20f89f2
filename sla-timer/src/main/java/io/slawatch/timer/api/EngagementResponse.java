package io.slawatch.timer.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.slawatch.core.alert.SlaAlert;
import io.slawatch.core.customer.CustomerTerms;
import io.slawatch.core.engagement.Booking;
import io.slawatch.core.engagement.Engagement;
import io.slawatch.core.engagement.EngagementEvaluation;
import io.slawatch.core.engagement.EngagementStage;
import io.slawatch.core.engagement.Obligation;
import io.slawatch.timer.api.TicketSlaResponse.TimelineStep;
import io.slawatch.timer.api.TicketSlaResponse.UpcomingAlert;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of {@code GET /api/v1/engagements/{id}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
    description =
        "An engagement (Jamf's services policy) as of now: its state, its obligations with their"
            + " deadlines and status, and the timeline that explains them")
public record EngagementResponse(
    String engagement,
    @JsonProperty("as_of") @Schema(format = "date-time") String asOf,
    @Schema(description = "The customer its purchase names (absent until the purchase is known)")
        String customer,
    @JsonProperty("customer_plan") @Schema(description = "The customer's plan as of now")
        String customerPlan,
    @JsonProperty("calendar_zone") @Schema(description = "The business calendar's time zone")
        String calendarZone,
    @Schema(enumeration = {"remote", "on_site"}) String kind,
    @Schema(description = "Hours purchased") Integer hours,
    @JsonProperty("purchased_at") @Schema(format = "date-time") String purchasedAt,
    @JsonProperty("expires_at")
        @Schema(
            description = "One year after the purchase, in the customer's zone",
            format = "date-time")
        String expiresAt,
    @Schema(
            description = "unpurchased: no engagement.purchased received yet",
            enumeration = {"unpurchased", "unscheduled", "scheduled", "in_progress", "completed"})
        String stage,
    @Schema(description = "The open booking, while one is") BookingView booking,
    @Schema(description = "Bookings made so far") Integer bookings,
    @JsonProperty("unanswered_attempts")
        @Schema(description = "Contact attempts since the customer last showed a sign of life")
        Integer unansweredAttempts,
    @JsonProperty("late_notices")
        @Schema(description = "Bookings moved or cancelled with less than 5 business days' notice")
        Integer lateNotices,
    @Schema(description = "late_notice, forfeit_risk, no_show once they happened, sorted")
        List<String> flags,
    @Schema(description = "Every obligation it has had, in the order they began")
        List<ObligationView> obligations,
    @Schema(description = "The ids of the alerts fired so far") List<String> fired,
    @Schema(description = "The alerts still to come unless an event changes them")
        List<UpcomingAlert> upcoming,
    @Schema(description = "What happened and which rule it applied, in order")
        List<TimelineStep> timeline,
    @Schema(description = "Events refused by a booking rule (4-hour blocks), naming the field")
        List<String> violations,
    @Schema(description = "Events the engine ignored, and why") List<String> notes) {

  /** An engagement's evaluation as of {@code now} on its customer's terms then. */
  static EngagementResponse of(
      String id, Instant now, CustomerTerms terms, EngagementEvaluation evaluation) {
    Optional<Engagement> engagement = evaluation.engagement();
    return new EngagementResponse(
        id,
        now.toString(),
        engagement.map(e -> e.customer().value()).orElse(null),
        terms.plan(),
        terms.businessCalendar().zone().getId(),
        engagement.map(e -> e.kind().wireName()).orElse(null),
        engagement.map(Engagement::hours).orElse(null),
        engagement.map(e -> e.purchasedAt().toString()).orElse(null),
        engagement.map(e -> e.expiresAt().toString()).orElse(null),
        engagement.map(e -> stage(e.stage())).orElse("unpurchased"),
        engagement.flatMap(e -> booking(e.stage())).map(BookingView::of).orElse(null),
        engagement.map(Engagement::bookings).orElse(null),
        engagement.map(Engagement::unansweredAttempts).orElse(null),
        engagement.map(Engagement::lateNotices).orElse(null),
        engagement.map(e -> List.copyOf(e.flags())).orElse(List.of()),
        evaluation.obligations().stream().map(ObligationView::of).toList(),
        evaluation.alerts().stream().map(SlaAlert::id).toList(),
        evaluation.upcoming().stream().map(UpcomingAlert::of).toList(),
        evaluation.timeline().stream().map(TimelineStep::of).toList(),
        evaluation.violations().stream()
            .map(v -> v.event() + ": " + v.field() + " " + v.message())
            .toList(),
        evaluation.notes());
  }

  private static String stage(EngagementStage stage) {
    return switch (stage) {
      case EngagementStage.Unscheduled u -> "unscheduled";
      case EngagementStage.Scheduled s -> "scheduled";
      case EngagementStage.InProgress p -> "in_progress";
      case EngagementStage.Completed c -> "completed";
    };
  }

  private static Optional<Booking> booking(EngagementStage stage) {
    return switch (stage) {
      case EngagementStage.Scheduled s -> Optional.of(s.booking());
      case EngagementStage.InProgress p -> p.booking();
      default -> Optional.empty();
    };
  }

  /** A booked session. */
  @Schema(description = "A booked session")
  public record BookingView(
      @Schema(description = "The booking's number on the engagement (the no_show cycle)")
          int number,
      @Schema(format = "date-time") String start,
      @Schema(description = "ISO-8601 duration", example = "PT8H") String duration) {
    static BookingView of(Booking booking) {
      return new BookingView(
          booking.number(), booking.start().toString(), booking.duration().toString());
    }
  }

  /** One obligation with its deadline and where it stands. */
  @Schema(description = "An obligation of the engagement")
  public record ObligationView(
      @Schema(enumeration = {"expiry", "forfeit_risk", "late_notice", "no_show"}) String clock,
      @Schema(description = "Its instance on the engagement (the alerts' cycle)") int cycle,
      @Schema(format = "date-time", description = "When it began") String since,
      @Schema(format = "date-time", description = "Its deadline") String due,
      @Schema(enumeration = {"open", "met", "breached", "met_late", "void"}) String status,
      @JsonProperty("settled_at")
          @Schema(format = "date-time", description = "When it was met, breached or ended")
          String settledAt,
      @Schema(description = "The rule in words") String terms) {
    static ObligationView of(Obligation obligation) {
      return new ObligationView(
          obligation.clock().wireName(),
          obligation.cycle(),
          obligation.since().toString(),
          obligation.due().toString(),
          obligation.status().name().toLowerCase(Locale.ROOT),
          obligation.settledAt().map(Instant::toString).orElse(null),
          obligation.terms());
    }
  }
}
