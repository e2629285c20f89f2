package io.slawatch.core.engagement;

import java.util.Locale;
import java.util.Optional;

/** Where the engagement is delivered: remote (video call) or on the customer's site. */
public enum EngagementKind {
  REMOTE,
  ON_SITE;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  /** {@code remote} or {@code on_site}. */
  public String wireName() {
    return wireName;
  }

  /** The kind of a wire name ({@code remote}, {@code on_site}); empty for anything else. */
  public static Optional<EngagementKind> parse(String text) {
    for (EngagementKind kind : values()) {
      if (kind.wireName.equals(text)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
