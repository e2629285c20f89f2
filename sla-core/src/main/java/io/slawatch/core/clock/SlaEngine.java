package io.slawatch.core.clock;

import io.slawatch.core.event.TicketEvent;
import io.slawatch.core.plan.PlanCatalog;
import java.time.Instant;
import java.util.List;

/**
 * The SLA clock engine: a pure, deterministic function from one ticket's events (in any arrival
 * order), its customer's terms and an instant to its clocks and the alerts they fire. Nothing here
 * reads the wall clock: the caller says "as of when".
 */
public final class SlaEngine {
  private final PlanCatalog plans;

  public SlaEngine(PlanCatalog plans) {
    this.plans = plans;
  }

  /** Every alert up to {@code asOf}, what comes next, and each clock with its timeline. */
  public Evaluation evaluate(List<TicketEvent> events, CustomerTerms customer, Instant asOf) {
    return new TicketReplay(plans, customer).run(events, asOf);
  }
}
