package io.slawatch.notifier.delivery;

import io.slawatch.notifier.channel.AlertChannel;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The enabled channels, by name, in the order CDI found them. */
public record Channels(Map<String, AlertChannel> byName) {
  public Channels {
    byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
  }
}
