package io.slawatch.notifier.escalation;

import io.quarkus.runtime.StartupEvent;
import io.slawatch.notifier.channel.pagerduty.PagerDutyChannel;
import io.slawatch.notifier.metrics.NotifierMetrics;
import io.slawatch.notifier.store.NotificationGroupStore;
import io.slawatch.notifier.store.NotificationGroupStore.Incident;
import io.slawatch.notifier.store.Transactions;
import io.slawatch.service.loop.PollLoop;
import io.slawatch.service.loop.PollLoops;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Every alert ends, grouped ones too (spec §6): a PagerDuty group incident ({@code dedup_key}
 * {@code slawatch/group/<key>}) is resolved once the clock of every alert its groups carried is
 * closed. The loop ({@code group-incidents}, every 5 s, only when PagerDuty is configured) finds
 * such incidents, sends PagerDuty a {@code resolve} for each, then marks its groups resolved; a
 * crash in between sends the resolve again, which PagerDuty takes as the same.
 */
@ApplicationScoped
public class GroupIncidents {
  private static final Logger LOG = Logger.getLogger(GroupIncidents.class);

  /** How many settled incidents one batch resolves. */
  static final int BATCH = 100;

  /**
   * How often settled incidents are looked for: a resolve a few seconds late is harmless, and the
   * query reads every member of the unresolved groups.
   */
  static final Duration EVERY = Duration.ofSeconds(5);

  private final Transactions transactions;
  private final NotificationGroupStore groups;
  private final PagerDutyChannel pagerDuty;
  private final NotifierMetrics metrics;
  private final EscalationConfig config;
  private final PollLoops loops;
  private final Clock clock;

  GroupIncidents(
      Transactions transactions,
      NotificationGroupStore groups,
      PagerDutyChannel pagerDuty,
      NotifierMetrics metrics,
      EscalationConfig config,
      PollLoops loops,
      Clock clock) {
    this.transactions = transactions;
    this.groups = groups;
    this.pagerDuty = pagerDuty;
    this.metrics = metrics;
    this.config = config;
    this.loops = loops;
    this.clock = clock;
  }

  void start(@Observes StartupEvent started) {
    if (pagerDuty.enabled()) {
      loops.start(
          new PollLoop.Settings("group-incidents", EVERY, config.roundTimeout()),
          this::resolveSettled);
    }
  }

  /** Resolves every settled group incident, batch after batch. */
  public Uni<Integer> resolveSettled() {
    return PollLoop.drain(this::resolveBatch, BATCH);
  }

  private Uni<Integer> resolveBatch() {
    return transactions
        .run(config.statementTimeout(), tx -> groups.settledIncidents(tx, BATCH))
        .flatMap(
            incidents ->
                Multi.createFrom()
                    .iterable(incidents)
                    .onItem()
                    .transformToUniAndMerge(this::resolve)
                    .collect()
                    .asList()
                    // resolved ones only: a batch that failed ends the round, not loops on it
                    .map(done -> (int) done.stream().filter(Boolean::booleanValue).count()));
  }

  /** Emits whether the incident was resolved (a failure is logged and tried next round). */
  private Uni<Boolean> resolve(Incident incident) {
    return pagerDuty
        .resolveGroup(incident.key())
        .flatMap(
            attempts ->
                transactions.run(
                    config.statementTimeout(),
                    tx -> groups.resolved(tx, incident, clock.instant())))
        .invoke(
            marked ->
                LOG.debugf(
                    "resolved the PagerDuty incident of group key %s (%s)",
                    incident.key(), incident.target()))
        .replaceWith(true)
        .onFailure()
        .recoverWithItem(
            failure -> {
              metrics.failure("notification_group");
              LOG.errorf(
                  failure,
                  "could not resolve the PagerDuty incident of group key %s: tried again next round",
                  incident.key());
              return false;
            });
  }
}
