package io.slawatch.core.event;

import java.util.Objects;

/** A CloudEvent's identity: {@code (source, id)} is unique. */
public record EventId(String source, String id) {
  public EventId {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(id, "id");
    if (source.isBlank() || id.isBlank()) {
      throw new IllegalArgumentException("event source and id must not be blank");
    }
  }

  /**
   * One string for storage and deduplication keys, unambiguous: the source's length comes first, so
   * {@code ("kc|x", "y")} and {@code ("kc", "x|y")} never share a key.
   */
  public String key() {
    return source.length() + ":" + source + "|" + id;
  }

  /** Source, then id. */
  public static final java.util.Comparator<EventId> ORDER =
      java.util.Comparator.comparing(EventId::source).thenComparing(EventId::id);
}
