package io.slawatch.timer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** sla-timer's settings ({@code slawatch.timer.*}). */
@ConfigMapping(prefix = "slawatch.timer")
public interface TimerConfig {
  /** How often the firing loop looks for due timers. */
  @WithDefault("50ms")
  Duration pollInterval();

  /** How many firing loops claim and publish at once (each a batch at a time). */
  @WithDefault("2")
  int firingLoops();

  /** How many due timers one firing transaction claims. */
  @WithDefault("1000")
  int batchSize();

  /**
   * The longest one statement of the firing loop may run (PostgreSQL {@code statement_timeout}, set
   * per transaction): a claim that hangs is cancelled by the database.
   */
  @WithDefault("30s")
  Duration statementTimeout();

  /**
   * The longest one round of the firing loop may take before the watchdog gives up on it and the
   * next round may start; liveness is DOWN when no round has completed for twice this long.
   */
  @WithDefault("60s")
  Duration roundTimeout();

  /** The plan of a ticket whose customer is unknown and whose event names no plan. */
  @WithDefault("jamf-standard")
  String defaultPlan();

  /** The time zone of a customer the registry does not know (for its default business hours). */
  @WithDefault("UTC")
  String defaultZone();

  /** Plan files (YAML, the sla-core plan format) besides the presets and the bundled demo plan. */
  Optional<List<String>> planFiles();

  /** Bearer API tokens for {@code /api/v1/*} ({@code slawatch.timer.auth.*}). */
  Auth auth();

  /** The clock outcomes the compliance reports read ({@code slawatch.timer.report.*}). */
  Report report();

  interface Report {
    /** How long an outcome is kept, counted from its clock's start. */
    @WithDefault("P400D")
    Duration retention();

    /** How often outcomes past their retention are deleted. */
    @WithDefault("PT1H")
    Duration purgeInterval();
  }

  interface Auth {
    /** Off only for local development and tests. */
    @WithDefault("true")
    boolean enabled();

    /**
     * Tokens by name, e.g. {@code slawatch.timer.auth.tokens.grafana.token=...}, {@code
     * .roles=read}: {@code read} for the SLA, at-risk and plans APIs, {@code simulate} (or {@code
     * read}) for the simulator.
     */
    Map<String, Token> tokens();

    interface Token {
      String token();

      List<String> roles();
    }
  }
}
