package io.slawatch.core.alert;

import java.util.Locale;

/** Why a clock that warned or breached ended without being met in time ({@code sla.ended}). */
public enum EndReason {
  /** Satisfied after its breach. */
  MET_LATE,
  /** The ticket was solved while the clock ran. */
  TICKET_SOLVED,
  /** The ticket was closed while the clock ran. */
  TICKET_CLOSED,
  /** A priority or plan change removed the clock (the new terms have none). */
  CLOCK_REMOVED;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  public String wireName() {
    return wireName;
  }

  public static EndReason ofWireName(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
