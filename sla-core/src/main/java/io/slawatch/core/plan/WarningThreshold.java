package io.slawatch.core.plan;

import java.time.Duration;

/** When a warning fires: at a fraction of the target, or a lead time before the deadline. */
public sealed interface WarningThreshold {
  /** The business time into the clock at which this warning fires, or -1 if it never does. */
  long firesAtNanos(Duration target);

  /** The fraction of the target consumed when it fires (the alert's {@code threshold}). */
  double fraction(Duration target);

  record Percent(int percent) implements WarningThreshold {
    public Percent {
      if (percent <= 0 || percent >= 100) {
        throw new IllegalArgumentException("a warning is between 1% and 99%: " + percent);
      }
    }

    @Override
    public long firesAtNanos(Duration target) {
      return target.toNanos() / 100 * percent + target.toNanos() % 100 * percent / 100;
    }

    @Override
    public double fraction(Duration target) {
      return percent / 100.0;
    }

    @Override
    public String toString() {
      return percent + "%";
    }
  }

  record LeadTime(Duration before) implements WarningThreshold {
    @Override
    public long firesAtNanos(Duration target) {
      return target.compareTo(before) > 0 ? target.minus(before).toNanos() : -1;
    }

    @Override
    public double fraction(Duration target) {
      double f = (double) firesAtNanos(target) / target.toNanos();
      return Math.round(f * 10_000) / 10_000.0;
    }

    @Override
    public String toString() {
      return Targets.format(before) + " before";
    }
  }
}
