package io.slawatch.timer.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.slawatch.core.engagement.ServicesPolicy;
import io.slawatch.core.plan.DefinedClock;
import io.slawatch.core.plan.SupportPlan;
import java.util.List;
import java.util.Map;
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
          List<String> pauseStatuses,
      @JsonProperty("defined_clocks")
          @Schema(description = "The clocks the plan defines besides the built-in ones")
          List<DefinedClockSummary> definedClocks,
      @JsonProperty("engagement_rules")
          @Schema(
              description =
                  "Jamf's services policy, for the plans that list it (jamf-*; empty otherwise):"
                      + " each engagement obligation by its alert clock (expiry, forfeit_risk,"
                      + " late_notice, no_show) and the booking rule (booking)")
          List<EngagementRule> engagementRules) {

    static PlanSummary of(SupportPlan plan) {
      return new PlanSummary(
          plan.name(),
          plan.title(),
          plan.source(),
          plan.warnings().stream().map(Object::toString).toList(),
          plan.pauseStatuses().stream().map(s -> s.wireName()).sorted().toList(),
          plan.definedClocks().stream().map(DefinedClockSummary::of).toList(),
          ServicesPolicy.listedFor(plan.name())
              ? ServicesPolicy.RULES.stream()
                  .map(r -> new EngagementRule(r.name(), r.rule()))
                  .toList()
              : List.of());
    }
  }

  @Schema(description = "An engagement obligation (its alert clock) or the booking rule")
  public record EngagementRule(String name, String rule) {}

  @Schema(description = "A clock a plan defines (its alerts carry its name as their clock)")
  public record DefinedClockSummary(
      String name,
      String title,
      @Schema(description = "Its target per priority, in the plan's words")
          Map<String, String> targets) {

    static DefinedClockSummary of(DefinedClock clock) {
      Map<String, String> targets = new java.util.LinkedHashMap<>();
      clock.targets().forEach((priority, terms) -> targets.put(priority.name(), terms.words()));
      return new DefinedClockSummary(clock.name(), clock.title(), targets);
    }
  }
}
