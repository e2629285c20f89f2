package io.slawatch.timer.consume;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slawatch.contract.json.Decoding;
import io.slawatch.contract.json.EngagementDecoding;
import io.slawatch.contract.json.EngagementEventCodec;
import io.slawatch.contract.json.Limits;
import io.slawatch.contract.json.TicketEventCodec;
import io.slawatch.contract.json.Violation;
import io.slawatch.core.engagement.EngagementEvent;
import io.slawatch.core.event.TicketEvent;
import io.slawatch.service.messaging.DeadLetters;
import io.slawatch.service.tracing.Tracing;
import io.slawatch.timer.metrics.TimerMetrics;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
 * Applies every event of {@code ticket.events.v1} to its ticket's timers, a poll's worth at a time;
 * a redelivered event changes nothing. Engagement events ({@code engagement.*}, keyed by the
 * engagement id) travel the same topic and are applied to their engagement's timers ({@link
 * EngagementScheduler}). A record that is not a valid ticket event (intake validates what it
 * publishes, so this is a producer's bug) goes to {@code ticket.events.dlq.v1} with the reason in
 * its headers, is counted, and the consumer goes on. A poll that cannot be applied because
 * PostgreSQL is away is applied again with backoff, for about five minutes.
 */
@ApplicationScoped
public class TicketEventConsumer {
  private static final Logger LOG = Logger.getLogger(TicketEventConsumer.class);

  private final TicketEventCodec codec;
  private final EngagementEventCodec engagementCodec;
  private final ObjectMapper mapper;
  private final TimerScheduler scheduler;
  private final EngagementScheduler engagements;
  private final MutinyEmitter<String> deadLetters;
  private final TimerMetrics metrics;

  TicketEventConsumer(
      TicketEventCodec codec,
      EngagementEventCodec engagementCodec,
      ObjectMapper mapper,
      TimerScheduler scheduler,
      EngagementScheduler engagements,
      @Channel("ticket-events-dlq")
          @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
          MutinyEmitter<String> deadLetters,
      TimerMetrics metrics) {
    this.codec = codec;
    this.engagementCodec = engagementCodec;
    this.mapper = mapper;
    this.scheduler = scheduler;
    this.engagements = engagements;
    this.deadLetters = deadLetters;
    this.metrics = metrics;
  }

  /**
   * One Kafka poll at a time ({@code batch=true}): the valid events are applied in one transaction;
   * the poll's offsets are committed only after it.
   */
  @Incoming("ticket-events")
  public Uni<Void> consume(ConsumerRecords<String, String> records) {
    List<TicketEvent> valid = new ArrayList<>(records.count());
    List<EngagementEvent> validEngagements = new ArrayList<>();
    Map<String, String> traces = new HashMap<>();
    Map<String, String> engagementTraces = new HashMap<>();
    List<Uni<Void>> dead = new ArrayList<>();
    for (ConsumerRecord<String, String> record : records) {
      String payload = record.value() == null ? "" : record.value();
      String trace = Tracing.traceparent(record.headers());
      List<Violation> refused;
      switch (decode(payload)) {
        case Decoded.Ticket t -> {
          valid.add(t.event());
          if (trace != null) {
            // the ticket's latest event in the poll: its timers continue that trace
            traces.put(t.event().ticket().value(), trace);
          }
          continue;
        }
        case Decoded.Engagement e -> {
          validEngagements.add(e.event());
          if (trace != null) {
            engagementTraces.put(e.event().engagement().value(), trace);
          }
          continue;
        }
        case Decoded.Invalid invalid -> refused = invalid.violations();
      }
      // intake validated it: a contract bug upstream; keep the stream moving, loudly
      String reason = Violation.text(refused);
      LOG.errorf(
          "dead-lettering an invalid ticket event (%s-%d@%d): %s",
          record.topic(), record.partition(), record.offset(), reason);
      metrics.deadLettered();
      dead.add(deadLetter(record, payload, reason));
    }
    Uni<Void> deadLettered =
        dead.isEmpty()
            ? Uni.createFrom().voidItem()
            : Uni.join().all(dead).andFailFast().replaceWithVoid();
    return deadLettered
        .chain(
            () ->
                applyRetrying(
                    () ->
                        scheduler
                            .applyAll(valid, traces)
                            .chain(() -> engagements.applyAll(validEngagements, engagementTraces))
                            .replaceWithVoid(),
                    records.count()))
        .onFailure()
        .invoke(
            failure -> {
              LOG.errorf(
                  failure,
                  "a poll of %d ticket event(s) from %s could not be applied: not acknowledged",
                  records.count(),
                  records.partitions());
              metrics.consumeFailed(TimerMetrics.TICKET_EVENTS);
            });
  }

  /** A record's event: a ticket's, an engagement's (by its type), or why it is refused. */
  private sealed interface Decoded {
    record Ticket(TicketEvent event) implements Decoded {}

    record Engagement(EngagementEvent event) implements Decoded {}

    record Invalid(List<Violation> violations) implements Decoded {}
  }

  private Decoded decode(String payload) {
    JsonNode node;
    try {
      node = mapper.readTree(payload);
    } catch (JsonProcessingException e) {
      return new Decoded.Invalid(List.of(Limits.unreadable("", e.getOriginalMessage())));
    }
    if (node != null
        && node.isObject()
        && EngagementEventCodec.isEngagementType(node.path("type").asText(""))) {
      return switch (engagementCodec.decode(node)) {
        case EngagementDecoding.Valid v -> new Decoded.Engagement(v.event());
        case EngagementDecoding.Invalid invalid -> new Decoded.Invalid(invalid.violations());
      };
    }
    return switch (codec.decode(node)) {
      case Decoding.Valid v -> new Decoded.Ticket(v.event());
      case Decoding.Invalid invalid -> new Decoded.Invalid(invalid.violations());
    };
  }

  /**
   * Applies the poll, again with backoff while PostgreSQL is away (a restart, a fail-over): each
   * attempt is a new transaction, rolled back whole when it failed, so the poll is neither lost nor
   * applied twice. Without this, the first failed transaction nacked the poll and stopped the
   * channel for good (readiness DOWN, no ticket tracked until a restart), as the fault suite's
   * database restart showed.
   */
  private Uni<Void> applyRetrying(java.util.function.Supplier<Uni<Void>> apply, int records) {
    return Uni.createFrom()
        .deferred(() -> apply.get())
        .onFailure()
        .invoke(
            failure ->
                LOG.warnf(
                    "a poll of %d ticket event(s) could not be applied (%s): trying again",
                    records, failure.toString()))
        .onFailure()
        .retry()
        .withBackOff(RETRY_FIRST, RETRY_MAX)
        .atMost(RETRIES);
  }

  /** Backoff of a poll that could not be applied: about five minutes of attempts in all. */
  static final Duration RETRY_FIRST = Duration.ofMillis(200);

  static final Duration RETRY_MAX = Duration.ofSeconds(5);
  static final int RETRIES = 60;

  /** The record as it came, keyed as it came, with where it came from and why it was refused. */
  private Uni<Void> deadLetter(
      ConsumerRecord<String, String> record, String payload, String reason) {
    var metadata =
        OutgoingKafkaRecordMetadata.<String>builder()
            .withHeaders(DeadLetters.headers(record, reason));
    if (record.key() != null) {
      metadata.withKey(record.key());
    }
    return deadLetters
        .sendMessage(Message.of(payload).addMetadata(metadata.build()))
        .onFailure()
        .retry()
        .withBackOff(Duration.ofMillis(500), Duration.ofSeconds(30))
        .atMost(20);
  }
}
