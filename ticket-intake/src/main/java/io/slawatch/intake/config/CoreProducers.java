package io.slawatch.intake.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.slawatch.contract.json.CustomerCodec;
import io.slawatch.contract.json.TicketEventCodec;
import io.slawatch.core.calendar.CalendarReader;
import io.slawatch.core.plan.PresetPlans;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/** Wires the framework-free core into CDI. */
public class CoreProducers {
  @Produces
  @ApplicationScoped
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Reads customers' business calendars (a final class, hence a singleton, not a proxy). */
  @Produces
  @jakarta.inject.Singleton
  CalendarReader calendarReader() {
    return CalendarReader.relativeTo(Path.of("."));
  }

  @Produces
  @ApplicationScoped
  CustomerCodec customerCodec(ObjectMapper mapper, CalendarReader calendars) {
    return new CustomerCodec(mapper, calendars);
  }

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

  @Produces
  @ApplicationScoped
  TicketEventCodec ticketEventCodec(ObjectMapper mapper) {
    return new TicketEventCodec(mapper);
  }
}
