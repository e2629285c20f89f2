package io.slawatch.notifier.delivery;

import io.slawatch.core.alert.SlaAlert;
import io.slawatch.notifier.channel.AlertChannel;
import io.slawatch.notifier.channel.GroupNotification;
import io.slawatch.notifier.config.NotifierConfig;
import io.slawatch.notifier.metrics.NotifierMetrics;
import io.slawatch.notifier.policy.Decision;
import io.smallrye.mutiny.Multi;
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
  private final Duration defaultWindow;

  Dispatcher(
      Channels channels,
      AlertDeadLetters deadLetters,
      NotifierMetrics metrics,
      NotifierConfig config,
      Clock clock) {
    this.channels = channels;
    this.deadLetters = deadLetters;
    this.metrics = metrics;
    this.clock = clock;
    this.defaultWindow = config.grouping().window();
  }

  /**
   * The decision's notification when it is to join a group instead of being sent at once: a
   * notification (not carried out before) on a channel that {@link AlertChannel#groups() groups},
   * of an alert that does not close its clock, under a policy whose group window is not zero.
   */
  public Optional<Grouped> groupable(Dispatch.Step step, Decision decision, Set<String> recorded) {
    Duration window = step.policy().grouping().windowOr(defaultWindow);
    if (window.isZero() || step.alert().closes()) {
      return Optional.empty();
    }
    return switch (Dispatch.plan(
        step, decision, channels.byName().keySet(), recorded, clock.instant())) {
      case Dispatch.Plan.Send send when channels.byName().get(send.channel()).groups() ->
          Optional.of(new Grouped(send, window));
      default -> Optional.empty();
    };
  }

  /** A notification to join its group, which is sent a window after its first member joined. */
  public record Grouped(Dispatch.Plan.Send send, Duration window) {}

  /**
   * Delivers a group as one notification on a channel that groups (else each member on its own, the
   * attempts of the last counted): emits how many attempts it took. Each member counts as a
   * delivery; when it fails after the channel's retries, each member counts as failed and is sent
   * to {@code sla.alerts.dlq.v1}, and the failure is passed on.
   */
  public Uni<Integer> deliverGroup(String channelName, GroupNotification group) {
    AlertChannel channel = channels.byName().get(channelName);
    Uni<Integer> sent =
        channel.groups()
            ? channel.deliverGroup(group)
            : Multi.createFrom()
                .iterable(group.members())
                .onItem()
                .transformToUniAndConcatenate(channel::deliver)
                .collect()
                .last();
    return sent.invoke(
            attempts ->
                group
                    .members()
                    .forEach(
                        m ->
                            metrics.delivered(
                                channelName,
                                Duration.between(m.alert().firedAt(), clock.instant()))))
        .onFailure()
        .call(
            failure -> {
              LOG.errorf(
                  failure,
                  "could not deliver group %s (%d alerts) to %s (%s): %s",
                  group.id(),
                  group.members().size(),
                  group.first().target(),
                  channelName,
                  failure.getMessage());
              return Multi.createFrom()
                  .iterable(group.members())
                  .onItem()
                  .transformToUniAndConcatenate(
                      m -> {
                        metrics.outcome(channelName, "failed");
                        return deadLetters.send(
                            m.alert(),
                            m.cloudEvent(),
                            m.target(),
                            channelName,
                            failure.getMessage());
                      })
                  .collect()
                  .last();
            });
  }

  /** Whether the channel is enabled. */
  public boolean enabled(String channel) {
    return channels.byName().containsKey(channel);
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
