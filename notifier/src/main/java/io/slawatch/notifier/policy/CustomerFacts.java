package io.slawatch.notifier.policy;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What routing needs to know of an alert's customer (from {@code customer.events.v1}): the language
 * of its messages, its designated engineer, whether only US persons may serve it, and its region
 * (which regional targets serve it).
 */
public record CustomerFacts(
    Locale language,
    Optional<String> designatedEngineer,
    boolean usPersonsOnly,
    Optional<String> region) {
  public static final CustomerFacts UNKNOWN =
      new CustomerFacts(Locale.ENGLISH, Optional.empty(), false, Optional.empty());

  public CustomerFacts {
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(designatedEngineer, "designatedEngineer");
    Objects.requireNonNull(region, "region");
  }

  /** A customer without a region. */
  public CustomerFacts(
      Locale language, Optional<String> designatedEngineer, boolean usPersonsOnly) {
    this(language, designatedEngineer, usPersonsOnly, Optional.empty());
  }
}
