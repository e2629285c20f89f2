package io.slawatch.notifier.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.slawatch.contract.json.CustomerCodec;
import io.slawatch.contract.json.SlaAlertCodec;
import io.slawatch.core.calendar.CalendarReader;
import io.slawatch.core.plan.PlanCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import java.time.Clock;

/** Wires the framework-free core into CDI. */
public class CoreProducers {
  @Produces
  @ApplicationScoped
  Clock clock() {
    return Clock.systemUTC();
  }

  @Produces
  @ApplicationScoped
  CustomerCodec customerCodec(ObjectMapper mapper) {
    // customer calendars are sla-timer's business; the notifier only reads them to validate
    return new CustomerCodec(mapper, CalendarReader.relativeTo(Path.of(".")));
  }

  /**
   * The plans alerts name (the sla-core presets): routing reads their entitlements, e.g. a plan
   * served by US persons only.
   */
  @Produces
  @ApplicationScoped
  PlanCatalog plans() {
    return PlanCatalog.presets();
  }

  @Produces
  @ApplicationScoped
  SlaAlertCodec slaAlertCodec(ObjectMapper mapper) {
    return new SlaAlertCodec(mapper);
  }
}
