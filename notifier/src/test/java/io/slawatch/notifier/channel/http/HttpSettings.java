package io.slawatch.notifier.channel.http;

import io.slawatch.notifier.config.NotifierConfig;
import java.time.Duration;
import java.util.Map;

/** The HTTP channels' settings as a value, for tests that build a {@link JsonPoster} themselves. */
public record HttpSettings(
    Duration timeout,
    int maxAttempts,
    Duration initialBackoff,
    int poolSize,
    NotifierConfig.Breaker breaker,
    Map<String, Duration> minInterval)
    implements NotifierConfig.Http {

  /** A circuit breaker's settings as a value. */
  public record Breaker(
      int requestVolume, double failureRatio, Duration delay, int successThreshold)
      implements NotifierConfig.Breaker {}
}
