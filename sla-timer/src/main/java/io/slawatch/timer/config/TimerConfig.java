package io.slawatch.timer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** sla-timer's settings ({@code slawatch.timer.*}). */
@ConfigMapping(prefix = "slawatch.timer")
public interface TimerConfig {
  /** How often the firing loop looks for due timers. */
  @WithDefault("200ms")
  Duration pollInterval();

  /** How many due timers one firing transaction claims. */
  @WithDefault("500")
  int batchSize();

  /** The plan of a ticket whose event names none (or an unknown one). */
  @WithDefault("standard")
  String defaultPlan();

  /** Warning thresholds, as fractions of the target. */
  @WithDefault("0.75")
  List<Double> warningThresholds();

  /** Plans by name. */
  Map<String, Plan> plans();

  interface Plan {
    /** First-response target by priority (keys P1..P4). */
    Map<String, Duration> targets();
  }
}
