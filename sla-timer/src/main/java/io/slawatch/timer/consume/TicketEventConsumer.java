package io.slawatch.timer.consume;

import io.slawatch.contract.json.Decoding;
import io.slawatch.contract.json.TicketEventCodec;
import io.slawatch.core.event.TicketEvent;
import io.slawatch.service.tracing.Tracing;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Applies every event of {@code ticket.events.v1} to its ticket's timers, a poll's worth at a time;
 * a redelivered event changes nothing.
 */
@ApplicationScoped
public class TicketEventConsumer {
  private static final Logger LOG = Logger.getLogger(TicketEventConsumer.class);

  private final TicketEventCodec codec;
  private final TimerScheduler scheduler;

  TicketEventConsumer(TicketEventCodec codec, TimerScheduler scheduler) {
    this.codec = codec;
    this.scheduler = scheduler;
  }

  /**
   * One Kafka poll at a time ({@code batch=true}): the valid events are applied in one transaction;
   * the poll's offsets are committed only after it.
   */
  @Incoming("ticket-events")
  public Uni<Void> consume(ConsumerRecords<String, String> records) {
    List<TicketEvent> valid = new ArrayList<>(records.count());
    Map<String, String> traces = new HashMap<>();
    for (ConsumerRecord<String, String> record : records) {
      String payload = record.value();
      switch (codec.decode(payload.getBytes(StandardCharsets.UTF_8))) {
        case Decoding.Valid v -> {
          valid.add(v.event());
          String trace = Tracing.traceparent(record.headers());
          if (trace != null) {
            // the ticket's latest event in the poll: its timers continue that trace
            traces.put(v.event().ticket().value(), trace);
          }
        }
        case Decoding.Invalid invalid ->
            // intake validated it: this is a contract bug upstream; keep the stream moving, loudly
            LOG.errorf("skipping an invalid ticket event %s: %s", payload, invalid.violations());
      }
    }
    return scheduler.applyAll(valid, traces);
  }
}
