package io.slawatch.timer.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.slawatch.core.plan.SupportPlan;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of {@code GET /api/v1/plans}. */
@Schema(description = "Every plan sla-timer can run: plan files, the bundled demo, the presets")
public record PlansResponse(List<PlanSummary> plans) {

  @Schema(description = "A support plan")
  public record PlanSummary(
      String name,
      String title,
      @Schema(description = "Where the plan was read from") String source,
      @Schema(description = "What the plan reader warned about") List<String> warnings,
      @JsonProperty("pause_statuses")
          @Schema(description = "The ticket statuses that pause its clocks, sorted")
          List<String> pauseStatuses) {

    static PlanSummary of(SupportPlan plan) {
      return new PlanSummary(
          plan.name(),
          plan.title(),
          plan.source(),
          plan.warnings().stream().map(Object::toString).toList(),
          plan.pauseStatuses().stream().map(s -> s.wireName()).sorted().toList());
    }
  }
}
