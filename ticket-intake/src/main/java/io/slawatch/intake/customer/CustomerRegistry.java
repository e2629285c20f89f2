package io.slawatch.intake.customer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slawatch.contract.json.CustomerCodec;
import io.slawatch.core.customer.Customer;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Keeps the latest record of each customer and publishes every change to the compacted {@code
 * customer.events.v1} (key = customer id), in one transaction committed after Kafka's ack.
 */
@ApplicationScoped
public class CustomerRegistry {
  private final Pool pool;
  private final MutinyEmitter<String> customerEvents;
  private final CustomerCodec codec;
  private final ObjectMapper mapper;
  private final Clock clock;

  CustomerRegistry(
      Pool pool,
      @Channel("customer-events") MutinyEmitter<String> customerEvents,
      CustomerCodec codec,
      ObjectMapper mapper,
      Clock clock) {
    this.pool = pool;
    this.customerEvents = customerEvents;
    this.codec = codec;
    this.mapper = mapper;
    this.clock = clock;
  }

  /** What a write did. */
  public enum Outcome {
    CREATED,
    UPDATED,
    ALREADY_EXISTS
  }

  /** Stores the customer: {@code createOnly} refuses to replace an existing one. */
  public Uni<Outcome> save(Customer customer, boolean createOnly) {
    String body = codec.toJson(customer).toString();
    OffsetDateTime now = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
    String upsert =
        "insert into customer (id, body, version, updated_at) values ($1, $2::text::jsonb, 1, $3)"
            + (createOnly
                ? " on conflict (id) do nothing"
                : " on conflict (id) do update set body = excluded.body,"
                    + " version = customer.version + 1, updated_at = excluded.updated_at")
            + " returning version";
    return pool.withTransaction(
        conn ->
            conn.preparedQuery(upsert)
                .execute(Tuple.of(customer.id().value(), body, now))
                .flatMap(
                    rows -> {
                      if (rows.size() == 0) {
                        return Uni.createFrom().item(Outcome.ALREADY_EXISTS);
                      }
                      long version = rows.iterator().next().getLong(0);
                      return publish(customer, version, now)
                          .replaceWith(version == 1 ? Outcome.CREATED : Outcome.UPDATED);
                    }));
  }

  private Uni<Void> publish(Customer customer, long version, OffsetDateTime at) {
    String event =
        new String(codec.encodeEvent(customer, version, at.toInstant()), StandardCharsets.UTF_8);
    return customerEvents.sendMessage(
        Message.of(event)
            .addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder()
                    .withKey(customer.id().value())
                    .build()));
  }

  public Uni<Optional<JsonNode>> find(String id) {
    return pool.preparedQuery("select body::text from customer where id = $1")
        .execute(Tuple.of(id))
        .map(
            rows ->
                rows.size() == 0 ? Optional.empty() : Optional.of(json(rows.iterator().next())));
  }

  /** Customers in id order, after {@code after} (exclusive), at most {@code limit}. */
  public Uni<List<JsonNode>> list(String after, int limit) {
    return pool.preparedQuery("select body::text from customer where id > $1 order by id limit $2")
        .execute(Tuple.of(after, limit))
        .map(
            rows -> {
              List<JsonNode> customers = new ArrayList<>(rows.size());
              rows.forEach(row -> customers.add(json(row)));
              return customers;
            });
  }

  private JsonNode json(Row row) {
    try {
      return mapper.readTree(row.getString(0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
