package io.slawatch.intake.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.util.Map;
import java.util.Optional;

/**
 * Helpdesk sources ({@code slawatch.intake.webhooks.<source>.*}): which vendor speaks, its signing
 * secret, whose tickets they are, and its priority vocabulary.
 */
@ConfigMapping(prefix = "slawatch.intake.webhooks")
public interface WebhookConfig {
  @WithParentName
  Map<String, Source> sources();

  interface Source {
    /** {@code github} (other vendors: not yet). */
    String vendor();

    /** The webhook secret; without one, deliveries are not authenticated (a warning says so). */
    Optional<String> secret();

    /** The customer these tickets belong to. */
    String customer();

    /** A plan overriding the customer's. */
    Optional<String> plan();

    @WithDefault("P3")
    String defaultPriority();

    /** Vendor priority words (lower case) to P1..P4, e.g. {@code priority-labels.sev1=P1}. */
    Map<String, String> priorityLabels();
  }
}
