package io.slawatch.timer.outcome;

import io.slawatch.core.alert.AlertKind;
import io.slawatch.core.alert.ClockKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a published alert says about its commitment, as the firing loop counts it: a breach, or a
 * commitment met (a met first response also tells the business time it took). Warnings and other
 * alerts are no outcome.
 *
 * @param firstResponse the business time to the first response, when this met one and it is known
 */
public record SlaOutcome(boolean met, Optional<Duration> firstResponse) {

  /** The outcome an alert of this kind, on this clock, records (empty: none). */
  public static Optional<SlaOutcome> of(String kind, String clock, Optional<Duration> elapsed) {
    boolean met = kind.equals(AlertKind.MET.type());
    if (!met && !kind.equals(AlertKind.BREACHED.type())) {
      return Optional.empty();
    }
    boolean firstResponse = met && clock.equals(ClockKind.FIRST_RESPONSE.wireName());
    return Optional.of(new SlaOutcome(met, firstResponse ? elapsed : Optional.empty()));
  }

  /** The {@code outcome} label: {@code met} or {@code breached}. */
  public String label() {
    return met ? "met" : "breached";
  }

  /**
   * How late an alert due at {@code fireAt} went out at {@code publishedAt}: never negative (a
   * timer claimed a little ahead of its instant by a skewed clock was not early by anyone's count).
   */
  public static Duration lateness(Instant fireAt, Instant publishedAt) {
    Duration late = Duration.between(fireAt, publishedAt);
    return late.isNegative() ? Duration.ZERO : late;
  }
}
