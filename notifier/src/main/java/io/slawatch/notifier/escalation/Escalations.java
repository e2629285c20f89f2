package io.slawatch.notifier.escalation;

import io.slawatch.core.alert.SlaAlert;
import io.slawatch.notifier.audit.AuditEntry;
import io.slawatch.notifier.metrics.NotifierMetrics;
import io.slawatch.notifier.policy.Policy;
import io.slawatch.notifier.policy.PolicyBook;
import io.slawatch.notifier.store.AuditStore;
import io.slawatch.notifier.store.EscalationStore;
import io.slawatch.notifier.store.Transaction;
import io.slawatch.notifier.store.Transactions;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Escalations as stored: begun, acknowledged, resolved; their state and history. */
@ApplicationScoped
public class Escalations {
  private static final Logger LOG = Logger.getLogger(Escalations.class);

  private final Transactions transactions;
  private final EscalationStore store;
  private final AuditStore audit;
  private final NotifierMetrics metrics;
  private final Clock clock;
  private final PolicyBook book;

  Escalations(
      Transactions transactions,
      EscalationStore store,
      AuditStore audit,
      NotifierMetrics metrics,
      Clock clock,
      PolicyBook book) {
    this.transactions = transactions;
    this.store = store;
    this.audit = audit;
    this.metrics = metrics;
    this.clock = clock;
    this.book = book;
  }

  /** An alert to begin: its policy, if one matches. */
  public record Begin(
      SlaAlert alert, String payload, Optional<Policy> policy, String traceparent) {}

  /**
   * In one transaction for a whole poll of alerts: begins each routed alert's escalation (once per
   * alert id; an alert of a clock that already closed starts nothing), then stops every escalation
   * still running for the clock of each closing alert ({@code sla.met}, {@code sla.ended}), and
   * audits it all. A closing alert no policy matches takes the policy of its clock's earlier
   * escalation, so the targets that heard of the clock hear how it ended. An alert with no policy
   * at all is counted and logged. Emits how many escalations began.
   */
  public Uni<Integer> beginAll(List<Begin> alerts) {
    if (alerts.isEmpty()) {
      return Uni.createFrom().item(0);
    }
    Instant now = clock.instant();
    List<SlaAlert> closing = alerts.stream().map(Begin::alert).filter(SlaAlert::closes).toList();
    return transactions.run(
        tx ->
            store
                .firstPolicies(tx, closing)
                .flatMap(
                    first -> {
                      List<Begin> all = BeginDecisions.withClosingPolicies(alerts, first, book);
                      return store
                          .begin(tx, BeginDecisions.escalations(all), now)
                          .call(
                              started ->
                                  Multi.createFrom()
                                      .iterable(closing)
                                      .onItem()
                                      .transformToUniAndConcatenate(c -> resolveClock(tx, c, now))
                                      .collect()
                                      .asList())
                          .flatMap(started -> audit(tx, BeginDecisions.audit(all, started, now)));
                    }));
  }

  private Uni<Integer> audit(Transaction tx, BeginDecisions.Begun begun) {
    for (String id : begun.unrouted()) {
      metrics.unroutable("", "no_policy");
      LOG.warnf("alert %s matches no policy and no fallback target is set: nobody is notified", id);
    }
    for (String id : begun.toFallback()) {
      metrics.unroutable("", "no_policy");
      LOG.warnf("alert %s matches no policy: it goes to the fallback target", id);
    }
    return audit.writeAll(tx, begun.audit()).replaceWith(begun.started());
  }

  /** Stops every escalation of the closing alert's clock still running (not the closing one's). */
  private Uni<Void> resolveClock(Transaction tx, SlaAlert closing, Instant now) {
    String why = BeginDecisions.resolvedBecause(closing);
    return store
        .resolveClock(tx, closing, now)
        .flatMap(
            ids ->
                ids.isEmpty()
                    ? Uni.createFrom().voidItem()
                    : Multi.createFrom()
                        .iterable(ids)
                        .onItem()
                        .transformToUniAndConcatenate(
                            id -> audit.write(tx, AuditEntry.of(id, now, "resolved", why)))
                        .collect()
                        .last()
                        .replaceWithVoid());
  }

  /** The outcome of an acknowledgement. */
  public enum Ack {
    ACKNOWLEDGED,
    ALREADY_OVER,
    UNKNOWN
  }

  /** Stops the alert's escalation, if it is still running; says what it found. */
  public Uni<Ack> acknowledge(String alertId, String by) {
    Instant now = clock.instant();
    return transactions.run(
        tx ->
            store
                .acknowledge(tx, alertId, by, now)
                .flatMap(
                    stopped -> {
                      if (stopped) {
                        return audit
                            .write(tx, AuditEntry.of(alertId, now, "acknowledged", "by " + by))
                            .replaceWith(Ack.ACKNOWLEDGED);
                      }
                      return store
                          .exists(tx, alertId)
                          .map(found -> found ? Ack.ALREADY_OVER : Ack.UNKNOWN);
                    }));
  }

  /** The outcome of a snooze. */
  public enum Snooze {
    SNOOZED,
    ALREADY_OVER,
    UNKNOWN
  }

  /**
   * Holds the alert's escalation: its next step runs no earlier than {@code duration} from now
   * (also when it is being run right now: the step after it waits for the snooze).
   */
  public Uni<Snooze> snooze(String alertId, Duration duration, String by) {
    Instant now = clock.instant();
    Instant until = now.plus(duration);
    return transactions.run(
        tx ->
            store
                .snooze(tx, alertId, until, now)
                .flatMap(
                    held -> {
                      if (held) {
                        return audit
                            .write(
                                tx,
                                AuditEntry.of(
                                    alertId,
                                    now,
                                    "snoozed",
                                    "by " + by + " for " + duration + ", until " + until))
                            .replaceWith(Snooze.SNOOZED);
                      }
                      return store
                          .exists(tx, alertId)
                          .map(found -> found ? Snooze.ALREADY_OVER : Snooze.UNKNOWN);
                    }));
  }

  /**
   * An escalation and its audit trail, for {@code GET /api/v1/alerts/{id}}; an alert that began no
   * escalation but was audited (no policy matched it) is {@code unrouted}.
   */
  public record History(
      String alertId,
      String policy,
      String state,
      int levelReached,
      Optional<Instant> nextStepAt,
      Optional<String> acknowledgedBy,
      Optional<Instant> snoozedUntil,
      List<AuditEntry> audit) {
    public History {
      audit = List.copyOf(audit);
    }

    /** The history of what is stored of the alert; empty when nothing is. */
    public static Optional<History> of(
        String alertId, Optional<EscalationStore.Stored> escalation, List<AuditEntry> audit) {
      if (escalation.isEmpty()) {
        return audit.isEmpty()
            ? Optional.empty()
            : Optional.of(
                new History(
                    alertId,
                    "",
                    "unrouted",
                    0,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    audit));
      }
      EscalationStore.Stored e = escalation.get();
      return Optional.of(
          new History(
              alertId,
              e.policy(),
              e.state(),
              e.levelReached(),
              e.nextAt(),
              e.acknowledgedBy(),
              e.snoozedUntil(),
              audit));
    }
  }

  public Uni<Optional<History>> history(String alertId) {
    return store
        .find(alertId)
        .flatMap(
            escalation ->
                audit.ofAlert(alertId).map(entries -> History.of(alertId, escalation, entries)));
  }
}
