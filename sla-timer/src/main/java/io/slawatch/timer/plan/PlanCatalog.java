package io.slawatch.timer.plan;

import io.slawatch.core.policy.FixedTargetPolicy;
import io.slawatch.core.ticket.Priority;
import io.slawatch.timer.config.TimerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/** The configured plans, as core policies; an unknown plan falls back to the default one. */
@ApplicationScoped
public class PlanCatalog {
  private static final Logger LOG = Logger.getLogger(PlanCatalog.class);

  private final Map<String, FixedTargetPolicy> plans = new TreeMap<>();
  private final String defaultPlan;

  PlanCatalog(TimerConfig config) {
    config
        .plans()
        .forEach(
            (name, plan) -> {
              Map<Priority, Duration> targets = new EnumMap<>(Priority.class);
              plan.targets()
                  .forEach(
                      (priority, target) ->
                          targets.put(
                              Priority.parse(priority)
                                  .orElseThrow(
                                      () ->
                                          new IllegalArgumentException(
                                              "slawatch.timer.plans."
                                                  + name
                                                  + ".targets."
                                                  + priority
                                                  + ": not a priority (P1..P4)")),
                              target));
              plans.put(name, new FixedTargetPolicy(name, targets, config.warningThresholds()));
            });
    this.defaultPlan = config.defaultPlan();
    if (!plans.containsKey(defaultPlan)) {
      throw new IllegalArgumentException(
          "slawatch.timer.default-plan=" + defaultPlan + " is not one of " + plans.keySet());
    }
  }

  public FixedTargetPolicy policy(Optional<String> plan) {
    return plan.map(
            name -> {
              FixedTargetPolicy policy = plans.get(name);
              if (policy == null) {
                LOG.warnf("unknown plan %s: using %s", name, defaultPlan);
              }
              return policy;
            })
        .orElse(plans.get(defaultPlan));
  }
}
