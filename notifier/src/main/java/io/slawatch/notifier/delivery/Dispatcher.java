package io.slawatch.notifier.delivery;

import io.slawatch.core.alert.SlaAlert;
import io.slawatch.notifier.metrics.NotifierMetrics;
import io.slawatch.notifier.policy.Decision;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Carries out the decisions of escalation steps on the channels: every outcome is counted, and a
 * notification that failed after the channel's retries goes to {@code sla.alerts.dlq.v1}. A crash
 * between a notification and its record sends it again, with the same alert id (the receivers'
 * idempotency key).
 */
@ApplicationScoped
public class Dispatcher {
  private static final Logger LOG = Logger.getLogger(Dispatcher.class);

  private final Channels channels;
  private final AlertDeadLetters deadLetters;
  private final NotifierMetrics metrics;
  private final Clock clock;

  Dispatcher(
      Channels channels, AlertDeadLetters deadLetters, NotifierMetrics metrics, Clock clock) {
    this.channels = channels;
    this.deadLetters = deadLetters;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * Carries out one decision, unless {@code recorded} shows it was carried out before (a step run
   * again after a crash): emits its outcome, or nothing.
   */
  public Uni<Optional<Outcome>> carryOut(
      Dispatch.Step step, Decision decision, Set<String> recorded) {
    return switch (Dispatch.plan(
        step, decision, channels.byName().keySet(), recorded, clock.instant())) {
      case Dispatch.Plan.AlreadyRecorded done -> {
        LOG.debugf(
            "%s already had %s (level %d)",
            decision.target().name(), step.alert().id(), step.level());
        yield Uni.createFrom().item(Optional.empty());
      }
      case Dispatch.Plan.Settled settled -> {
        metrics.outcome(settled.outcome().channel(), settled.outcome().status());
        yield Uni.createFrom().item(Optional.of(settled.outcome()));
      }
      case Dispatch.Plan.Send send -> send(step, decision, send);
    };
  }

  private Uni<Optional<Outcome>> send(
      Dispatch.Step step, Decision decision, Dispatch.Plan.Send send) {
    SlaAlert alert = step.alert();
    String target = decision.target().name();
    return channels
        .byName()
        .get(send.channel())
        .deliver(send.notification())
        .map(
            attempts -> {
              metrics.delivered(send.channel(), Duration.between(alert.firedAt(), clock.instant()));
              return Optional.of(Dispatch.delivered(step, decision, attempts, clock.instant()));
            })
        .onFailure()
        .recoverWithUni(
            failure -> {
              LOG.errorf(
                  failure,
                  "could not deliver %s to %s (%s): %s",
                  alert.id(),
                  target,
                  send.channel(),
                  failure.getMessage());
              Outcome failed =
                  Dispatch.failed(step, decision, failure.getMessage(), clock.instant());
              metrics.outcome(send.channel(), failed.status());
              return deadLetters
                  .send(alert, step.cloudEvent(), target, send.channel(), failure.getMessage())
                  .replaceWith(Optional.of(failed));
            });
  }
}
