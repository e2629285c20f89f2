package io.slawatch.intake.customer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.slawatch.contract.json.CustomerCodec;
import io.slawatch.core.customer.Customer;
import io.slawatch.intake.metrics.IntakeMetrics;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
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
  private final CustomerStore store;
  private final MutinyEmitter<String> customerEvents;
  private final CustomerCodec codec;
  // a field the record does not know is an error, never dropped from the answer
  private final ObjectReader documents;
  private final Clock clock;
  private final IntakeMetrics metrics;

  CustomerRegistry(
      CustomerStore store,
      @Channel("customer-events") MutinyEmitter<String> customerEvents,
      CustomerCodec codec,
      ObjectMapper mapper,
      Clock clock,
      IntakeMetrics metrics) {
    this.store = store;
    this.customerEvents = customerEvents;
    this.codec = codec;
    this.documents = CustomerDocument.reader(mapper);
    this.clock = clock;
    this.metrics = metrics;
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
    Instant now = clock.instant();
    return store
        .save(
            customer.id().value(),
            body,
            now,
            createOnly,
            version ->
                publish(customer, version, now)
                    .replaceWith(version == 1 ? Outcome.CREATED : Outcome.UPDATED))
        .map(saved -> saved.orElse(Outcome.ALREADY_EXISTS))
        .onFailure()
        .invoke(failure -> metrics.failed(IntakeMetrics.SAVE_CUSTOMER));
  }

  private Uni<Void> publish(Customer customer, long version, Instant at) {
    String event = new String(codec.encodeEvent(customer, version, at), StandardCharsets.UTF_8);
    return customerEvents.sendMessage(
        Message.of(event)
            .addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder()
                    .withKey(customer.id().value())
                    .build()));
  }

  /** The customer as the API shows it. */
  public CustomerDocument document(Customer customer) {
    return document(codec.toJson(customer));
  }

  public Uni<Optional<CustomerDocument>> find(String id) {
    return store.find(id).map(found -> found.map(this::document));
  }

  /** Customers in id order, after {@code after} (exclusive), at most {@code limit}. */
  public Uni<List<CustomerDocument>> list(String after, int limit) {
    return store.list(after, limit).map(bodies -> bodies.stream().map(this::document).toList());
  }

  private CustomerDocument document(String body) {
    try {
      return documents.readValue(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private CustomerDocument document(JsonNode json) {
    try {
      return documents.readValue(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
