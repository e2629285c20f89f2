package io.slawatch.notifier.escalation;

import io.slawatch.notifier.audit.AuditEntry;
import io.slawatch.notifier.channel.Notification;
import io.slawatch.notifier.config.NotifierConfig;
import io.slawatch.notifier.delivery.Dispatch;
import io.slawatch.notifier.delivery.Dispatcher;
import io.slawatch.notifier.policy.Grouping;
import io.slawatch.notifier.policy.Policy;
import io.slawatch.notifier.store.AuditStore;
import io.slawatch.notifier.store.NotificationGroupStore;
import io.slawatch.notifier.store.NotificationGroupStore.Join;
import io.slawatch.notifier.store.NotificationGroupStore.Joined;
import io.slawatch.notifier.store.NotificationGroupStore.Member;
import io.slawatch.notifier.store.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Makes a step's notification a member of its group instead of sending it: the member is stored
 * (with an audit entry {@code grouped}) before the step goes on, in batched transactions ({@link
 * WriteBehind}), so a crash during the window loses no member; the {@link GroupSender} sends the
 * group once its window ended and records each member's delivery.
 */
@ApplicationScoped
public class GroupJoiner {
  private final WriteBehind<Join> writes;
  private final Clock clock;

  GroupJoiner(
      Transactions transactions,
      NotificationGroupStore groups,
      AuditStore audit,
      EscalationConfig config,
      NotifierConfig notifier,
      Clock clock) {
    this.clock = clock;
    int maxMembers = notifier.grouping().maxMembers();
    this.writes =
        new WriteBehind<>(
            joins ->
                transactions.run(
                    config.statementTimeout(),
                    tx ->
                        groups
                            .join(tx, joins, clock.instant(), maxMembers)
                            .flatMap(
                                joined ->
                                    audit.writeAll(tx, joined.stream().map(this::audit).toList()))),
            DeliveryRecorder.MAX_BATCH);
  }

  /** Stores the notification as a member of its group; completes once that is committed. */
  public Uni<Void> join(Dispatch.Step step, Dispatcher.Grouped grouped) {
    return writes.write(join(step, grouped, clock.instant()));
  }

  /** The join of a step's notification, decided at {@code now}. */
  static Join join(Dispatch.Step step, Dispatcher.Grouped grouped, Instant now) {
    Policy policy = step.policy();
    Notification n = grouped.send().notification();
    String key = policy.grouping().key(step.alert(), step.level());
    String type = step.alert().kind().type();
    String address = n.address().orElse("");
    String destination = address.isEmpty() ? n.target() : n.target() + "/" + address;
    return new Join(
        Grouping.groupId(policy.name(), destination, type, key, now),
        Grouping.flushAt(now, grouped.window()),
        policy.name(),
        n.target(),
        grouped.send().channel(),
        address,
        type,
        key,
        new Member(
            step.alert().id(),
            n.target(),
            step.level(),
            step.round(),
            n.address().orElse(null),
            n.language().toLanguageTag(),
            n.customerLanguage().toLanguageTag(),
            n.zone().map(ZoneId::getId).orElse(null),
            n.customerZone().map(ZoneId::getId).orElse(null),
            n.ackUrl().map(URI::toString).orElse(null),
            n.traceparent().orElse(null)));
  }

  private AuditEntry audit(Joined joined) {
    Join join = joined.join();
    Member m = join.member();
    return new AuditEntry(
        m.alertId(),
        clock.instant(),
        "grouped",
        m.target(),
        join.channel(),
        m.level(),
        m.round(),
        null,
        "group " + join.key() + ", sent at " + joined.flushAt());
  }
}
