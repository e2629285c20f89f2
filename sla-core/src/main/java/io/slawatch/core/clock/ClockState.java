package io.slawatch.core.clock;

import java.time.Duration;
import java.time.Instant;

/** Where a clock is: running, paused, met, or stopped (solved/closed, or no longer in the plan). */
public sealed interface ClockState {
  /** Business time consumed before the state began. */
  Duration consumed();

  Instant since();

  /** Consuming time on its calendar since {@code since}, after {@code consumed} earlier. */
  record Running(Instant since, Duration consumed) implements ClockState {}

  record Paused(Instant since, Duration consumed) implements ClockState {}

  record Met(Instant since, Duration consumed) implements ClockState {}

  record Stopped(Instant since, Duration consumed) implements ClockState {}
}
