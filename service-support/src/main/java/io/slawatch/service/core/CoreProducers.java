package io.slawatch.service.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.slawatch.contract.json.CustomerCodec;
import io.slawatch.contract.json.EngagementEventCodec;
import io.slawatch.contract.json.SlaAlertCodec;
import io.slawatch.contract.json.TicketEventCodec;
import io.slawatch.core.calendar.CalendarReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Wires the framework-free core and the contract codecs into CDI, once for the three services (what
 * only one service needs, e.g. sla-timer's plan catalogue, stays in that service).
 */
public class CoreProducers {
  /** The one clock of a service; tests replace it with a settable one. */
  @Produces
  @ApplicationScoped
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * Reads customers' business calendars, files relative to the working directory (a final class,
   * hence a singleton, not a proxy).
   */
  @Produces
  @Singleton
  CalendarReader calendarReader() {
    return CalendarReader.relativeTo(Path.of("."));
  }

  @Produces
  @ApplicationScoped
  TicketEventCodec ticketEventCodec(ObjectMapper mapper) {
    return new TicketEventCodec(mapper);
  }

  @Produces
  @ApplicationScoped
  EngagementEventCodec engagementEventCodec(ObjectMapper mapper) {
    return new EngagementEventCodec(mapper);
  }

  @Produces
  @ApplicationScoped
  CustomerCodec customerCodec(ObjectMapper mapper, CalendarReader calendars) {
    return new CustomerCodec(mapper, calendars);
  }

  @Produces
  @ApplicationScoped
  SlaAlertCodec slaAlertCodec(ObjectMapper mapper) {
    return new SlaAlertCodec(mapper);
  }
}
