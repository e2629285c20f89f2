package io.slawatch.notifier.escalation;

import io.quarkus.runtime.StartupEvent;
import io.slawatch.contract.json.SlaAlertCodec;
import io.slawatch.notifier.channel.GroupNotification;
import io.slawatch.notifier.channel.Notification;
import io.slawatch.notifier.config.NotifierConfig;
import io.slawatch.notifier.delivery.Dispatcher;
import io.slawatch.notifier.delivery.Outcome;
import io.slawatch.notifier.metrics.NotifierMetrics;
import io.slawatch.notifier.store.AuditStore;
import io.slawatch.notifier.store.DeliveryStore;
import io.slawatch.notifier.store.NotificationGroupStore;
import io.slawatch.notifier.store.NotificationGroupStore.ClaimedGroup;
import io.slawatch.notifier.store.NotificationGroupStore.Member;
import io.slawatch.notifier.store.NotificationGroupStore.StoredMember;
import io.slawatch.notifier.store.Transactions;
import io.slawatch.service.loop.PollLoop;
import io.slawatch.service.loop.PollLoops;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The group loop ({@code group-loop}, every {@code slawatch.notifier.escalation.poll-interval}):
 * claims the groups whose window ended (and those whose holder's lease ran out: a dead instance's),
 * with a lease its {@link ClaimHeartbeat} renews while it sends them, sends each as one
 * notification of its members still open (not acknowledged or resolved), and records, in one
 * transaction, the group sent and each member's delivery (delivered or failed; skipped for a member
 * closed before). A crash between the send and its record sends the group again, with the same id
 * (its idempotency key), once the lease ran out.
 */
@ApplicationScoped
public class GroupSender {
  private static final Logger LOG = Logger.getLogger(GroupSender.class);

  /**
   * How many due groups one batch claims: each is read with its members (up to {@code max-members}
   * plus one join batch), so ten bound what a batch holds in memory.
   */
  static final int BATCH = 10;

  /** How many sent groups one purge transaction deletes. */
  static final int PURGE_BATCH = 1_000;

  private final Transactions transactions;
  private final NotificationGroupStore groups;
  private final DeliveryStore deliveries;
  private final AuditStore audit;
  private final Dispatcher dispatcher;
  private final ClaimHeartbeat claims;
  private final SlaAlertCodec codec;
  private final NotifierMetrics metrics;
  private final EscalationConfig config;
  private final PollLoops loops;
  private final Clock clock;
  private final Duration retention;

  /** How often sent groups past their retention are deleted. */
  private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

  GroupSender(
      Transactions transactions,
      NotificationGroupStore groups,
      DeliveryStore deliveries,
      AuditStore audit,
      Dispatcher dispatcher,
      ClaimHeartbeat claims,
      SlaAlertCodec codec,
      NotifierMetrics metrics,
      EscalationConfig config,
      PollLoops loops,
      NotifierConfig notifier,
      Clock clock) {
    this.retention = notifier.grouping().retention();
    this.transactions = transactions;
    this.groups = groups;
    this.deliveries = deliveries;
    this.audit = audit;
    this.dispatcher = dispatcher;
    this.claims = claims;
    this.codec = codec;
    this.metrics = metrics;
    this.config = config;
    this.loops = loops;
    this.clock = clock;
  }

  void start(@Observes StartupEvent started) {
    loops.start(
        new PollLoop.Settings("group-loop", config.pollInterval(), config.roundTimeout()),
        this::sendDue);
    loops.start(
        new PollLoop.Settings("group-retention", PURGE_EVERY, config.roundTimeout()),
        this::purgeSent);
  }

  /**
   * Deletes the groups sent longer than {@code slawatch.notifier.grouping.retention} ago, with
   * their member lists (each member's delivery and audit entries stay).
   */
  public Uni<Integer> purgeSent() {
    Instant before = clock.instant().minus(retention);
    return PollLoop.drain(
        () ->
            transactions.run(
                config.statementTimeout(), tx -> groups.purgeSent(tx, before, PURGE_BATCH)),
        PURGE_BATCH);
  }

