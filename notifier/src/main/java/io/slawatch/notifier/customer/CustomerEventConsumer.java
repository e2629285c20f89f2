package io.slawatch.notifier.customer;

import io.slawatch.core.customer.Customer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the newest version of each customer of {@code customer.events.v1}. */
@ApplicationScoped
public class CustomerEventConsumer {
  private static final Pattern VERSION = Pattern.compile("\"id\"\\s*:\\s*\"[^\"]*/(\\d+)\"");

  private final Pool pool;
  private final CustomerDirectory directory;

  CustomerEventConsumer(Pool pool, CustomerDirectory directory) {
    this.pool = pool;
    this.directory = directory;
  }

  @Incoming("customer-events")
  public Uni<Void> consume(String event) {
    Optional<Customer> customer = directory.decode(event);
    if (customer.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    Matcher version = VERSION.matcher(event);
    return pool.preparedQuery(
            "insert into customer (id, version, body) values ($1, $2, $3)"
                + " on conflict (id) do update set version = excluded.version,"
                + " body = excluded.body where customer.version < excluded.version")
        .execute(
            Tuple.of(
                customer.get().id().value(),
                version.find() ? Long.parseLong(version.group(1)) : 0L,
                event))
        .replaceWithVoid();
  }
}
