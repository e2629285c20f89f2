package io.slawatch.core.clock;

import io.slawatch.core.customer.CustomerTerms;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A customer's terms over time, as the registry changed them: each version applies from its instant
 * on. A ticket starts on the version in force when it is created; a later version (plan, zone or
 * calendar) applies from its instant like a {@code ticket.plan_changed}: each running clock keeps
 * its start and the business time consumed and takes the new target, never back-dated.
 */
public record CustomerHistory(List<Version> versions) {
  /** Terms in force from {@code from} on. */
  public record Version(Instant from, CustomerTerms terms) {
    public Version {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(terms, "terms");
    }
  }

  public CustomerHistory {
    if (versions.isEmpty()) {
      throw new IllegalArgumentException("a customer history has at least one version");
    }
    List<Version> sorted = new ArrayList<>(versions);
    sorted.sort(Comparator.comparing(Version::from));
    versions = List.copyOf(sorted);
  }

  /** Terms that have always applied. */
  public static CustomerHistory of(CustomerTerms terms) {
    return new CustomerHistory(List.of(new Version(Instant.MIN, terms)));
  }

  /** The version in force at {@code t}: the latest from at or before it, else the first. */
  public CustomerTerms at(Instant t) {
    CustomerTerms found = versions.getFirst().terms();
    for (Version version : versions) {
      if (version.from().isAfter(t)) {
        break;
      }
      found = version.terms();
    }
    return found;
  }

  /** The versions that take effect after {@code t}, in order. */
  public List<Version> after(Instant t) {
    return versions.stream().filter(v -> v.from().isAfter(t)).toList();
  }
}
