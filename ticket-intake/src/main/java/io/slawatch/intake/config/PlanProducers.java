package io.slawatch.intake.config;

import io.slawatch.core.plan.PresetPlans;
import jakarta.enterprise.inject.Produces;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The plans this service knows (the core and codecs are wired by service-support's CoreProducers).
 */
public class PlanProducers {
  /** The plan names a customer may be given (a record, hence a singleton, not a proxy). */
  @Produces
  @jakarta.inject.Singleton
  KnownPlans knownPlans(IntakeConfig config) {
    Set<String> names = new HashSet<>(PresetPlans.NAMES);
    names.addAll(config.extraPlans());
    return new KnownPlans(Set.copyOf(names));
  }

  public record KnownPlans(Set<String> names) implements Predicate<String> {
    @Override
    public boolean test(String plan) {
      return names.contains(plan);
    }
  }
}
