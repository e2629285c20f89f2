package io.slawatch.intake.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.util.Map;
import java.util.Optional;

/**
 * Helpdesk sources ({@code slawatch.intake.webhooks.<source>.*}): which vendor speaks, its signing
 * secret, whose tickets they are, and its priority and status vocabularies.
 */
@ConfigMapping(prefix = "slawatch.intake.webhooks")
public interface WebhookConfig {
  @WithParentName
  Map<String, Source> sources();

  interface Source {
    /**
     * {@code github}, {@code gitlab}, {@code zendesk}, {@code jira}, {@code zammad}, {@code
     * freshdesk}.
     */
    String vendor();

    /**
     * The webhook secret (signing key, or shared token for GitLab and Freshdesk); without one,
     * deliveries are not authenticated (a warning says so).
     */
    Optional<String> secret();

    /** The customer these tickets belong to. */
    String customer();

    /** A plan overriding the customer's. */
    Optional<String> plan();

    @WithDefault("P3")
    String defaultPriority();

    /**
     * Vendor priority words to P1..P4, e.g. {@code priority-labels.sev1=P1}, over the vendor's
     * defaults (keys: lower case, spaces as dashes).
     */
    Map<String, String> priorityLabels();

    /**
     * Labels or tags that mark a milestone of the ticket's work, e.g. {@code
     * milestone-labels.replacement-shipped=replacement_shipped}: adding one sends {@code
     * ticket.milestone} (GitHub, GitLab and Jira labels when added; Zendesk, Zammad and Freshdesk
     * tags the ticket carries, once per ticket and milestone).
     */
    Map<String, String> milestoneLabels();

    /** The same as {@link #milestoneLabels()}, for those who call them tags. */
    Map<String, String> milestoneTags();

    /**
     * Vendor status words to NEW, OPEN, PENDING, ON_HOLD, SOLVED or CLOSED, e.g. {@code
     * statuses.waiting-for-customer=PENDING}, over the vendor's defaults.
     */
    Map<String, String> statuses();
  }
}
