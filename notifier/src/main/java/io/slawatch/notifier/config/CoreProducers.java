package io.slawatch.notifier.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.slawatch.contract.json.CustomerCodec;
import io.slawatch.contract.json.SlaAlertCodec;
import io.slawatch.core.calendar.CalendarReader;
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

  @Produces
  @ApplicationScoped
  SlaAlertCodec slaAlertCodec(ObjectMapper mapper) {
    return new SlaAlertCodec(mapper);
  }
}
