package io.slawatch.core.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds plans by name: the presets, plans loaded from files, or both. */
@FunctionalInterface
public interface PlanCatalog {
  Optional<SupportPlan> find(String name);

  /** The built-in presets. */
  static PlanCatalog presets() {
    return PresetPlans.INSTANCE;
  }

  /** These plans, then the presets. */
  static PlanCatalog of(List<SupportPlan> plans) {
    Map<String, SupportPlan> byName = new LinkedHashMap<>();
    plans.forEach(plan -> byName.put(plan.name(), plan));
    return name -> Optional.ofNullable(byName.get(name)).or(() -> presets().find(name));
  }
}
