package io.slawatch.notifier.customer;

import io.slawatch.contract.json.CustomerCodec;
import io.slawatch.core.customer.Customer;
import io.slawatch.notifier.policy.CustomerFacts;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * What the notifier knows of customers (materialized from {@code customer.events.v1}): their
 * language, zone, designated engineer and US-persons-only flag. An unknown customer gets English,
 * no zone, no designated engineer and no restriction.
 */
@ApplicationScoped
public class CustomerDirectory {
  private static final Logger LOG = Logger.getLogger(CustomerDirectory.class);

  private final Pool pool;
  private final CustomerCodec codec;
  private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

  private record Parsed(String body, CustomerFacts facts) {}

  CustomerDirectory(Pool pool, CustomerCodec codec) {
    this.pool = pool;
    this.codec = codec;
  }

  public Uni<CustomerFacts> facts(String customer) {
    return pool.preparedQuery("select body from customer where id = $1")
        .execute(Tuple.of(customer))
        .map(
            rows -> {
              for (Row row : rows) {
                return parse(customer, row.getString(0));
              }
              return CustomerFacts.UNKNOWN;
            });
  }

  /** The facts of each of these customers the notifier knows (one query). */
  public Uni<Map<String, CustomerFacts>> facts(java.util.Collection<String> customers) {
    if (customers.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    return pool.preparedQuery("select id, body from customer where id = any($1)")
        .execute(Tuple.of(customers.toArray(String[]::new)))
        .map(
            rows -> {
              Map<String, CustomerFacts> known = new java.util.HashMap<>();
              for (Row row : rows) {
                known.put(row.getString(0), parse(row.getString(0), row.getString(1)));
              }
              return known;
            });
  }

  private CustomerFacts parse(String id, String body) {
    Parsed cached = parsed.get(id);
    if (cached != null && cached.body().equals(body)) {
      return cached.facts();
    }
    CustomerFacts facts =
        decode(body).map(CustomerDirectory::factsOf).orElse(CustomerFacts.UNKNOWN);
    parsed.put(id, new Parsed(body, facts));
    return facts;
  }

  static CustomerFacts factsOf(Customer customer) {
    return new CustomerFacts(
        Locale.forLanguageTag(customer.language()),
        Optional.of(customer.zone()),
        customer.designatedEngineer(),
        customer.usPersonsOnly(),
        customer.region());
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
