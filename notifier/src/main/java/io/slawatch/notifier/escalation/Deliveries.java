package io.slawatch.notifier.escalation;

import io.slawatch.core.alert.SlaAlert;
import io.slawatch.notifier.ack.AckLinks;
import io.slawatch.notifier.channel.AlertChannel;
import io.slawatch.notifier.channel.Notification;
import io.slawatch.notifier.policy.CustomerFacts;
import io.slawatch.notifier.policy.Decision;
import io.slawatch.notifier.policy.Policy;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Carries out the decisions of escalation steps: a target is notified at most once per alert, level
 * and round (also after a restart: the {@code delivery} table is the record), every outcome goes to
 * the audit log, and a notification that failed after the channel's retries goes to {@code
 * sla.alerts.dlq.v1}. A batch of steps records its outcomes together; a crash between a
 * notification and that record sends it again, with the same alert id (the receivers' idempotency
 * key).
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

  /** What became of one target in one step: a {@code delivery} row and an audit entry. */
  record Outcome(
      String alertId,
      String target,
      String channel,
      int level,
      int round,
      String status,
      int attempts,
      String detail,
      Instant at) {
    String key() {
      return key(alertId, target, level, round);
    }

    static String key(String alertId, String target, int level, int round) {
      return alertId + "|" + target + "|" + level + "|" + round;
    }

    Audit.Entry audit() {
      return new Audit.Entry(alertId, at, status, target, channel, level, round, attempts, detail);
    }
  }

  /** The keys ({@link Outcome#key()}) of the deliveries already recorded for these alerts. */
  Uni<Set<String>> recorded(Collection<String> alertIds) {
    // a target skipped before is decided again (a step waiting for an on-call window runs again)
    return pool.preparedQuery(
            "select alert_id, target, level, round from delivery where alert_id = any($1)"
                + " and status <> 'skipped'")
        .execute(Tuple.of(alertIds.toArray(String[]::new)))
        .map(
            rows -> {
              Set<String> keys = new HashSet<>();
              for (Row row : rows) {
                keys.add(
                    Outcome.key(
                        row.getString(0), row.getString(1), row.getInteger(2), row.getInteger(3)));
              }
              return keys;
            });
  }

  /**
   * The targets earlier (not closing) alerts of these clocks were delivered to, by clock id ({@code
   * ticket/clock/cycle}): who hears how each clock ended.
   */
  Uni<Map<String, Set<String>>> notifiedTargets(Collection<SlaAlert> closing) {
    if (closing.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    return pool.preparedQuery(
            "select distinct e.ticket_id, e.clock, e.cycle, d.target from escalation e"
                + " join unnest($1::text[], $2::text[], $3::int[]) as k(t, c, y)"
                + " on e.ticket_id = k.t and e.clock = k.c and e.cycle = k.y"
                + " join delivery d on d.alert_id = e.alert_id"
                + " where d.status = 'delivered'"
                + " and e.alert_id not like '%/sla.met' and e.alert_id not like '%/sla.ended'")
        .execute(
            Tuple.of(
                closing.stream().map(a -> a.ticket().value()).toArray(String[]::new),
                closing.stream().map(a -> a.clock().wireName()).toArray(String[]::new),
                closing.stream().map(SlaAlert::cycle).toArray(Integer[]::new)))
        .map(
            rows -> {
              Map<String, Set<String>> byClock = new HashMap<>();
              for (Row row : rows) {
                byClock
                    .computeIfAbsent(
                        row.getString(0) + "/" + row.getString(1) + "/" + row.getInteger(2),
                        k -> new HashSet<>())
                    .add(row.getString(3));
              }
              return byClock;
            });
  }

  /**
   * Carries out one decision, unless {@code recorded} shows it was carried out before (a step run
   * again after a crash): emits its outcome, or nothing.
   */
  Uni<Optional<Outcome>> carryOut(
      SlaAlert alert,
      String cloudEvent,
      Decision decision,
      Policy policy,
      int level,
      int round,
      CustomerFacts customer,
      Set<String> recorded,
      String traceparent) {
    String target = decision.target().name();
    String channelName = decision.target().channel();
    if (recorded.contains(Outcome.key(alert.id(), target, level, round))) {
      LOG.debugf("%s already had %s (level %d)", target, alert.id(), level);
      return Uni.createFrom().item(Optional.empty());
    }
    return switch (decision) {
      case Decision.Skip skip ->
          now(outcome(alert, target, channelName, level, round, "skipped", 0, skip.reason()));
      case Decision.Notify notify -> {
        AlertChannel channel = channels.byName().get(channelName);
        if (channel == null) {
          yield now(
              outcome(
                  alert, target, channelName, level, round, "skipped", 0, "channel not enabled"));
        }
        Notification notification =
            new Notification(
                alert,
                cloudEvent,
                target,
                notify.address(),
                decision.target().language().or(policy::language).orElse(Locale.ENGLISH),
                customer.language(),
                decision.target().readsTimesIn(),
                customer.zone(),
                level,
                links.forAlert(alert.id()),
                Optional.ofNullable(traceparent));
        yield channel
            .deliver(notification)
            .map(
                attempts -> {
                  metrics.delivered(
                      channelName, Duration.between(alert.firedAt(), clock.instant()));
                  return Optional.of(
                      new Outcome(
                          alert.id(),
                          target,
                          channelName,
                          level,
                          round,
                          "delivered",
                          attempts,
                          null,
                          clock.instant()));
                })
            .onFailure()
            .recoverWithUni(
                failure -> {
                  LOG.errorf(
                      "could not deliver %s to %s (%s): %s",
                      alert.id(), target, channelName, failure.getMessage());
                  return deadLetter(alert, cloudEvent, target, channelName, failure.getMessage())
                      .replaceWith(
                          outcome(
                              alert,
                              target,
                              channelName,
                              level,
                              round,
                              "failed",
                              -1,
                              failure.getMessage()));
                });
      }
    };
  }

  private static Uni<Optional<Outcome>> now(Optional<Outcome> outcome) {
    return Uni.createFrom().item(outcome);
  }

  private Optional<Outcome> outcome(
      SlaAlert alert,
      String target,
      String channel,
      int level,
      int round,
      String status,
      int attempts,
      String detail) {
    if (!status.equals("delivered")) {
      metrics.outcome(channel, status);
    }
    return Optional.of(
        new Outcome(
            alert.id(), target, channel, level, round, status, attempts, detail, clock.instant()));
  }

  /** Records outcomes (delivery rows and audit entries) in the caller's transaction. */
  static Uni<Void> recordAll(SqlClient conn, List<Outcome> outcomes) {
    if (outcomes.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    int n = outcomes.size();
    String[] ids = new String[n];
    String[] targets = new String[n];
    String[] channels = new String[n];
    Integer[] levels = new Integer[n];
    Integer[] rounds = new Integer[n];
    String[] statuses = new String[n];
    Integer[] attempts = new Integer[n];
    String[] details = new String[n];
    OffsetDateTime[] at = new OffsetDateTime[n];
    for (int i = 0; i < n; i++) {
      Outcome o = outcomes.get(i);
      ids[i] = o.alertId();
      targets[i] = o.target();
      channels[i] = o.channel();
      levels[i] = o.level();
      rounds[i] = o.round();
      statuses[i] = o.status();
      attempts[i] = o.attempts();
      details[i] = o.detail();
      at[i] = OffsetDateTime.ofInstant(o.at(), ZoneOffset.UTC);
    }
    return conn.preparedQuery(
            "insert into delivery (alert_id, target, channel, level, round, status, attempts,"
                + " detail, handled_at) select * from unnest($1::text[], $2::text[], $3::text[],"
                + " $4::int[], $5::int[], $6::text[], $7::int[], $8::text[], $9::timestamptz[])"
                + " on conflict (alert_id, target, level, round) do update set status ="
                + " excluded.status, attempts = excluded.attempts, detail = excluded.detail,"
                + " handled_at = excluded.handled_at where delivery.status = 'skipped'")
        .execute(
            Tuple.from(
                new Object[] {
                  ids, targets, channels, levels, rounds, statuses, attempts, details, at
                }))
        .flatMap(inserted -> Audit.writeAll(conn, outcomes.stream().map(Outcome::audit).toList()));
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
