package io.slawatch.core.clock;

import java.time.Instant;

/** One line of a clock's explanation: what happened and which rule it applied. */
public record TimelineEntry(Instant at, String cause, String rule) {
  @Override
  public String toString() {
    return at + "  " + cause + ": " + rule;
  }
}
