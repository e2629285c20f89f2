package io.slawatch.timer.api;

import io.slawatch.contract.json.Violation;
import java.util.List;

/**
 * The limits of the API's path and query texts (ticket, customer and plan ids): at most {@value
 * #MAX_ID_LENGTH} characters, no control characters (NUL, CR, LF…) and no lone surrogates, so that
 * whatever reaches PostgreSQL is text it can store and compare.
 */
final class Parameters {
  static final int MAX_ID_LENGTH = 512;

  private Parameters() {}

  /** What is wrong with an optional id parameter ({@code null} is fine), as violations. */
  static List<Violation> identifier(String field, String value) {
    if (value == null) {
      return List.of();
    }
    if (value.isEmpty()) {
      return List.of(new Violation(field, "must not be empty"));
    }
    if (value.length() > MAX_ID_LENGTH) {
      return List.of(new Violation(field, "must be at most " + MAX_ID_LENGTH + " characters long"));
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c)) {
        return List.of(
            new Violation(
                field, "must not contain control characters (found U+%04X)".formatted((int) c)));
      }
      if (Character.isSurrogate(c)) {
        boolean paired =
            Character.isHighSurrogate(c)
                && i + 1 < value.length()
                && Character.isLowSurrogate(value.charAt(i + 1));
        if (!paired) {
          return List.of(new Violation(field, "must not contain a lone surrogate"));
        }
        i++;
      }
    }
    return List.of();
  }
}
