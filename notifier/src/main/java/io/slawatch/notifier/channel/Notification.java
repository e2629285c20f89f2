package io.slawatch.notifier.channel;

import io.slawatch.core.alert.SlaAlert;
import io.slawatch.service.tracing.Tracing;
import java.net.URI;
import java.time.ZoneId;
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
 * @param language the language the target reads (the target's, else its policy's, else English)
 * @param customerLanguage the customer's language, shown as a fact
 * @param zone the zone the target reads times in (UTC when absent)
 * @param customerZone the customer's zone, when the notifier knows the customer
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
    Locale customerLanguage,
    Optional<ZoneId> zone,
    Optional<ZoneId> customerZone,
    int level,
    Optional<URI> ackUrl,
    Optional<String> traceparent) {
  public Notification {
    Objects.requireNonNull(alert, "alert");
    Objects.requireNonNull(cloudEvent, "cloudEvent");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(customerLanguage, "customerLanguage");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(customerZone, "customerZone");
    Objects.requireNonNull(ackUrl, "ackUrl");
    Objects.requireNonNull(traceparent, "traceparent");
  }

  /** A notification read in {@code language}, about a customer reading it too, in UTC. */
  public Notification(
      SlaAlert alert,
      String cloudEvent,
      String target,
      Optional<String> address,
      Locale language,
      int level,
      Optional<URI> ackUrl,
      Optional<String> traceparent) {
    this(
        alert,
        cloudEvent,
        target,
        address,
        language,
        language,
        Optional.empty(),
        Optional.empty(),
        level,
        ackUrl,
        traceparent);
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
