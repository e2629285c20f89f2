package io.slawatch.notifier.policy;

import io.slawatch.core.alert.SlaAlert;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which alerts a policy takes; an empty set matches anything. Plans and customers may use {@code *}
 * as a wildcard ({@code eurolinux-*}).
 *
 * @param usPersonsOnly when set, only customers with (true) or without (false) the flag
 */
public record Match(
    Set<String> types,
    List<String> plans,
    Set<String> priorities,
    Set<String> clocks,
    List<String> customers,
    java.util.Optional<Boolean> usPersonsOnly) {
  public static final Match ANY =
      new Match(Set.of(), List.of(), Set.of(), Set.of(), List.of(), java.util.Optional.empty());

  public Match {
    types = Set.copyOf(types);
    plans = List.copyOf(plans);
    priorities = Set.copyOf(priorities);
    clocks = Set.copyOf(clocks);
    customers = List.copyOf(customers);
  }

  public boolean matches(SlaAlert alert, CustomerFacts customer) {
    return (types.isEmpty() || types.contains(alert.kind().type()))
        && (plans.isEmpty() || plans.stream().anyMatch(p -> glob(p, alert.plan())))
        && (priorities.isEmpty() || priorities.contains(alert.priority().name()))
        && (clocks.isEmpty() || clocks.contains(alert.clock().wireName()))
        && (customers.isEmpty()
            || customers.stream().anyMatch(c -> glob(c, alert.customer().value())))
        && usPersonsOnly.map(flag -> flag == customer.usPersonsOnly()).orElse(true);
  }

  private static boolean glob(String pattern, String value) {
    StringBuilder regex = new StringBuilder();
    for (String part : pattern.split("\\*", -1)) {
      if (!regex.isEmpty()) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(part));
    }
    return value.matches(regex.toString());
  }
}
