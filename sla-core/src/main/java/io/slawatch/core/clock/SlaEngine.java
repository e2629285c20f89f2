package io.slawatch.core.clock;

import io.slawatch.core.calendar.BusinessCalendar;
import io.slawatch.core.calendar.CalendarDefinition;
import io.slawatch.core.customer.CustomerTerms;
import io.slawatch.core.event.TicketEvent;
import io.slawatch.core.plan.PlanCatalog;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SLA clock engine: a pure, deterministic function from one ticket's events (in any arrival
 * order), its customer's terms and an instant to its clocks and the alerts they fire. Nothing here
 * reads the wall clock: the caller says "as of when".
 *
 * <p>Business calendars are built once per distinct definition and kept (the {@value
 * #CALENDARS_KEPT} most recently used), so replaying many tickets of the same customers does not
 * rebuild each year's opening hours and holidays every time. Safe for concurrent use.
 */
public final class SlaEngine {
  static final int CALENDARS_KEPT = 1024;

  private final PlanCatalog plans;
  private final Map<CalendarDefinition, BusinessCalendar> calendars =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<CalendarDefinition, BusinessCalendar> e) {
          return size() > CALENDARS_KEPT;
        }
      };

  public SlaEngine(PlanCatalog plans) {
    this.plans = plans;
  }

  /** Every alert up to {@code asOf}, what comes next, and each clock with its timeline. */
  public Evaluation evaluate(List<TicketEvent> events, CustomerTerms customer, Instant asOf) {
    return evaluate(events, CustomerHistory.of(customer), asOf);
  }

  /**
   * {@link #evaluate(List, CustomerTerms, Instant)} for a customer whose record changed over time:
   * a change applies from its instant, never back-dated.
   */
  public Evaluation evaluate(List<TicketEvent> events, CustomerHistory customer, Instant asOf) {
    return new TicketReplay(plans, customer, this::calendar).run(events, asOf);
  }

  private BusinessCalendar calendar(CalendarDefinition definition) {
    synchronized (calendars) {
      return calendars.computeIfAbsent(definition, BusinessCalendar::of);
    }
  }
}
