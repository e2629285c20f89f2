package io.slawatch.core.clock;

import java.time.Duration;

/** Durations as people read them in timelines: {@code 1h30m}, {@code 45m}, {@code 20s}. */
final class Durations {
  private Durations() {}

  static String text(Duration d) {
    if (d.isNegative()) {
      return "-" + text(d.negated());
    }
    long h = d.toHours();
    int m = d.toMinutesPart();
    int s = d.toSecondsPart();
    StringBuilder out = new StringBuilder();
    if (h > 0) {
      out.append(h).append('h');
    }
    if (m > 0) {
      out.append(m).append('m');
    }
    if (s > 0 || out.isEmpty()) {
      out.append(s).append('s');
    }
    return out.toString();
  }
}
