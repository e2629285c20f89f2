package io.slawatch.notifier.channel;

import io.smallrye.mutiny.Uni;

/** Somewhere an alert is delivered. */
public interface AlertChannel {
  /** Stable name, part of the delivery record's key. */
  String name();

  boolean enabled();

  /**
   * Delivers one alert to one target; the item is how many attempts it took. Fails when the channel
   * could not take it after its own retries.
   */
  Uni<Integer> deliver(Notification notification);
}
