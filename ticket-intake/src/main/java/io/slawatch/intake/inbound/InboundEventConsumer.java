package io.slawatch.intake.inbound;

import io.slawatch.contract.json.Decoding;
import io.slawatch.contract.json.TicketEventCodec;
import io.slawatch.contract.json.Violation;
import io.slawatch.intake.publish.EventLog;
import io.slawatch.service.tracing.Tracing;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Helpdesks that publish straight to Kafka write CloudEvents to {@code ticket.inbound.v1}. Each
 * record is validated like an HTTP request: a valid one is stored and published once (a duplicate
 * is acknowledged and dropped); an invalid one goes to {@code ticket.inbound.dlq.v1} with the
 * reason in its headers, and the consumer goes on. When PostgreSQL or Kafka is away the record is
 * retried, never dead-lettered.
 */
@ApplicationScoped
public class InboundEventConsumer {
  private static final Logger LOG = Logger.getLogger(InboundEventConsumer.class);

  private final TicketEventCodec codec;
  private final EventLog eventLog;

  InboundEventConsumer(TicketEventCodec codec, EventLog eventLog) {
    this.codec = codec;
    this.eventLog = eventLog;
  }

  @Incoming("ticket-inbound")
  public Uni<Void> consume(Message<String> record) {
    String payload = record.getPayload() == null ? "" : record.getPayload();
    return switch (codec.decode(payload.getBytes(StandardCharsets.UTF_8))) {
      case Decoding.Invalid invalid -> {
        LOG.warnf("dead-lettering an invalid inbound event: %s", invalid.violations());
        yield Uni.createFrom()
            .completionStage(record.nack(new InvalidInboundEvent(invalid.violations())));
      }
      case Decoding.Valid valid ->
          eventLog
              .accept(valid.event(), traceparent(record))
              .onFailure()
              .invoke(
                  failure ->
                      LOG.warnf(
                          "cannot store %s yet, retrying: %s", valid.event().eventId(), failure))
              .onFailure()
              .retry()
              .withBackOff(Duration.ofMillis(500), Duration.ofSeconds(30))
              .indefinitely()
              .flatMap(accepted -> Uni.createFrom().completionStage(record.ack()));
    };
  }

  /** The W3C trace context the producer put in the record's headers, if any. */
  private static String traceparent(Message<String> record) {
    return record
        .getMetadata(IncomingKafkaRecordMetadata.class)
        .map(metadata -> metadata.getHeaders().lastHeader(Tracing.HEADER))
        .map(header -> new String(header.value(), StandardCharsets.UTF_8))
        .orElse(null);
  }

  /** The reason an inbound record was dead-lettered; its message names every offending field. */
  static final class InvalidInboundEvent extends RuntimeException {
    InvalidInboundEvent(List<Violation> violations) {
      super(
          violations.stream()
              .map(v -> (v.field().isEmpty() ? "body" : v.field()) + " " + v.message())
              .collect(Collectors.joining("; ")),
          null,
          false,
          false);
    }
  }
}
