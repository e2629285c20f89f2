package io.slawatch.core.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The built-in plans of {@code support-plans.md}, one YAML file each under {@code
 * io/slawatch/core/plan/presets/} (the same format as a user's plan file).
 */
public final class PresetPlans implements PlanCatalog {
  public static final List<String> NAMES =
      List.of(
          "jamf-standard",
          "jamf-silver",
          "jamf-gold",
          "jamf-platinum",
          "opswat-silver",
          "opswat-gold",
          "opswat-platinum",
          "opswat-emerald-us",
          "eurolinux-basic",
          "eurolinux-standard",
          "eurolinux-premium");

  static final PresetPlans INSTANCE = new PresetPlans();

  private final Map<String, SupportPlan> loaded = new ConcurrentHashMap<>();

  private PresetPlans() {}

  @Override
  public Optional<SupportPlan> find(String name) {
    if (!NAMES.contains(name)) {
      return Optional.empty();
    }
    return Optional.of(loaded.computeIfAbsent(name, n -> PlanReader.read(yaml(n))));
  }

  /** The preset's YAML text, as shipped. */
  public static String yaml(String name) {
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException("no preset named " + name);
    }
    try (InputStream in = PresetPlans.class.getResourceAsStream("presets/" + name + ".yaml")) {
      if (in == null) {
        throw new IllegalStateException("preset resource missing: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
