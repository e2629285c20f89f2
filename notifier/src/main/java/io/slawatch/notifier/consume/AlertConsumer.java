package io.slawatch.notifier.consume;

import io.slawatch.contract.json.SlaAlertCodec;
import io.slawatch.core.alert.SlaAlert;
import io.slawatch.notifier.channel.AlertChannel;
import io.slawatch.notifier.channel.Notification;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Delivers every alert of {@code sla.alerts.v1} to each enabled channel once: a channel that
 * already handled an alert id (a re-fire, a redelivery) is skipped. The offset is committed after
 * every channel is done.
 */
@ApplicationScoped
public class AlertConsumer {
  private static final Logger LOG = Logger.getLogger(AlertConsumer.class);

  private final SlaAlertCodec codec;
  private final Pool pool;
  private final List<AlertChannel> channels;
  private final Clock clock;
  private final io.micrometer.core.instrument.MeterRegistry registry;

  AlertConsumer(
      SlaAlertCodec codec,
      Pool pool,
      Instance<AlertChannel> channels,
      Clock clock,
      io.micrometer.core.instrument.MeterRegistry registry) {
    this.codec = codec;
    this.pool = pool;
    this.channels = channels.stream().filter(AlertChannel::enabled).toList();
    this.clock = clock;
    this.registry = registry;
    LOG.infof("alert channels: %s", this.channels.stream().map(AlertChannel::name).toList());
  }

  @Incoming("sla-alerts")
  public Uni<Void> consume(String payload) {
    SlaAlert alert;
    try {
      alert = codec.decode(payload.getBytes(StandardCharsets.UTF_8));
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      LOG.errorf("skipping a malformed alert %s: %s", payload, e.getMessage());
      return Uni.createFrom().voidItem();
    }
    return Multi.createFrom()
        .iterable(channels)
        .onItem()
        .transformToUniAndConcatenate(channel -> deliverOnce(channel, alert, payload))
        .collect()
        .last()
        .replaceWithVoid();
  }

  private Uni<Void> deliverOnce(AlertChannel channel, SlaAlert alert, String payload) {
    return pool.preparedQuery("select 1 from delivery where alert_id = $1 and channel = $2")
        .execute(Tuple.of(alert.id(), channel.name()))
        .flatMap(
            rows -> {
              if (rows.size() > 0) {
                LOG.debugf("%s already handled %s", channel.name(), alert.id());
                return Uni.createFrom().voidItem();
              }
              return channel
                  .deliver(Notification.of(alert, payload, channel.name()))
                  .flatMap(attempts -> record(alert, channel, "delivered", attempts, null))
                  .onFailure()
                  .recoverWithUni(
                      failure -> {
                        LOG.errorf(
                            "could not deliver %s to %s: %s",
                            alert.id(), channel.name(), failure.getMessage());
                        return record(alert, channel, "failed", -1, failure.getMessage());
                      });
            });
  }

  private Uni<Void> record(
      SlaAlert alert, AlertChannel channel, String status, int attempts, String detail) {
    io.micrometer.core.instrument.Counter.builder("slawatch_notifications")
        .description("Alert deliveries by channel and outcome")
        .tag("channel", channel.name())
        .tag("outcome", status)
        .register(registry)
        .increment();
    if (status.equals("delivered")) {
      io.micrometer.core.instrument.Timer.builder("slawatch_notification_delivery")
          .description("From the alert's firing instant to its delivery")
          .tag("channel", channel.name())
          .publishPercentileHistogram()
          .minimumExpectedValue(java.time.Duration.ofMillis(1))
          .maximumExpectedValue(java.time.Duration.ofMinutes(10))
          .register(registry)
          .record(java.time.Duration.between(alert.firedAt(), clock.instant()).abs());
    }
    return pool.preparedQuery(
            "insert into delivery (alert_id, channel, status, attempts, detail, handled_at)"
                + " values ($1, $2, $3, $4, $5, $6) on conflict do nothing")
        .execute(
            Tuple.from(
                new Object[] {
                  alert.id(),
                  channel.name(),
                  status,
                  attempts,
                  detail,
                  OffsetDateTime.now(clock.withZone(ZoneOffset.UTC))
                }))
        .replaceWithVoid();
  }
}
