package io.slawatch.notifier.channel;

import io.slawatch.core.alert.SlaAlert;
import io.slawatch.service.tracing.Tracing;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One alert for one target of an escalation step: what a channel delivers.
 *
 * @param alert the alert
 * @param cloudEvent the alert exactly as received on {@code sla.alerts.v1}
 * @param target the name of the policy target (the channel's name under the default policy)
 * @param address where the target is reached on its channel when that is per target (an e-mail
 *     address); the channel's configured destination otherwise
 * @param language the customer's language, for the message's words
 * @param level the escalation level (1 for the first step)
 * @param ackUrl a signed link that acknowledges the alert, when the notifier has a public URL
 * @param traceparent the W3C trace context of this delivery: HTTP channels send it on
 */
public record Notification(
    SlaAlert alert,
    String cloudEvent,
    String target,
    Optional<String> address,
    Locale language,
    int level,
    Optional<URI> ackUrl,
    Optional<String> traceparent) {
  public Notification {
    Objects.requireNonNull(alert, "alert");
    Objects.requireNonNull(cloudEvent, "cloudEvent");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(ackUrl, "ackUrl");
    Objects.requireNonNull(traceparent, "traceparent");
  }

  /** {@code headers} plus the W3C {@code traceparent} of this delivery, when it is traced. */
  public Map<String, String> traced(Map<String, String> headers) {
    if (traceparent.isEmpty()) {
      return headers;
    }
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put(Tracing.HEADER, traceparent.get());
    return all;
  }

  /** The alert for a channel as a whole, in English, at the first level. */
  public static Notification of(SlaAlert alert, String cloudEvent, String channel) {
    return new Notification(
        alert,
        cloudEvent,
        channel,
        Optional.empty(),
        Locale.ENGLISH,
        1,
        Optional.empty(),
        Optional.empty());
  }
}
