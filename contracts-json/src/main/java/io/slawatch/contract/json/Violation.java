package io.slawatch.contract.json;

import java.util.List;
import java.util.stream.Collectors;

/** One thing wrong with an incoming event, naming the offending field (JSON-pointer-like path). */
public record Violation(String field, String message) {
  /** Every offending field, named, in one line (a dead letter's reason). */
  public static String text(List<Violation> violations) {
    return violations.stream()
        .map(v -> (v.field().isEmpty() ? "body" : v.field()) + " " + v.message())
        .collect(Collectors.joining("; "));
  }
}
