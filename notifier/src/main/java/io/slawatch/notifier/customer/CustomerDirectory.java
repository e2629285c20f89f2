package io.slawatch.notifier.customer;

import io.slawatch.core.customer.Customer;
import io.slawatch.notifier.policy.CustomerFacts;
import io.slawatch.service.customer.CustomerProjection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the notifier knows of customers (their current record in the shared {@link
 * CustomerProjection}): their language, zone, designated engineer, region and US-persons-only flag.
 * An unknown customer gets English, no zone, no designated engineer and no restriction.
 */
@ApplicationScoped
public class CustomerDirectory {
  private final Pool pool;
  private final CustomerProjection projection;

  CustomerDirectory(Pool pool, CustomerProjection projection) {
    this.pool = pool;
    this.projection = projection;
  }

  public Uni<CustomerFacts> facts(String customer) {
    return facts(List.of(customer))
        .map(known -> known.getOrDefault(customer, CustomerFacts.UNKNOWN));
  }

  /** The facts of each of these customers the notifier knows (one query). */
  public Uni<Map<String, CustomerFacts>> facts(Collection<String> customers) {
    return projection
        .current(pool, customers)
        .map(
            current -> {
              Map<String, CustomerFacts> known = new HashMap<>();
              current.forEach((id, customer) -> known.put(id, factsOf(customer)));
              return known;
            });
  }

  /** The current record of a customer, when known. */
  public Uni<Optional<Customer>> customer(String id) {
    return projection.current(pool, List.of(id)).map(known -> Optional.ofNullable(known.get(id)));
  }

  /** Every customer that names report recipients (the compliance reports' addressees). */
  public Uni<List<Customer>> withReportRecipients() {
    return projection.withReportRecipients(pool);
  }

  static CustomerFacts factsOf(Customer customer) {
    return new CustomerFacts(
        Locale.forLanguageTag(customer.language()),
        Optional.of(customer.zone()),
        customer.designatedEngineer(),
        customer.usPersonsOnly(),
        customer.region());
  }
}
