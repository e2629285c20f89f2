package io.slawatch.notifier.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** notifier's settings ({@code slawatch.notifier.*}). */
@ConfigMapping(prefix = "slawatch.notifier")
public interface NotifierConfig {
  Console console();

  Webhook webhook();

  interface Console {
    /** Log every alert on the console (the demo's channel). */
    @WithDefault("true")
    boolean enabled();
  }

  interface Webhook {
    /** Where to POST each alert as a CloudEvent; no webhook channel when unset. */
    Optional<String> url();

    @WithDefault("5s")
    Duration timeout();

    @WithDefault("5")
    int maxAttempts();

    @WithDefault("500ms")
    Duration initialBackoff();
  }
}
