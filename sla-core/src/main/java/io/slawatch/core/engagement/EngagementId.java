package io.slawatch.core.engagement;

import java.util.Objects;

/** A purchased professional-services engagement (the subject of its events and alerts). */
public record EngagementId(String value) {
  public EngagementId {
    Objects.requireNonNull(value, "engagement id");
    if (value.isBlank()) {
      throw new IllegalArgumentException("engagement id must not be blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
