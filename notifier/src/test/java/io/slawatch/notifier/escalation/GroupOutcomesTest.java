package io.slawatch.notifier.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.notifier.delivery.Outcome;
import io.slawatch.notifier.store.NotificationGroupStore.ClaimedGroup;
import io.slawatch.notifier.store.NotificationGroupStore.Member;
import io.slawatch.notifier.store.NotificationGroupStore.StoredMember;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each member of a group keeps its own delivery record, whatever became of the group. */
class GroupOutcomesTest {
  private static final Instant AT = Instant.parse("2026-11-23T09:00:10Z");

  private static StoredMember member(String alertId, String state) {
    return new StoredMember(
        new Member(alertId, "chat", 1, 0, null, "en", "en", null, null, null, null), "{}", state);
  }

  private static final ClaimedGroup GROUP =
      new ClaimedGroup(
          "p|chat|sla.breached|customer=acme|t",
          "p",
          "chat",
          "slack",
          "",
          "sla.breached",
          "customer=acme",
          List.of(
              member("A", "active"),
              member("B", "acknowledged"),
              member("C", "done"),
              member("D", "resolved")));

  @Test
  void a_delivered_group_records_each_open_member_delivered_and_the_closed_ones_skipped() {
    List<Outcome> outcomes = GroupOutcomes.delivered(GROUP, 2, AT);
    assertThat(outcomes)
        .extracting(Outcome::alertId, Outcome::status, Outcome::attempts, Outcome::channel)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("A", "delivered", 2, "slack"),
            org.assertj.core.groups.Tuple.tuple("B", "skipped", 0, "slack"),
            org.assertj.core.groups.Tuple.tuple("C", "delivered", 2, "slack"),
            org.assertj.core.groups.Tuple.tuple("D", "skipped", 0, "slack"));
    assertThat(outcomes.get(0).detail())
        .isEqualTo("one notification for 2 alerts (group customer=acme)");
    assertThat(outcomes.get(1).detail()).isEqualTo(GroupOutcomes.CLOSED);
    assertThat(outcomes).allMatch(o -> o.key().endsWith("|chat|1|0"));
  }

  @Test
  void a_failed_group_records_each_open_member_failed_with_the_reason() {
    assertThat(GroupOutcomes.failed(GROUP, "HTTP 500", AT))
        .extracting(Outcome::status, Outcome::detail)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("failed", "HTTP 500"),
            org.assertj.core.groups.Tuple.tuple("skipped", GroupOutcomes.CLOSED),
            org.assertj.core.groups.Tuple.tuple("failed", "HTTP 500"),
            org.assertj.core.groups.Tuple.tuple("skipped", GroupOutcomes.CLOSED));
  }

  @Test
  void a_group_sent_to_no_channel_is_skipped_with_why() {
    assertThat(GroupOutcomes.settled(GROUP, "channel not enabled", AT))
        .extracting(Outcome::status, Outcome::detail)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("skipped", "channel not enabled"),
            org.assertj.core.groups.Tuple.tuple("skipped", GroupOutcomes.CLOSED),
            org.assertj.core.groups.Tuple.tuple("skipped", "channel not enabled"),
            org.assertj.core.groups.Tuple.tuple("skipped", GroupOutcomes.CLOSED));
  }
}
