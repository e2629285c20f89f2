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

  /**
   * Whether the channel takes a group of alerts as one notification ({@link #deliverGroup}); a
   * channel that does not is sent each alert on its own.
   */
  default boolean groups() {
    return false;
  }

  /**
   * Delivers a group of alerts to one target as one notification; the item is how many attempts it
   * took. Only asked of a channel that {@link #groups()}.
   */
  default Uni<Integer> deliverGroup(GroupNotification group) {
    return Uni.createFrom()
        .failure(new UnsupportedOperationException(name() + " does not take groups"));
  }
}
