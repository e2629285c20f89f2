package io.slawatch.timer.store;

/**
 * Whose timers a row of the {@code timer} table holds: a ticket's or an engagement's. A replay
 * replaces only the timers of its own kind of subject, so ids may coincide across the two.
 */
public enum SubjectKind {
  TICKET("ticket"),
  ENGAGEMENT("engagement");

  private final String column;

  SubjectKind(String column) {
    this.column = column;
  }

  /** The value of the {@code subject_kind} column. */
  public String column() {
    return column;
  }

  /** The kind a {@code subject_kind} value names (a ticket when null, as rows before V7 are). */
  public static SubjectKind of(String column) {
    return "engagement".equals(column) ? ENGAGEMENT : TICKET;
  }
}
