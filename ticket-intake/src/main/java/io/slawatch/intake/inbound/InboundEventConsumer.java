package io.slawatch.intake.inbound;

import io.slawatch.contract.json.EngagementEventCodec;
import io.slawatch.contract.json.Violation;
import io.slawatch.core.engagement.EngagementEvent;
import io.slawatch.core.event.TicketEvent;
import io.slawatch.intake.api.EventDecoder;
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
 * Helpdesks that publish straight to Kafka write CloudEvents to {@code ticket.inbound.v1}: ticket
 * events and engagement events ({@code engagement.*}), as the events API takes them. A poll at a
 * time ({@code batch=true}), each record is validated like an HTTP request (a remote engagement's
 * booking against its kind, from its purchase in the poll or accepted before): the valid ones are
 * stored and published once in one transaction, like an HTTP batch (a duplicate is dropped); an
 * invalid one goes to {@code ticket.inbound.dlq.v1} with the reason in its headers, and the
 * consumer goes on. When PostgreSQL or Kafka is away the poll is retried, never dead-lettered; its
 * offsets are committed only once it was stored and its dead letters sent.
 */
@ApplicationScoped
public class InboundEventConsumer {
  private static final Logger LOG = Logger.getLogger(InboundEventConsumer.class);

  private final EventDecoder decoder;
  private final EngagementEventCodec engagementCodec;
  private final EventLog eventLog;
  private final MutinyEmitter<String> deadLetters;
  private final IntakeMetrics metrics;

  InboundEventConsumer(
      EventDecoder decoder,
      EngagementEventCodec engagementCodec,
      EventLog eventLog,
      @Channel("ticket-inbound-dlq")
          @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
          MutinyEmitter<String> deadLetters,
      IntakeMetrics metrics) {
    this.decoder = decoder;
    this.engagementCodec = engagementCodec;
    this.eventLog = eventLog;
    this.deadLetters = deadLetters;
    this.metrics = metrics;
  }

  /** The valid events of a poll that came with one trace context. */
  private record Group(List<TicketEvent> tickets, List<EngagementEvent> engagements) {
    Group() {
      this(new ArrayList<>(), new ArrayList<>());
    }

    int size() {
      return tickets.size() + engagements.size();
    }
  }

  /** An engagement event as it came, to be judged once its engagement's kind is known. */
  private record Engagement(
      ConsumerRecord<String, String> record, String payload, EngagementEvent event) {}

  @Incoming("ticket-inbound")
  public Uni<Void> consume(ConsumerRecords<String, String> records) {
    // valid events by the trace context they came with (usually one group: none, or one producer's)
    Map<String, Group> valid = new LinkedHashMap<>();
    List<Engagement> engagements = new ArrayList<>();
    List<Uni<Void>> dead = new ArrayList<>();
    for (ConsumerRecord<String, String> record : records) {
      String payload = record.value() == null ? "" : record.value();
      switch (decoder.decode(payload.getBytes(StandardCharsets.UTF_8))) {
        case EventDecoder.Decoded.Invalid invalid ->
            dead.add(deadLetter(record, payload, invalid.violations()));
        case EventDecoder.Decoded.Ticket ticket ->
            valid
                .computeIfAbsent(Tracing.traceparent(record.headers()), t -> new Group())
                .tickets()
                .add(ticket.event());
        case EventDecoder.Decoded.Engagement engagement ->
            engagements.add(new Engagement(record, payload, engagement.event()));
      }
    }
    Uni<Void> judged =
        engagements.isEmpty()
            ? Uni.createFrom().voidItem()
            : retried(
                    () ->
                        eventLog.engagementKinds(
                            engagements.stream().map(Engagement::event).toList()),
                    "look up the kinds of " + engagements.size() + " inbound engagement event(s)")
                .invoke(
                    kinds -> {
                      // a booking of a remote engagement that is not whole 4-hour blocks is
                      // refused, as over HTTP
                      for (Engagement engagement : engagements) {
                        List<Violation> violations =
                            engagementCodec.check(
                                engagement.event(), EventLog.kindOf(kinds, engagement.event()));
                        if (violations.isEmpty()) {
                          valid
                              .computeIfAbsent(
                                  Tracing.traceparent(engagement.record().headers()),
                                  t -> new Group())
                              .engagements()
                              .add(engagement.event());
                        } else {
                          dead.add(
                              deadLetter(engagement.record(), engagement.payload(), violations));
                        }
                      }
                    })
                .replaceWithVoid();
    return judged
        .chain(
            () ->
                dead.isEmpty()
                    ? Uni.createFrom().voidItem()
                    : Uni.join().all(dead).andFailFast().replaceWithVoid())
        .chain(() -> storeAll(new ArrayList<>(valid.entrySet()), 0));
  }

  /** The groups in order, one transaction each. */
  private Uni<Void> storeAll(List<Map.Entry<String, Group>> groups, int next) {
    if (next == groups.size()) {
      return Uni.createFrom().voidItem();
    }
    var group = groups.get(next);
    return store(group.getValue(), group.getKey()).chain(() -> storeAll(groups, next + 1));
  }

  private Uni<Void> store(Group group, String traceparent) {
    return retried(
            () -> eventLog.acceptAll(group.tickets(), group.engagements(), traceparent),
            "store " + group.size() + " inbound event(s)")
        .replaceWithVoid();
  }

  /** The operation, tried again with backoff while PostgreSQL or Kafka is away. */
  private static <T> Uni<T> retried(
      java.util.function.Supplier<Uni<? extends T>> operation, String what) {
    return Uni.createFrom()
        .deferred(operation)
        .onFailure()
        .invoke(failure -> LOG.warnf(failure, "cannot %s yet, retrying", what))
        .onFailure()
        .retry()
        .withBackOff(Duration.ofMillis(500), Duration.ofSeconds(30))
        .indefinitely();
  }

  /** The record as it came, keyed as it came, with where it came from and why it was refused. */
  private Uni<Void> deadLetter(
      ConsumerRecord<String, String> record, String payload, List<Violation> violations) {
    LOG.warnf("dead-lettering an invalid inbound event: %s", violations);
    String reason = Violation.text(violations);
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
