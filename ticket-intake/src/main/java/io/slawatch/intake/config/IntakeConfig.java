package io.slawatch.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** ticket-intake's settings ({@code slawatch.intake.*}). */
@ConfigMapping(prefix = "slawatch.intake")
public interface IntakeConfig {
  /** Plan names a customer may use besides the built-in presets (plans sla-timer loads). */
  @WithDefault("demo")
  List<String> extraPlans();
}
