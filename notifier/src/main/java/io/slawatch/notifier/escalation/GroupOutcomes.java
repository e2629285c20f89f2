package io.slawatch.notifier.escalation;

import io.slawatch.notifier.delivery.Outcome;
import io.slawatch.notifier.store.NotificationGroupStore.ClaimedGroup;
import io.slawatch.notifier.store.NotificationGroupStore.Member;
import io.slawatch.notifier.store.NotificationGroupStore.StoredMember;
import java.time.Instant;
import java.util.List;

/**
 * What sending a group comes to for each of its members (a {@code delivery} row and an audit entry
 * each): pure functions of the group and the channel's answer. A member whose escalation was
 * acknowledged or resolved before the group was sent is left out of the notification and recorded
 * as skipped.
 */
final class GroupOutcomes {
  static final String CLOSED = "acknowledged or resolved before its group was sent";

  private GroupOutcomes() {}

  /** Whether a member is still open: its escalation neither acknowledged nor resolved. */
  static boolean open(String escalationState) {
    return escalationState.equals("active") || escalationState.equals("done");
  }

  /** The channel took the group after {@code attempts} attempts. */
  static List<Outcome> delivered(ClaimedGroup group, int attempts, Instant at) {
    String detail =
        "one notification for " + openCount(group) + " alerts (group " + group.key() + ")";
    return group.members().stream()
        .map(
            m ->
                open(m.state())
                    ? outcome(group, m, "delivered", attempts, detail, at)
                    : outcome(group, m, "skipped", 0, CLOSED, at))
        .toList();
  }

  /** The channel did not take the group, even after its retries. */
  static List<Outcome> failed(ClaimedGroup group, String reason, Instant at) {
    return group.members().stream()
        .map(
            m ->
                open(m.state())
                    ? outcome(group, m, "failed", -1, reason, at)
                    : outcome(group, m, "skipped", 0, CLOSED, at))
        .toList();
  }

  /**
   * Nothing was sent: every member closed before the group was due, or the channel is no longer
   * enabled ({@code reason}; empty for the former).
   */
  static List<Outcome> settled(ClaimedGroup group, String reason, Instant at) {
    return group.members().stream()
        .map(
            m ->
                outcome(
                    group,
                    m,
                    "skipped",
                    0,
                    reason.isEmpty() || !open(m.state()) ? CLOSED : reason,
                    at))
        .toList();
  }

  private static long openCount(ClaimedGroup group) {
    return group.members().stream().filter(m -> open(m.state())).count();
  }

  private static Outcome outcome(
      ClaimedGroup group,
      StoredMember stored,
      String status,
      int attempts,
      String detail,
      Instant at) {
    Member m = stored.member();
    return new Outcome(
        m.alertId(),
        m.target(),
        group.channel(),
        m.level(),
        m.round(),
        status,
        attempts,
        detail,
        at);
  }
}
