package io.slawatch.notifier.ack;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /api/v1/alerts/{id}/ack}: what the acknowledgement found. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "AckAnswer", description = "What an acknowledgement found")
public record AckAnswer(
    @Schema(required = true) String alert,
    @Schema(required = true, description = "acknowledged, or already over") String state,
    @Schema(description = "Who acknowledged it (the token's name, or link)") String by) {
  static AckAnswer acknowledged(String alert, String by) {
    return new AckAnswer(alert, "acknowledged", by);
  }

  static AckAnswer alreadyOver(String alert) {
    return new AckAnswer(alert, "already over", null);
  }
}
