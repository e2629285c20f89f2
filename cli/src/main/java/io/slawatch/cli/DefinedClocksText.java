package io.slawatch.cli;

import io.slawatch.core.engagement.ServicesPolicy;
import io.slawatch.core.plan.ClockCondition;
import io.slawatch.core.plan.ClockTerms;
import io.slawatch.core.plan.DefinedClock;
import io.slawatch.core.plan.SupportPlan;
import io.slawatch.core.plan.WarningThreshold;
import io.slawatch.core.ticket.Priority;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code slawatch plans show}'s summary of the clocks a plan defines, and of the engagement
 * obligations for the plans that list Jamf's services policy, as YAML comments after the plan (so
 * the output still reads back as the plan).
 */
final class DefinedClocksText {
  private DefinedClocksText() {}

  static List<String> lines(SupportPlan plan) {
    List<String> lines = definedClocks(plan);
    lines.addAll(engagements(plan));
    return lines;
  }

  /**
   * Jamf's services policy, for the plans that list it ({@link ServicesPolicy#listedFor}): each
   * engagement obligation (an alert clock) and the booking rule.
   */
  static List<String> engagements(SupportPlan plan) {
    List<String> lines = new ArrayList<>();
    if (!ServicesPolicy.listedFor(plan.name())) {
      return lines;
    }
    lines.add("# engagements (services policy; alerts carry these clocks, the engagement flag):");
    for (ServicesPolicy.Rule rule : ServicesPolicy.RULES) {
      lines.add("#   " + rule.name() + ": " + rule.rule());
    }
    return lines;
  }

  private static List<String> definedClocks(SupportPlan plan) {
    List<String> lines = new ArrayList<>();
    if (plan.definedClocks().isEmpty()) {
      lines.add("# defined clocks: none (only the built-in response, update, resolution clocks)");
      return lines;
    }
    lines.add("# defined clocks (besides the built-in response, update, resolution clocks):");
    for (DefinedClock clock : plan.definedClocks()) {
      lines.add("#   " + clock.name() + ": " + clock.title());
      lines.add("#     starts on: " + conditions(clock.startOn()));
      lines.add("#     met by:    " + conditions(clock.stopOn()));
      lines.add(
          "#     pauses:    "
              + (clock.pauseOn().isEmpty() ? "never" : "while " + conditions(clock.pauseOn())));
      lines.add("#     target:    " + targets(clock));
      lines.add(
          "#     warnings:  "
              + plan.warnings(clock.kind()).stream()
                  .map(WarningThreshold::toString)
                  .collect(Collectors.joining(", ")));
    }
    return lines;
  }

  private static String conditions(List<ClockCondition> conditions) {
    return conditions.stream().map(ClockCondition::toString).collect(Collectors.joining(" or "));
  }

  /**
   * {@code P1, P2: 4 business hours (business_hours); P3: ...}, priorities sharing terms joined.
   */
  private static String targets(DefinedClock clock) {
    Map<String, List<String>> byTerms = new LinkedHashMap<>();
    for (Priority priority : Priority.values()) {
      clock
          .terms(priority)
          .ifPresent(
              terms ->
                  byTerms
                      .computeIfAbsent(words(terms), t -> new ArrayList<>())
                      .add(priority.name()));
    }
    return byTerms.entrySet().stream()
        .map(e -> String.join(", ", e.getValue()) + ": " + e.getKey())
        .collect(Collectors.joining("; "));
  }

  private static String words(ClockTerms terms) {
    return terms.words() + " (" + terms.coverage() + ")";
  }
}
