package io.slawatch.intake.webhook.spi;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** A delivery's HTTP headers, looked up by name in any case (the first value of each). */
public record WebhookHeaders(Map<String, String> values) {
  public WebhookHeaders {
    values =
        values.entrySet().stream()
            .filter(e -> e.getValue() != null)
            .collect(
                Collectors.toUnmodifiableMap(
                    e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue, (a, b) -> a));
  }

  public static WebhookHeaders of(String... nameValuePairs) {
    Map<String, String> map = new java.util.HashMap<>();
    for (int i = 0; i + 1 < nameValuePairs.length; i += 2) {
      map.put(nameValuePairs[i], nameValuePairs[i + 1]);
    }
    return new WebhookHeaders(map);
  }

  /** The header's value, empty when it is absent or blank. */
  public Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name.toLowerCase(Locale.ROOT)))
        .map(String::trim)
        .filter(v -> !v.isEmpty());
  }
}
