package io.slawatch.core.ticket;

import java.util.Locale;
import java.util.Optional;

/** The canonical priority every plan's vocabulary maps onto: P1 (most urgent) to P4. */
public enum Priority {
  P1,
  P2,
  P3,
  P4;

  /** Parses the canonical names {@code P1}..{@code P4} (any case); empty for anything else. */
  public static Optional<Priority> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    return switch (text.trim().toUpperCase(Locale.ROOT)) {
      case "P1" -> Optional.of(P1);
      case "P2" -> Optional.of(P2);
      case "P3" -> Optional.of(P3);
      case "P4" -> Optional.of(P4);
      default -> Optional.empty();
    };
  }
}
