package io.slawatch.notifier.config;

import io.slawatch.core.plan.PlanCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The plans this service knows (the core and codecs are wired by service-support's CoreProducers).
 */
public class PlanProducers {
  /**
   * The plans alerts name (the sla-core presets): routing reads their entitlements, e.g. a plan
   * served by US persons only.
   */
  @Produces
  @ApplicationScoped
  PlanCatalog plans() {
    return PlanCatalog.presets();
  }
}
