package io.slawatch.notifier.ack;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /api/v1/alerts/{id}/snooze}: the escalation held. */
@Schema(name = "SnoozeAnswer", description = "An escalation held")
public record SnoozeAnswer(
    @Schema(required = true) String alert,
    @Schema(required = true, description = "snoozed") String state,
    @JsonProperty("for") @Schema(required = true, description = "ISO-8601, e.g. PT30M")
        String duration,
    @Schema(required = true, description = "Who snoozed it (the token's name)") String by) {
  static SnoozeAnswer snoozed(String alert, String duration, String by) {
    return new SnoozeAnswer(alert, "snoozed", duration, by);
  }
}
