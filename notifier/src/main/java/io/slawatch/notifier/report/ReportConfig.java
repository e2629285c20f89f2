package io.slawatch.notifier.report;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code slawatch.notifier.reports.*}: the compliance reports e-mailed to customers. */
@ConfigMapping(prefix = "slawatch.notifier.reports")
public interface ReportConfig {
  /** Whether reports are sent (they need sla-timer's URL and a token with its report role). */
  @WithDefault("false")
  boolean enabled();

  /** sla-timer's base URL, e.g. {@code http://sla-timer:8082}: the figures come from its API. */
  Optional<String> timerUrl();

  /** A token of sla-timer with the role {@code report}. */
  Optional<String> timerToken();

  /** {@code monthly} (calendar months) or {@code weekly} (ISO weeks), in each customer's zone. */
  @WithDefault("monthly")
  ReportPeriod.Cadence period();

  /**
   * The plans whose customers get reports; by default every preset whose entitlements include
   * {@code sla_reports} (jamf-gold, jamf-platinum, opswat-platinum, opswat-emerald-us). A plan of
   * your own (a plan file of sla-timer's) is listed here.
   */
  Optional<List<String>> plans();

  /** How long after a period's end (customer's midnight) its report goes out. */
  @WithDefault("PT6H")
  Duration delay();

  /** How often the loop looks for reports due. */
  @WithDefault("PT5M")
  Duration checkInterval();

  /** How long a claimed report is left to its instance before another takes it over. */
  @WithDefault("PT2M")
  Duration lease();

  /** The wait before a failed report is tried again (times the attempts made). */
  @WithDefault("PT10M")
  Duration retryBackoff();

  /** Attempts before a report is given up (state {@code failed} in the audit). */
  @WithDefault("5")
  int maxAttempts();

  /** The missed commitments listed in the e-mail itself (the CSV has them all, up to 1,000). */
  @WithDefault("25")
  int breachesShown();
}
