package io.slawatch.timer.customer;

import io.slawatch.contract.json.CustomerCodec;
import io.slawatch.core.calendar.CalendarReader;
import io.slawatch.core.clock.CustomerTerms;
import io.slawatch.core.config.ConfigException;
import io.slawatch.core.customer.Customer;
import io.slawatch.timer.config.TimerConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The customers sla-timer knows (materialized from {@code customer.events.v1}) and the terms the
 * engine applies to their tickets; an unknown customer gets the default plan and the default
 * business hours of the default zone. A customer record is parsed once per version seen (the newest
 * is kept per customer), not once per ticket.
 */
@ApplicationScoped
public class CustomerDirectory {
  private static final Logger LOG = Logger.getLogger(CustomerDirectory.class);

  private final CustomerCodec codec;
  private final CalendarReader calendars;
  private final CustomerTerms fallback;
  private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

  private record Parsed(String body, CustomerTerms terms) {}

  CustomerDirectory(CustomerCodec codec, CalendarReader calendars, TimerConfig config) {
    this.codec = codec;
    this.calendars = calendars;
    this.fallback = CustomerTerms.of(config.defaultPlan(), ZoneId.of(config.defaultZone()));
  }

  public Uni<CustomerTerms> terms(SqlClient conn, Optional<String> customer) {
    if (customer.isEmpty()) {
      return Uni.createFrom().item(fallback);
    }
    return terms(conn, java.util.List.of(customer.get())).map(known -> termsOf(known, customer));
  }

  /** The terms of each of these customers that sla-timer knows (one query for all of them). */
  public Uni<Map<String, CustomerTerms>> terms(SqlClient conn, Collection<String> customers) {
    if (customers.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    return conn.preparedQuery("select id, body from customer where id = any($1)")
        .execute(Tuple.of(customers.toArray(String[]::new)))
        .map(
            rows -> {
              Map<String, CustomerTerms> known = new HashMap<>();
              for (Row row : rows) {
                known.put(row.getString(0), parse(row.getString(0), row.getString(1)));
              }
              return known;
            });
  }

  /** The terms for a ticket's customer out of {@link #terms(SqlClient, Collection)}' answer. */
  public CustomerTerms termsOf(Map<String, CustomerTerms> known, Optional<String> customer) {
    return customer.map(known::get).orElse(fallback);
  }

  private CustomerTerms parse(String id, String body) {
    Parsed cached = parsed.get(id);
    if (cached != null && cached.body().equals(body)) {
      return cached.terms();
    }
    CustomerTerms terms = decode(body).map(this::termsOf).orElse(fallback);
    parsed.put(id, new Parsed(body, terms));
    return terms;
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
