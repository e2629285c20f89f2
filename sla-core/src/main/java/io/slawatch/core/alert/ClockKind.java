package io.slawatch.core.alert;

import java.util.Locale;

/** The SLA clocks a ticket can run. */
public enum ClockKind {
  FIRST_RESPONSE,
  NEXT_RESPONSE,
  UPDATE,
  RESOLUTION;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ClockKind ofWireName(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
