package io.slawatch.core.alert;

import java.util.Locale;

/** The SLA clocks a ticket can run. */
public enum ClockKind {
  FIRST_RESPONSE,
  NEXT_RESPONSE,
  UPDATE,
  RESOLUTION;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  public String wireName() {
    return wireName;
  }

  public static ClockKind ofWireName(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
