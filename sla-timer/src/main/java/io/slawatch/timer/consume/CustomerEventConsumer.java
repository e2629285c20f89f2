package io.slawatch.timer.consume;

import io.slawatch.contract.json.CustomerCodec;
import io.slawatch.core.customer.Customer;
import io.slawatch.service.customer.CustomerProjection;
import io.slawatch.timer.store.CustomerLockStore;
import io.slawatch.timer.store.TicketStore;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Materializes {@code customer.events.v1} (every version with the instant it took effect; the
 * newest is the customer's current record) and, when a customer's plan, zone or calendar changes,
 * recomputes the deadlines of that customer's tickets that still have pending timers:
 * incrementally, not a rebuild of everything, and from the change on, never back-dated.
 */
@ApplicationScoped
public class CustomerEventConsumer {
  private static final Logger LOG = Logger.getLogger(CustomerEventConsumer.class);

  private final Pool pool;
  private final CustomerProjection projection;
  private final TimerScheduler scheduler;
  private final EngagementScheduler engagements;
  private final TicketStore ticketStore;
  private final CustomerLockStore locks;

  CustomerEventConsumer(
      Pool pool,
      CustomerProjection projection,
      TimerScheduler scheduler,
      EngagementScheduler engagements,
      TicketStore ticketStore,
      CustomerLockStore locks) {
    this.pool = pool;
    this.projection = projection;
    this.scheduler = scheduler;
    this.engagements = engagements;
    this.ticketStore = ticketStore;
    this.locks = locks;
  }

  @Incoming("customer-events")
  public Uni<Void> consume(String event) {
    Optional<CustomerCodec.Upsert.Valid> decoded = projection.decode(event);
    if (decoded.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    Customer customer = decoded.get().customer();
    long version = decoded.get().version();
    return Uni.createFrom()
        .deferred(() -> apply(decoded.get(), customer, version, event))
        .onFailure()
        .invoke(
            failure ->
                LOG.warnf(
                    "customer %s v%d could not be applied (%s): trying again",
                    customer.id(), version, failure.toString()))
        .onFailure()
        .retry()
        .withBackOff(TicketEventConsumer.RETRY_FIRST, TicketEventConsumer.RETRY_MAX)
        .atMost(TicketEventConsumer.RETRIES);
  }

  /** One transaction: the projection, then the customer's open tickets recomputed. */
  private Uni<Void> apply(
      CustomerCodec.Upsert.Valid decoded, Customer customer, long version, String event) {
    return pool.withTransaction(
        conn ->
            locks
                .exclusive(conn, customer.id().value())
                .flatMap(locked -> projection.apply(conn, decoded, event))
                .flatMap(
                    changed -> {
                      if (!changed) {
                        return Uni.createFrom().voidItem();
                      }
                      return ticketStore
                          .withPendingTimers(conn, customer.id().value())
                          .flatMap(
                              tickets -> {
                                LOG.infof(
                                    "customer %s v%d: recomputing %d open ticket(s)",
                                    customer.id(), version, tickets.size());
                                // a few hundred tickets per replay keeps each statement small
                                return Multi.createFrom()
                                    .iterable(chunks(tickets, RESCHEDULE_CHUNK))
                                    .onItem()
                                    .transformToUniAndConcatenate(
                                        chunk -> scheduler.reschedule(conn, chunk))
                                    .collect()
                                    .last()
                                    .replaceWithVoid();
                              })
                          .flatMap(
                              done -> engagements.rescheduleCustomer(conn, customer.id().value()));
                    }));
  }

  static final int RESCHEDULE_CHUNK = 500;

  static <T> List<List<T>> chunks(List<T> all, int size) {
    List<List<T>> chunks = new ArrayList<>();
    for (int from = 0; from < all.size(); from += size) {
      chunks.add(all.subList(from, Math.min(all.size(), from + size)));
    }
    return chunks;
  }
}
