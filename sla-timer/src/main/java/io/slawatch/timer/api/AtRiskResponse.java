package io.slawatch.timer.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.slawatch.core.alert.SlaAlert;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of {@code GET /api/v1/at-risk}. */
@Schema(description = "Open clocks whose breach falls within the window, soonest first")
public record AtRiskResponse(
    @JsonProperty("as_of")
        @Schema(description = "The instant the answer is computed at", format = "date-time")
        String asOf,
    @Schema(description = "The window asked for (ISO-8601 duration)", example = "PT1H")
        String within,
    List<AtRiskClock> clocks) {

  /** An open clock and how long it has left before it breaches. */
  @Schema(description = "An open clock that breaches within the window")
  public record AtRiskClock(
      String ticket,
      String customer,
      String plan,
      @Schema(enumeration = {"P1", "P2", "P3", "P4"}) String priority,
      @Schema(enumeration = {"first_response", "next_response", "resolution"}) String clock,
      @Schema(description = "The clock's sequence number on the ticket") int cycle,
      @Schema(description = "When it breaches", format = "date-time") String due,
      @JsonProperty("time_left")
          @Schema(description = "From as_of to due (ISO-8601 duration)", example = "PT42M")
          String timeLeft) {

    /** The clock a pending breach alert is about, as of {@code now}. */
    static AtRiskClock of(SlaAlert breach, Instant now) {
      return new AtRiskClock(
          breach.ticket().value(),
          breach.customer().value(),
          breach.plan(),
          breach.priority().name(),
          breach.clock().wireName(),
          breach.cycle(),
          breach.due().toString(),
          Duration.between(now, breach.due()).toString());
    }
  }
}
