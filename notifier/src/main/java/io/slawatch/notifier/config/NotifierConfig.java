package io.slawatch.notifier.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** notifier's settings ({@code slawatch.notifier.*}). */
@ConfigMapping(prefix = "slawatch.notifier")
public interface NotifierConfig {
  Console console();

  Webhook webhook();

  /** Retries of the HTTP channels (Slack, Teams, PagerDuty, Alertmanager, webhook). */
  Http http();

  Slack slack();

  Teams teams();

  PagerDuty pagerduty();

  Alertmanager alertmanager();

  /** Grouping of alerts into one notification per target (Alertmanager-style). */
  Grouping grouping();

  interface Grouping {
    /**
     * How long a group stays open after its first member, for policies without a {@code
     * group_window} (and without a policy file); zero: each alert is sent at once.
     */
    @WithDefault("PT10S")
    Duration window();

    /** How many tickets a group message names before "and N more". */
    @WithDefault("50")
    int maxListed();

    /**
     * How many alerts one group holds at most (like Alertmanager's {@code max_alerts}): a full
     * group is sent at once and the next alert opens a new one.
     */
    @WithDefault("1000")
    int maxMembers();

    /** How long sent groups (and their member lists) are kept; deliveries and audit stay. */
    @WithDefault("P7D")
    Duration retention();
  }

  interface Http {
    @WithDefault("5s")
    Duration timeout();

    @WithDefault("5")
    int maxAttempts();

    @WithDefault("500ms")
    Duration initialBackoff();

    /** HTTP connections kept per destination host (deliveries run concurrently). */
    @WithDefault("32")
    int poolSize();

    /** The circuit breaker each channel's destination gets. */
    Breaker breaker();

    /**
     * The least time between two requests to one channel's destination, by channel name (Slack
     * takes about one message a second per webhook, PagerDuty about 120 events a minute per key).
     */
    Map<String, Duration> minInterval();
  }

  interface Breaker {
    /** How many recent attempts the breaker looks at. */
    @WithDefault("10")
    int requestVolume();

    /** The share of those attempts that failed for it to open. */
    @WithDefault("0.5")
    double failureRatio();

    /** How long it stays open (failing fast) before it lets a trial request through. */
    @WithDefault("10s")
    Duration delay();

    /** Trial requests that must succeed for it to close again. */
    @WithDefault("1")
    int successThreshold();
  }

  interface Slack {
    /** A Slack incoming-webhook URL (a secret); no Slack channel when unset. */
    Optional<String> webhookUrl();
  }

  interface Teams {
    /** A Microsoft Teams Workflows webhook URL (a secret); no Teams channel when unset. */
    Optional<String> webhookUrl();
  }

  interface PagerDuty {
    /** The Events API v2 integration (routing) key (a secret); no PagerDuty channel when unset. */
    Optional<String> routingKey();

    @WithDefault("https://events.pagerduty.com/v2/enqueue")
    String eventsUrl();
  }

  interface Alertmanager {
    /** Alertmanager's base URL, e.g. http://alertmanager:9093; no channel when unset. */
    Optional<String> url();
  }

  interface Console {
    /** Log every alert on the console (the demo's channel). */
    @WithDefault("true")
    boolean enabled();
  }

  interface Webhook {
    /** Where to POST each alert as a CloudEvent; no webhook channel when unset or empty. */
    Optional<String> url();

    /**
     * A Standard Webhooks signing secret ({@code whsec_<base64>}, a secret); unsigned without one.
     */
    Optional<String> secret();

    /**
     * Whether grouped alerts go as one request ({@code application/cloudevents-batch+json}, the
     * group's id as {@code Idempotency-Key}); otherwise each alert is its own request.
     */
    @WithDefault("false")
    boolean batch();
  }
}
