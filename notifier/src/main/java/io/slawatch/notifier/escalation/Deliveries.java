package io.slawatch.notifier.escalation;

import io.slawatch.core.alert.SlaAlert;
import io.slawatch.notifier.ack.AckLinks;
import io.slawatch.notifier.channel.AlertChannel;
import io.slawatch.notifier.channel.Notification;
import io.slawatch.notifier.policy.CustomerFacts;
import io.slawatch.notifier.policy.Decision;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Carries out one decision of an escalation step: a target is notified at most once per alert,
 * level and round (also after a restart: the {@code delivery} table is the record), every outcome
 * goes to the audit log, and a notification that failed after the channel's retries goes to {@code
 * sla.alerts.dlq.v1}.
 */
@ApplicationScoped
public class Deliveries {
  private static final Logger LOG = Logger.getLogger(Deliveries.class);

  private final Pool pool;
  private final PolicyProducer.Channels channels;
  private final AckLinks links;
  private final NotifierMetrics metrics;
  private final MutinyEmitter<String> deadLetters;
  private final Clock clock;

  Deliveries(
      Pool pool,
      PolicyProducer.Channels channels,
      AckLinks links,
      NotifierMetrics metrics,
      @Channel("alerts-dead-letter")
          @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
          MutinyEmitter<String> deadLetters,
      Clock clock) {
    this.pool = pool;
    this.channels = channels;
    this.links = links;
    this.metrics = metrics;
    this.deadLetters = deadLetters;
    this.clock = clock;
  }

  Uni<Void> carryOut(
      SlaAlert alert,
      String cloudEvent,
      Decision decision,
      int level,
      int round,
      CustomerFacts customer) {
    return switch (decision) {
      case Decision.Skip skip -> skip(alert, skip, level, round);
      case Decision.Notify notify -> notify(alert, cloudEvent, notify, level, round, customer);
    };
  }

  private Uni<Void> skip(SlaAlert alert, Decision.Skip skip, int level, int round) {
    return record(
        alert,
        skip.target().name(),
        skip.target().channel(),
        level,
        round,
        "skipped",
        0,
        skip.reason());
  }

  private Uni<Void> notify(
      SlaAlert alert,
      String cloudEvent,
      Decision.Notify notify,
      int level,
      int round,
      CustomerFacts customer) {
    String target = notify.target().name();
    String channelName = notify.target().channel();
    AlertChannel channel = channels.byName().get(channelName);
    if (channel == null) {
      return record(alert, target, channelName, level, round, "skipped", 0, "channel not enabled");
    }
    return pool.preparedQuery(
            "select 1 from delivery where alert_id = $1 and target = $2 and level = $3"
                + " and round = $4")
        .execute(Tuple.of(alert.id(), target, level, round))
        .flatMap(
            done -> {
              if (done.size() > 0) {
                LOG.debugf("%s already had %s (level %d)", target, alert.id(), level);
                return Uni.createFrom().voidItem();
              }
              Notification notification =
                  new Notification(
                      alert,
                      cloudEvent,
                      target,
                      notify.address(),
                      customer.language(),
                      level,
                      links.forAlert(alert.id()));
              return channel
                  .deliver(notification)
                  .flatMap(
                      attempts -> {
                        metrics.delivered(
                            channelName, Duration.between(alert.firedAt(), clock.instant()));
                        return write(
                            alert, target, channelName, level, round, "delivered", attempts, null);
                      })
                  .onFailure()
                  .recoverWithUni(
                      failure -> {
                        LOG.errorf(
                            "could not deliver %s to %s (%s): %s",
                            alert.id(), target, channelName, failure.getMessage());
                        metrics.outcome(channelName, "failed");
                        return write(
                                alert,
                                target,
                                channelName,
                                level,
                                round,
                                "failed",
                                -1,
                                failure.getMessage())
                            .flatMap(
                                written ->
                                    deadLetter(
                                        alert,
                                        cloudEvent,
                                        target,
                                        channelName,
                                        failure.getMessage()));
                      });
            });
  }

  private Uni<Void> record(
      SlaAlert alert,
      String target,
      String channel,
      int level,
      int round,
      String status,
      int attempts,
      String detail) {
    metrics.outcome(channel, status);
    return write(alert, target, channel, level, round, status, attempts, detail);
  }

  private Uni<Void> write(
      SlaAlert alert,
      String target,
      String channel,
      int level,
      int round,
      String status,
      int attempts,
      String detail) {
    Instant now = clock.instant();
    return pool.withTransaction(
        conn ->
            conn.preparedQuery(
                    "insert into delivery (alert_id, target, channel, level, round, status,"
                        + " attempts, detail, handled_at)"
                        + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict do nothing")
                .execute(
                    Tuple.from(
                        new Object[] {
                          alert.id(),
                          target,
                          channel,
                          level,
                          round,
                          status,
                          attempts,
                          detail,
                          OffsetDateTime.ofInstant(now, ZoneOffset.UTC)
                        }))
                .flatMap(
                    inserted ->
                        Audit.write(
                            conn,
                            new Audit.Entry(
                                alert.id(),
                                now,
                                status,
                                target,
                                channel,
                                level,
                                round,
                                attempts,
                                detail))));
  }

  private Uni<Void> deadLetter(
      SlaAlert alert, String cloudEvent, String target, String channel, String reason) {
    RecordHeaders headers = new RecordHeaders();
    headers.add("dead-letter-reason", String.valueOf(reason).getBytes(StandardCharsets.UTF_8));
    headers.add("dead-letter-target", target.getBytes(StandardCharsets.UTF_8));
    headers.add("dead-letter-channel", channel.getBytes(StandardCharsets.UTF_8));
    return deadLetters
        .sendMessage(
            Message.of(cloudEvent)
                .addMetadata(
                    OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(alert.ticket().value())
                        .withHeaders(headers)
                        .build()))
        .invoke(sent -> metrics.deadLettered(channel));
  }
}
