package io.slawatch.core.alert;

/** What an alert says about a clock; the wire type is {@code sla.<kind>}. */
public enum AlertKind {
  WARNING("sla.warning"),
  UPDATE_DUE("sla.update_due"),
  BREACHED("sla.breached"),
  MET("sla.met"),
  /** The closing alert of a clock that warned or breached and was not met in time. */
  ENDED("sla.ended");

  private final String type;

  AlertKind(String type) {
    this.type = type;
  }

  /** Whether this alert closes its clock ({@code sla.met} or {@code sla.ended}). */
  public boolean closes() {
    return this == MET || this == ENDED;
  }

  public String type() {
    return type;
  }

  public static AlertKind ofType(String type) {
    for (AlertKind kind : values()) {
      if (kind.type.equals(type)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown alert type: " + type);
  }
}
