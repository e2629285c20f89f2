package io.slawatch.timer.customer;

import io.slawatch.core.calendar.CalendarReader;
import io.slawatch.core.clock.CustomerHistory;
import io.slawatch.core.config.ConfigException;
import io.slawatch.core.customer.Customer;
import io.slawatch.core.customer.CustomerTerms;
import io.slawatch.service.customer.CustomerProjection;
import io.slawatch.timer.config.TimerConfig;
import io.slawatch.timer.store.CustomerLockStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The terms the engine applies to customers' tickets over time, out of the shared {@link
 * CustomerProjection} (every version of a customer with the instant it took effect); an unknown
 * customer gets the default plan and the default business hours of the default zone, and its
 * tickets the {@code unknown_customer} flag. A customer version is parsed once, not once per
 * ticket.
 */
@ApplicationScoped
public class CustomerDirectory {
  private static final Logger LOG = Logger.getLogger(CustomerDirectory.class);

  private final CustomerProjection projection;
  private final CustomerLockStore locks;
  private final CalendarReader calendars;
  private final CustomerHistory fallback;
  private final Map<String, CustomerTerms> parsed = new ConcurrentHashMap<>();

  CustomerDirectory(
      CustomerProjection projection,
      CustomerLockStore locks,
      CalendarReader calendars,
      TimerConfig config) {
    this.projection = projection;
    this.locks = locks;
    this.calendars = calendars;
    this.fallback =
        CustomerHistory.of(
            CustomerTerms.unknown(config.defaultPlan(), ZoneId.of(config.defaultZone())));
  }

  public Uni<CustomerHistory> history(SqlClient conn, Optional<String> customer) {
    if (customer.isEmpty()) {
      return Uni.createFrom().item(fallback);
    }
    return histories(conn, List.of(customer.get())).map(known -> historyOf(known, customer));
  }

  /** The history of each of these customers that sla-timer knows (one query for all of them). */
  public Uni<Map<String, CustomerHistory>> histories(SqlClient conn, Collection<String> customers) {
    if (customers.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    return locks
        .shared(conn, customers)
        .flatMap(locked -> projection.versions(conn, customers))
        .map(
            versions -> {
              Map<String, CustomerHistory> known = new HashMap<>();
              versions.forEach(
                  (id, list) ->
                      known.put(
                          id,
                          new CustomerHistory(
                              list.stream()
                                  .map(
                                      v ->
                                          new CustomerHistory.Version(
                                              v.effectiveAt(), terms(id, v)))
                                  .toList())));
              return known;
            });
  }

  /** The history of a ticket's customer out of {@link #histories}' answer (else the default). */
  public CustomerHistory historyOf(Map<String, CustomerHistory> known, Optional<String> customer) {
    return customer.map(known::get).orElse(fallback);
  }

  private CustomerTerms terms(String id, CustomerProjection.Version version) {
    return parsed.computeIfAbsent(id + "/" + version.version(), key -> termsOf(version.customer()));
  }

  private CustomerTerms termsOf(Customer customer) {
    try {
      return customer.terms(calendars);
    } catch (ConfigException e) {
      LOG.errorf("customer %s has an unusable calendar (%s): default hours", customer.id(), e);
      return CustomerTerms.of(customer.plan(), customer.zone());
    }
  }
}
