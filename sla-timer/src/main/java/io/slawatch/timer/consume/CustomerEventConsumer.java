package io.slawatch.timer.consume;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slawatch.core.customer.Customer;
import io.slawatch.timer.customer.CustomerDirectory;
import io.slawatch.timer.store.TicketStore;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
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
  private final CustomerDirectory directory;
  private final TimerScheduler scheduler;
  private final TicketStore ticketStore;
  private final ObjectMapper mapper;
  private final Clock clock;

  CustomerEventConsumer(
      Pool pool,
      CustomerDirectory directory,
      TimerScheduler scheduler,
      TicketStore ticketStore,
      ObjectMapper mapper,
      Clock clock) {
    this.pool = pool;
    this.directory = directory;
    this.scheduler = scheduler;
    this.ticketStore = ticketStore;
    this.mapper = mapper;
    this.clock = clock;
  }

  @Incoming("customer-events")
  public Uni<Void> consume(String event) {
    Optional<Customer> decoded = directory.decode(event);
    if (decoded.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    Customer customer = decoded.get();
    Envelope envelope = envelope(event);
    long version = envelope.version();
    return pool.withTransaction(
        conn ->
            conn.preparedQuery(CustomerDirectory.LOCK_EXCLUSIVE)
                .execute(Tuple.of(customer.id().value()))
                .flatMap(
                    locked ->
                        conn.preparedQuery(
                                "insert into customer_version (id, version, effective_at, body)"
                                    + " values ($1, $2, $3, $4) on conflict do nothing")
                            .execute(
                                Tuple.of(
                                    customer.id().value(),
                                    version,
                                    OffsetDateTime.ofInstant(envelope.time(), ZoneOffset.UTC),
                                    event)))
                .flatMap(
                    stored ->
                        conn.preparedQuery(
                                "insert into customer (id, version, body) values ($1, $2, $3)"
                                    + " on conflict (id) do update set version = excluded.version,"
                                    + " body = excluded.body"
                                    + " where customer.version < excluded.version returning id")
                            .execute(Tuple.of(customer.id().value(), version, event)))
                .flatMap(
                    changed -> {
                      if (changed.size() == 0) {
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

  /**
   * The version (the suffix of the event id, {@code <customer>/<version>}) and the instant the
   * change took effect (the event's {@code time}; when absent, now).
   */
  record Envelope(long version, Instant time) {}

  Envelope envelope(String event) {
    try {
      JsonNode node = mapper.readTree(event);
      String id = node.path("id").asText("");
      int slash = id.lastIndexOf('/');
      long version = 0;
      if (slash >= 0 && id.substring(slash + 1).matches("\\d{1,18}")) {
        version = Long.parseLong(id.substring(slash + 1));
      }
      Instant time = clock.instant();
      if (node.hasNonNull("time")) {
        try {
          time = OffsetDateTime.parse(node.get("time").asText()).toInstant();
        } catch (DateTimeParseException e) {
          LOG.warnf("customer event %s has an unreadable time: taken as now", id);
        }
      }
      return new Envelope(version, time);
    } catch (JsonProcessingException e) {
      return new Envelope(0, clock.instant());
    }
  }
}
