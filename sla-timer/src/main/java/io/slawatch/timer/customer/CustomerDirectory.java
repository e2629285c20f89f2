package io.slawatch.timer.customer;

import io.slawatch.contract.json.CustomerCodec;
import io.slawatch.core.calendar.CalendarReader;
import io.slawatch.core.clock.CustomerTerms;
import io.slawatch.core.config.ConfigException;
import io.slawatch.core.customer.Customer;
import io.slawatch.timer.config.TimerConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The customers sla-timer knows (materialized from {@code customer.events.v1}) and the terms the
 * engine applies to their tickets; an unknown customer gets the default plan and the default
 * business hours of the default zone.
 */
@ApplicationScoped
public class CustomerDirectory {
  private static final Logger LOG = Logger.getLogger(CustomerDirectory.class);

  private final CustomerCodec codec;
  private final CalendarReader calendars;
  private final CustomerTerms fallback;

  CustomerDirectory(CustomerCodec codec, CalendarReader calendars, TimerConfig config) {
    this.codec = codec;
    this.calendars = calendars;
    this.fallback = CustomerTerms.of(config.defaultPlan(), ZoneId.of(config.defaultZone()));
  }

  public Uni<CustomerTerms> terms(SqlClient conn, Optional<String> customer) {
    if (customer.isEmpty()) {
      return Uni.createFrom().item(fallback);
    }
    return conn.preparedQuery("select body from customer where id = $1")
        .execute(Tuple.of(customer.get()))
        .map(
            rows ->
                rows.size() == 0
                    ? fallback
                    : decode(rows.iterator().next().getString(0))
                        .map(this::termsOf)
                        .orElse(fallback));
  }

  private CustomerTerms termsOf(Customer customer) {
    try {
      return customer.terms(calendars);
    } catch (ConfigException e) {
      LOG.errorf("customer %s has an unusable calendar (%s): default hours", customer.id(), e);
      return CustomerTerms.of(customer.plan(), customer.zone());
    }
  }

  Optional<Customer> decode(String event) {
    return switch (codec.decodeEvent(event.getBytes(StandardCharsets.UTF_8))) {
      case CustomerCodec.Result.Valid valid -> Optional.of(valid.customer());
      case CustomerCodec.Result.Invalid invalid -> {
        LOG.errorf("ignoring an invalid customer record: %s", invalid.violations());
        yield Optional.empty();
      }
    };
  }
}
