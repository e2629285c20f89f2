package io.slawatch.notifier.delivery;

import io.slawatch.notifier.channel.AlertChannel;
import java.util.Map;

/** The enabled channels, by name. */
public record Channels(Map<String, AlertChannel> byName) {
  public Channels {
    byName = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byName));
  }
}
