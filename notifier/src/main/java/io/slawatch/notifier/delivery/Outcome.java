package io.slawatch.notifier.delivery;

import io.slawatch.notifier.audit.AuditEntry;
import java.time.Instant;

/**
 * What became of one target in one escalation step: a {@code delivery} row and an audit entry.
 *
 * @param status {@code delivered}, {@code failed} or {@code skipped}
 * @param attempts how many attempts the channel made ({@code -1} when it failed, 0 when skipped)
 */
public record Outcome(
    String alertId,
    String target,
    String channel,
    int level,
    int round,
    String status,
    int attempts,
    String detail,
    Instant at) {
  /** The delivery's identity: a target is notified once per alert, level and round. */
  public String key() {
    return key(alertId, target, level, round);
  }

  public static String key(String alertId, String target, int level, int round) {
    return alertId + "|" + target + "|" + level + "|" + round;
  }

  /** The outcome as the audit log keeps it. */
  public AuditEntry audit() {
    return new AuditEntry(alertId, at, status, target, channel, level, round, attempts, detail);
  }
}
