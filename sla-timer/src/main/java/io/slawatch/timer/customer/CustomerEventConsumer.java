package io.slawatch.timer.customer;

import io.slawatch.core.customer.Customer;
import io.slawatch.timer.consume.TimerScheduler;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Materializes {@code customer.events.v1} (the newest version of each customer wins) and, when a
 * customer's plan, zone or calendar changes, recomputes the deadlines of that customer's tickets
 * that still have pending timers: incrementally, not a rebuild of everything.
 */
@ApplicationScoped
public class CustomerEventConsumer {
  private static final Logger LOG = Logger.getLogger(CustomerEventConsumer.class);

  private final Pool pool;
  private final CustomerDirectory directory;
  private final TimerScheduler scheduler;

  CustomerEventConsumer(Pool pool, CustomerDirectory directory, TimerScheduler scheduler) {
    this.pool = pool;
    this.directory = directory;
    this.scheduler = scheduler;
  }

  @Incoming("customer-events")
  public Uni<Void> consume(String event) {
    Optional<Customer> decoded = directory.decode(event);
    if (decoded.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    Customer customer = decoded.get();
    long version = version(event);
    return pool.withTransaction(
        conn ->
            conn.preparedQuery(
                    "insert into customer (id, version, body) values ($1, $2, $3)"
                        + " on conflict (id) do update set version = excluded.version,"
                        + " body = excluded.body where customer.version < excluded.version"
                        + " returning id")
                .execute(Tuple.of(customer.id().value(), version, event))
                .flatMap(
                    changed -> {
                      if (changed.size() == 0) {
                        return Uni.createFrom().voidItem();
                      }
                      return conn.preparedQuery(
                              "select ticket_id from ticket where customer_id = $1 and exists"
                                  + " (select 1 from timer where timer.ticket_id = ticket.ticket_id)")
                          .execute(Tuple.of(customer.id().value()))
                          .flatMap(
                              rows -> {
                                List<String> tickets = new ArrayList<>();
                                for (Row row : rows) {
                                  tickets.add(row.getString(0));
                                }
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
                              });
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

  /** The version is the suffix of the event id ({@code <customer>/<version>}). */
  static long version(String event) {
    java.util.regex.Matcher id =
        java.util.regex.Pattern.compile("\"id\"\\s*:\\s*\"[^\"]*/(\\d+)\"").matcher(event);
    return id.find() ? Long.parseLong(id.group(1)) : 0;
  }
}
