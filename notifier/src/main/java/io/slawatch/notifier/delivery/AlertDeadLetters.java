package io.slawatch.notifier.delivery;

import io.slawatch.core.alert.SlaAlert;
import io.slawatch.notifier.metrics.NotifierMetrics;
import io.slawatch.service.messaging.DeadLetters;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * {@code sla.alerts.dlq.v1}: the alerts a channel could not take after its retries, as received,
 * keyed by ticket, with why and for whom ({@code dead-letter-reason}, {@code -target}, {@code
 * -channel}).
 */
@ApplicationScoped
public class AlertDeadLetters {
  private static final Logger LOG = Logger.getLogger(AlertDeadLetters.class);

  private final MutinyEmitter<String> emitter;
  private final NotifierMetrics metrics;

  AlertDeadLetters(
      @Channel("alerts-dead-letter")
          @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
          MutinyEmitter<String> emitter,
      NotifierMetrics metrics) {
    this.emitter = emitter;
    this.metrics = metrics;
  }

  /** Sends the alert; completes when Kafka acknowledged it, fails (logged, counted) when not. */
  public Uni<Void> send(
      SlaAlert alert, String cloudEvent, String target, String channel, String reason) {
    RecordHeaders headers = new RecordHeaders();
    headers.add("dead-letter-reason", String.valueOf(reason).getBytes(StandardCharsets.UTF_8));
    headers.add("dead-letter-target", target.getBytes(StandardCharsets.UTF_8));
    headers.add("dead-letter-channel", channel.getBytes(StandardCharsets.UTF_8));
    return emitter
        .sendMessage(
            Message.of(cloudEvent)
                .addMetadata(
                    OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(alert.ticket().value())
                        .withHeaders(headers)
                        .build()))
        .invoke(sent -> metrics.deadLettered(channel))
        .onFailure()
        .invoke(
            failure -> {
              metrics.failure("dead_letter");
              LOG.errorf(
                  failure, "could not dead-letter %s for %s (%s)", alert.id(), target, channel);
            });
  }

  /**
   * Sends a record of {@code sla.alerts.v1} that is no alert (a tombstone, broken JSON, a missing
   * field) as it came, with why and where it came from ({@code dead-letter-reason}, {@code -topic},
   * {@code -partition}, {@code -offset}); completes when Kafka acknowledged it.
   */
  public Uni<Void> sendUnreadable(ConsumerRecord<String, String> record, String reason) {
    return emitter
        .sendMessage(
            Message.of(record.value())
                .addMetadata(
                    OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(record.key())
                        .withHeaders(DeadLetters.headers(record, reason))
                        .build()))
        .invoke(sent -> metrics.deadLettered("unreadable"))
        .onFailure()
        .invoke(
            failure -> {
              metrics.failure("dead_letter");
              LOG.errorf(
                  failure,
                  "could not dead-letter the record %s-%d@%d",
                  record.topic(),
                  record.partition(),
                  record.offset());
            });
  }
}
