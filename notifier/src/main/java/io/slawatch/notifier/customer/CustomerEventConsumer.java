package io.slawatch.notifier.customer;

import io.slawatch.service.customer.CustomerProjection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps every version of each customer of {@code customer.events.v1}, the newest as its current
 * record (the shared {@link CustomerProjection}); an invalid record is logged and skipped.
 */
@ApplicationScoped
public class CustomerEventConsumer {
  private final Pool pool;
  private final CustomerProjection projection;

  CustomerEventConsumer(Pool pool, CustomerProjection projection) {
    this.pool = pool;
    this.projection = projection;
  }

  @Incoming("customer-events")
  public Uni<Void> consume(String event) {
    return projection
        .decode(event)
        .map(
            upsert ->
                pool.withTransaction(conn -> projection.apply(conn, upsert, event))
                    .replaceWithVoid())
        .orElseGet(() -> Uni.createFrom().voidItem());
  }
}
