package io.slawatch.notifier.ack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.slawatch.notifier.audit.AuditEntry;
import io.slawatch.notifier.escalation.Escalations;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /api/v1/alerts/{id}}: an alert's escalation and every entry of its audit log. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
    name = "AlertHistory",
    description = "An alert's escalation and every entry of its audit log, oldest first")
public record AlertHistory(
    @Schema(required = true, description = "The alert id (ticket/clock/cycle/kind[/threshold])")
        String alert,
    @Schema(required = true, description = "The escalation policy; empty when none matched")
        String policy,
    @Schema(
            required = true,
            description = "active, acknowledged, resolved, done, or unrouted (no escalation began)")
        String state,
    @JsonProperty("level_reached") @Schema(required = true, description = "The highest level run")
        int levelReached,
    @JsonProperty("next_step_at") @Schema(description = "When the next step runs, while active")
        Instant nextStepAt,
    @JsonProperty("acknowledged_by") @Schema(description = "Who acknowledged it")
        String acknowledgedBy,
    @JsonProperty("snoozed_until") @Schema(description = "Until when it was snoozed")
        Instant snoozedUntil,
    @Schema(required = true) List<Entry> history) {

  /** One audit entry: a delivery outcome or an escalation change. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(name = "AlertHistoryEntry", description = "A delivery outcome or an escalation change")
  public record Entry(
      @Schema(required = true) Instant at,
      @Schema(
              required = true,
              description =
                  "escalation_started, grouped (joined a group sent later as one"
                      + " notification), delivered, failed, skipped, unroutable, unrouted,"
                      + " acknowledged, snoozed, resolved, done")
          String event,
      @Schema(description = "The policy target, for a delivery outcome") String target,
      @Schema(description = "The target's channel, for a delivery outcome") String channel,
      @Schema(description = "The escalation level") Integer level,
      @Schema(description = "The channel's attempts (-1: failed after its retries)")
          Integer attempts,
      @Schema(description = "Why, or what was done") String detail) {
    static Entry of(AuditEntry entry) {
      return new Entry(
          entry.at(),
          entry.event(),
          entry.target(),
          entry.channel(),
          entry.level(),
          entry.attempts(),
          entry.detail());
    }
  }

  static AlertHistory of(Escalations.History history) {
    return new AlertHistory(
        history.alertId(),
        history.policy(),
        history.state(),
        history.levelReached(),
        history.nextStepAt().orElse(null),
        history.acknowledgedBy().orElse(null),
        history.snoozedUntil().orElse(null),
        history.audit().stream().map(Entry::of).toList());
  }
}
