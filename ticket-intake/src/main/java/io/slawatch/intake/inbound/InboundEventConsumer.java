package io.slawatch.intake.inbound;

import io.slawatch.contract.json.Decoding;
import io.slawatch.contract.json.TicketEventCodec;
import io.slawatch.contract.json.Violation;
import io.slawatch.core.event.TicketEvent;
import io.slawatch.intake.metrics.IntakeMetrics;
import io.slawatch.intake.publish.EventLog;
import io.slawatch.service.messaging.DeadLetters;
import io.slawatch.service.tracing.Tracing;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Helpdesks that publish straight to Kafka write CloudEvents to {@code ticket.inbound.v1}. A poll
 * at a time ({@code batch=true}), each record is validated like an HTTP request: the valid ones are
 * stored and published once in one transaction, like an HTTP batch (a duplicate is dropped); an
 * invalid one goes to {@code ticket.inbound.dlq.v1} with the reason in its headers, and the
 * consumer goes on. When PostgreSQL or Kafka is away the poll is retried, never dead-lettered; its
 * offsets are committed only once it was stored and its dead letters sent.
 */
@ApplicationScoped
public class InboundEventConsumer {
  private static final Logger LOG = Logger.getLogger(InboundEventConsumer.class);

  private final TicketEventCodec codec;
  private final EventLog eventLog;
  private final MutinyEmitter<String> deadLetters;
  private final IntakeMetrics metrics;

  InboundEventConsumer(
      TicketEventCodec codec,
      EventLog eventLog,
      @Channel("ticket-inbound-dlq")
          @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
          MutinyEmitter<String> deadLetters,
      IntakeMetrics metrics) {
    this.codec = codec;
    this.eventLog = eventLog;
    this.deadLetters = deadLetters;
    this.metrics = metrics;
  }

  @Incoming("ticket-inbound")
  public Uni<Void> consume(ConsumerRecords<String, String> records) {
    // valid events by the trace context they came with (usually one group: none, or one producer's)
    Map<String, List<TicketEvent>> valid = new LinkedHashMap<>();
    List<Uni<Void>> dead = new ArrayList<>();
    for (ConsumerRecord<String, String> record : records) {
      String payload = record.value() == null ? "" : record.value();
      switch (codec.decode(payload.getBytes(StandardCharsets.UTF_8))) {
        case Decoding.Invalid invalid -> {
          LOG.warnf("dead-lettering an invalid inbound event: %s", invalid.violations());
          dead.add(deadLetter(record, payload, Violation.text(invalid.violations())));
        }
        case Decoding.Valid v ->
            valid
                .computeIfAbsent(Tracing.traceparent(record.headers()), t -> new ArrayList<>())
                .add(v.event());
      }
    }
    Uni<Void> deadLettered =
        dead.isEmpty()
            ? Uni.createFrom().voidItem()
            : Uni.join().all(dead).andFailFast().replaceWithVoid();
    return deadLettered.chain(() -> storeAll(new ArrayList<>(valid.entrySet()), 0));
  }

  /** The groups in order, one transaction each. */
  private Uni<Void> storeAll(List<Map.Entry<String, List<TicketEvent>>> groups, int next) {
    if (next == groups.size()) {
      return Uni.createFrom().voidItem();
    }
    var group = groups.get(next);
    return store(group.getValue(), group.getKey()).chain(() -> storeAll(groups, next + 1));
  }

  private Uni<Void> store(List<TicketEvent> events, String traceparent) {
    return Uni.createFrom()
        .deferred(() -> eventLog.acceptAll(events, traceparent))
        .onFailure()
        .invoke(
            failure ->
                LOG.warnf(failure, "cannot store %d inbound event(s) yet, retrying", events.size()))
        .onFailure()
        .retry()
        .withBackOff(Duration.ofMillis(500), Duration.ofSeconds(30))
        .indefinitely()
        .replaceWithVoid();
  }

  /** The record as it came, keyed as it came, with where it came from and why it was refused. */
  private Uni<Void> deadLetter(
      ConsumerRecord<String, String> record, String payload, String reason) {
    var headers = DeadLetters.headers(record, reason);
    var metadata = OutgoingKafkaRecordMetadata.<String>builder().withHeaders(headers);
    if (record.key() != null) {
      metadata.withKey(record.key());
    }
    return Uni.createFrom()
        .deferred(() -> deadLetters.sendMessage(Message.of(payload).addMetadata(metadata.build())))
        .onFailure()
        .invoke(
            failure -> {
              metrics.failed(IntakeMetrics.DEAD_LETTER);
              LOG.warnf(
                  failure,
                  "cannot dead-letter the inbound record %s-%d@%d yet, retrying",
                  record.topic(),
                  record.partition(),
                  record.offset());
            })
        .onFailure()
        .retry()
        .withBackOff(Duration.ofMillis(500), Duration.ofSeconds(30))
        .indefinitely();
  }
}
