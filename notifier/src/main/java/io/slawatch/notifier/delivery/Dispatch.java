package io.slawatch.notifier.delivery;

import io.slawatch.core.alert.SlaAlert;
import io.slawatch.notifier.channel.Notification;
import io.slawatch.notifier.policy.CustomerFacts;
import io.slawatch.notifier.policy.Decision;
import io.slawatch.notifier.policy.Policy;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What carrying out one decision of an escalation step comes to, before any channel is called: pure
 * functions of the decision and what is known (the enabled channels, the deliveries recorded).
 */
public final class Dispatch {
  private Dispatch() {}

  /**
   * The step whose decisions are carried out.
   *
   * @param cloudEvent the alert as received on {@code sla.alerts.v1}
   * @param ackUrl the signed link that acknowledges the alert, when there is one
   * @param traceparent the trace context of the step: HTTP channels send it on
   */
  public record Step(
      SlaAlert alert,
      String cloudEvent,
      Policy policy,
      int level,
      int round,
      CustomerFacts customer,
      Optional<URI> ackUrl,
      Optional<String> traceparent) {}

  /** What to do with one decision. */
  public sealed interface Plan {
    /** Carried out before (the step runs again after a crash): nothing to send or record. */
    record AlreadyRecorded() implements Plan {}

    /** Settled without a channel (a skip): recorded as it is. */
    record Settled(Outcome outcome) implements Plan {}

    /** To send on the named channel. */
    record Send(String channel, Notification notification) implements Plan {}
  }

  /**
   * A target is notified once per alert, level and round ({@code recorded} holds the {@link
   * Outcome#key() keys} done before); a skip is recorded with its reason; a target whose channel is
   * not enabled is skipped; any other target is sent a notification in its language (else its
   * policy's, else English) at its address.
   */
  public static Plan plan(
      Step step,
      Decision decision,
      Set<String> enabledChannels,
      Set<String> recorded,
      Instant now) {
    SlaAlert alert = step.alert();
    String target = decision.target().name();
    String channel = decision.target().channel();
    if (recorded.contains(Outcome.key(alert.id(), target, step.level(), step.round()))) {
      return new Plan.AlreadyRecorded();
    }
    return switch (decision) {
      case Decision.Skip skip ->
          new Plan.Settled(outcome(step, decision, "skipped", 0, skip.reason(), now));
      case Decision.Notify notify ->
          enabledChannels.contains(channel)
              ? new Plan.Send(
                  channel,
                  new Notification(
                      alert,
                      step.cloudEvent(),
                      target,
                      notify.address(),
                      decision
                          .target()
                          .language()
                          .or(step.policy()::language)
                          .orElse(Locale.ENGLISH),
                      step.customer().language(),
                      decision.target().readsTimesIn(),
                      step.customer().zone(),
                      step.level(),
                      step.ackUrl(),
                      step.traceparent()))
              : new Plan.Settled(outcome(step, decision, "skipped", 0, "channel not enabled", now));
    };
  }

  /** The channel took the notification after {@code attempts} attempts. */
  public static Outcome delivered(Step step, Decision decision, int attempts, Instant at) {
    return outcome(step, decision, "delivered", attempts, null, at);
  }

  /** The channel could not take the notification, even after its retries. */
  public static Outcome failed(Step step, Decision decision, String reason, Instant at) {
    return outcome(step, decision, "failed", -1, reason, at);
  }

  private static Outcome outcome(
      Step step, Decision decision, String status, int attempts, String detail, Instant at) {
    return new Outcome(
        step.alert().id(),
        decision.target().name(),
        decision.target().channel(),
        step.level(),
        step.round(),
        status,
        attempts,
        detail,
        at);
  }
}