  /** Sends due groups, batch after batch, until fewer than a full batch were due. */
  public Uni<Integer> sendDue() {
    return PollLoop.drain(this::sendBatch, BATCH);
  }

  private Uni<Integer> sendBatch() {
    Instant now = clock.instant();
    return transactions
        .run(
            config.statementTimeout(),
            tx -> groups.claimDue(tx, claims.owner(), now, now.plus(config.lease()), BATCH))
        .flatMap(
            claimed ->
                claimed.isEmpty()
                    ? Uni.createFrom().item(0)
                    : claims
                        .holdingGroups(
                            claimed.stream().map(ClaimedGroup::id).toList(),
                            Multi.createFrom()
                                .iterable(claimed)
                                .onItem()
                                .transformToUni(this::send)
                                .merge(config.concurrency())
                                .collect()
                                .asList())
                        .map(List::size));
  }

  /**
   * Sends one group and records it; a failure is logged and the group sent again after the lease.
   */
  private Uni<Void> send(ClaimedGroup group) {
    List<StoredMember> open =
        group.members().stream().filter(m -> GroupOutcomes.open(m.state())).toList();
    Uni<List<Outcome>> outcomes;
    if (open.isEmpty() || !dispatcher.enabled(group.channel())) {
      outcomes =
          Uni.createFrom()
              .item(
                  GroupOutcomes.settled(
                      group,
                      dispatcher.enabled(group.channel()) ? "" : "channel not enabled",
                      clock.instant()));
    } else {
      GroupNotification notification =
          new GroupNotification(
              group.id(), group.key(), open.stream().map(this::notification).toList());
      outcomes =
          dispatcher
              .deliverGroup(group.channel(), notification)
              .map(attempts -> GroupOutcomes.delivered(group, attempts, clock.instant()))
              .onFailure()
              .recoverWithItem(
                  failure -> GroupOutcomes.failed(group, failure.getMessage(), clock.instant()));
    }
    return outcomes
        .flatMap(list -> record(group, list))
        .onFailure()
        .recoverWithItem(
            failure -> {
              metrics.failure("notification_group");
              LOG.errorf(
                  failure,
                  "group %s (%d alerts to %s) could not be sent or recorded: it is sent again"
                      + " when its lease ends",
                  group.id(),
                  group.members().size(),
                  group.target());
              return null;
            });
  }

  /** The group sent and its members' outcomes (rows and audit entries), in one transaction. */
  private Uni<Void> record(ClaimedGroup group, List<Outcome> outcomes) {
    return transactions.run(
        config.statementTimeout(),
        tx ->
            groups
                .sent(tx, claims.owner(), group.id(), clock.instant())
                .invoke(
                    held -> {
                      if (!held) {
                        LOG.warnf(
                            "group %s was taken over by another instance while this one sent it"
                                + " (its lease ran out): it is sent twice",
                            group.id());
                      }
                    })
                .call(() -> deliveries.record(tx, outcomes))
                .call(() -> audit.writeAll(tx, outcomes.stream().map(Outcome::audit).toList()))
                .replaceWithVoid());
  }

  private Notification notification(StoredMember stored) {
    Member m = stored.member();
    return new Notification(
        codec.decode(stored.payload().getBytes(StandardCharsets.UTF_8)),
        stored.payload(),
        m.target(),
        Optional.ofNullable(m.address()),
        Locale.forLanguageTag(m.language()),
        Locale.forLanguageTag(m.customerLanguage()),
        Optional.ofNullable(m.zone()).map(ZoneId::of),
        Optional.ofNullable(m.customerZone()).map(ZoneId::of),
        m.level(),
        Optional.ofNullable(m.ackUrl()).map(URI::create),
        Optional.ofNullable(m.traceparent()));
  }
}
