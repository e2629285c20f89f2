package io.slawatch.notifier.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.slawatch.contract.json.SlaAlertCodec;
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
  SlaAlertCodec slaAlertCodec(ObjectMapper mapper) {
    return new SlaAlertCodec(mapper);
  }
}
