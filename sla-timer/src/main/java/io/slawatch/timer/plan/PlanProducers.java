package io.slawatch.timer.plan;

import io.slawatch.core.clock.SlaEngine;
import io.slawatch.core.engagement.EngagementEngine;
import io.slawatch.core.plan.PlanCatalog;
import io.slawatch.core.plan.PlanReader;
import io.slawatch.core.plan.SupportPlan;
import io.slawatch.timer.config.TimerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The plans sla-timer knows: the configured plan files, the bundled {@code demo} plan, then the
 * built-in presets; and the engine that runs them. A plan file with a mistake stops the start-up
 * with a message naming the file, line and field.
 */
public class PlanProducers {
  private static final Logger LOG = Logger.getLogger(PlanProducers.class);
  private static final List<String> BUNDLED = List.of("demo");

  @Produces
  @ApplicationScoped
  PlanCatalog plans(TimerConfig config) {
    List<SupportPlan> plans = new ArrayList<>();
    for (String name : BUNDLED) {
      plans.add(PlanReader.read(bundled(name)));
    }
    for (String file : config.planFiles().orElse(List.of())) {
      SupportPlan plan = PlanReader.read(Path.of(file));
      LOG.infof("plan %s loaded from %s", plan.name(), file);
      plans.add(plan);
    }
    PlanCatalog catalog = PlanCatalog.of(plans);
    if (catalog.find(config.defaultPlan()).isEmpty()) {
      throw new IllegalArgumentException(
          "slawatch.timer.default-plan=" + config.defaultPlan() + " is not a known plan");
    }
    return catalog;
  }

  /** The names of every plan sla-timer can run, presets last. */
  public record PlanNames(List<String> names) {}

  @Produces
  @jakarta.inject.Singleton
  PlanNames planNames(TimerConfig config, PlanCatalog catalog) {
    java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>(BUNDLED);
    for (String file : config.planFiles().orElse(List.of())) {
      names.add(PlanReader.read(Path.of(file)).name());
    }
    names.addAll(io.slawatch.core.plan.PresetPlans.NAMES);
    return new PlanNames(List.copyOf(names));
  }

  @Produces
  @ApplicationScoped
  SlaEngine engine(PlanCatalog plans) {
    return new SlaEngine(plans);
  }

  /** The engagement engine (Jamf's services policy): its rules are fixed, it needs no plan. */
  @Produces
  @ApplicationScoped
  EngagementEngine engagementEngine() {
    return new EngagementEngine();
  }

  private static String bundled(String name) {
    try (InputStream in =
        PlanProducers.class.getResourceAsStream("/io/slawatch/timer/plans/" + name + ".yaml")) {
      if (in == null) {
        throw new IllegalStateException("bundled plan missing: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
