package io.slawatch.notifier.policy;

import io.slawatch.core.plan.SupportPlan;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What routing needs to know of an alert's customer (from {@code customer.events.v1}): the language
 * it reads, its zone, its designated engineer, whether only US persons may serve it, and its region
 * (which regional targets serve it).
 */
public record CustomerFacts(
    Locale language,
    Optional<ZoneId> zone,
    Optional<String> designatedEngineer,
    boolean usPersonsOnly,
    Optional<String> region) {
  public static final CustomerFacts UNKNOWN =
      new CustomerFacts(
          Locale.ENGLISH, Optional.empty(), Optional.empty(), false, Optional.empty());

  public CustomerFacts {
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(designatedEngineer, "designatedEngineer");
    Objects.requireNonNull(region, "region");
  }

  /** A customer without a zone or region. */
  public CustomerFacts(
      Locale language, Optional<String> designatedEngineer, boolean usPersonsOnly) {
    this(language, Optional.empty(), designatedEngineer, usPersonsOnly, Optional.empty());
  }

  /** A customer without a zone, in a region. */
  public CustomerFacts(
      Locale language,
      Optional<String> designatedEngineer,
      boolean usPersonsOnly,
      Optional<String> region) {
    this(language, Optional.empty(), designatedEngineer, usPersonsOnly, region);
  }

  /** A customer in a zone, without a region. */
  public CustomerFacts(
      Locale language,
      Optional<ZoneId> zone,
      Optional<String> designatedEngineer,
      boolean usPersonsOnly) {
    this(language, zone, designatedEngineer, usPersonsOnly, Optional.empty());
  }

  /**
   * These facts under the alert's plan: a plan whose entitlements say US persons only makes the
   * customer so, whether or not its record carries the flag.
   */
  public CustomerFacts under(Optional<SupportPlan> plan) {
    boolean usOnly = usPersonsOnly || plan.map(p -> p.entitlements().usPersonsOnly()).orElse(false);
    return usOnly == usPersonsOnly
        ? this
        : new CustomerFacts(language, zone, designatedEngineer, true, region);
  }
}
