package io.slawatch.timer.consume;

import io.slawatch.contract.json.Decoding;
import io.slawatch.contract.json.TicketEventCodec;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Applies every event of {@code ticket.events.v1} to its ticket's timers. One transaction per
 * message; the offset is committed only after it; a redelivered event changes nothing.
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

  @Incoming("ticket-events")
  public Uni<Void> consume(String payload) {
    return switch (codec.decode(payload.getBytes(StandardCharsets.UTF_8))) {
      case Decoding.Valid valid -> scheduler.apply(valid.event());
      case Decoding.Invalid invalid -> {
        // intake validated it: this is a contract bug upstream; keep the stream moving, loudly
        LOG.errorf("skipping an invalid ticket event %s: %s", payload, invalid.violations());
        yield Uni.createFrom().voidItem();
      }
    };
  }
}
