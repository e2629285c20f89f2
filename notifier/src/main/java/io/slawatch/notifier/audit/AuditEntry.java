package io.slawatch.notifier.audit;

import java.time.Instant;

/**
 * One entry of the audit log: a delivery outcome or an escalation change. {@code target}, {@code
 * channel}, {@code level}, {@code round} and {@code attempts} may be null.
 */
public record AuditEntry(
    String alertId,
    Instant at,
    String event,
    String target,
    String channel,
    Integer level,
    Integer round,
    Integer attempts,
    String detail) {
  /** An escalation change: no target, channel, level, round or attempts. */
  public static AuditEntry of(String alertId, Instant at, String event, String detail) {
    return new AuditEntry(alertId, at, event, null, null, null, null, null, detail);
  }
}
