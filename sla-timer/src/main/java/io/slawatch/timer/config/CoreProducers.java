package io.slawatch.timer.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.slawatch.contract.json.CustomerCodec;
import io.slawatch.contract.json.SlaAlertCodec;
import io.slawatch.contract.json.TicketEventCodec;
import io.slawatch.core.calendar.CalendarReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
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
  TicketEventCodec ticketEventCodec(ObjectMapper mapper) {
    return new TicketEventCodec(mapper);
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
