package io.slawatch.notifier.escalation;

import io.quarkus.runtime.StartupEvent;
import io.slawatch.notifier.escalation.StepDecisions.BatchRecord;
import io.slawatch.notifier.escalation.StepDecisions.StepResult;
import io.slawatch.notifier.store.AuditStore;
import io.slawatch.notifier.store.EscalationStore;
import io.slawatch.notifier.store.EscalationStore.ClaimedStep;
import io.slawatch.notifier.store.Transactions;
import io.slawatch.service.loop.PollLoop;
import io.slawatch.service.loop.PollLoops;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The escalation loop: claims the escalations whose next step is due (a lease renewed by the {@link
 * ClaimHeartbeat} while the batch runs, {@code FOR UPDATE SKIP LOCKED}, so instances never run the
 * same step at once and a dead instance's claim comes back within a lease), runs their steps
 * ({@link StepRunner}: each delivery is recorded as it completes), then records in one transaction
 * what the steps came to and moves each escalation on: to its next step after the step's wait, to
 * its next round, or to its end. An escalation acknowledged or resolved meanwhile stays so, one
 * another instance took over is left to it. Every transaction of the loop runs under {@code
 * slawatch.notifier.escalation.statement-timeout}.
 */
@ApplicationScoped
public class EscalationRunner {
  private final Transactions transactions;
  private final EscalationStore escalations;
  private final AuditStore audit;
  private final StepRunner steps;
  private final ClaimHeartbeat claims;
  private final EscalationConfig config;
  private final Clock clock;
  private final PollLoops loops;
  private PollLoop loop;

  EscalationRunner(
      Transactions transactions,
      EscalationStore escalations,
      AuditStore audit,
      StepRunner steps,
      ClaimHeartbeat claims,
      EscalationConfig config,
      PollLoops loops,
      Clock clock) {
    this.transactions = transactions;
    this.escalations = escalations;
    this.audit = audit;
    this.steps = steps;
    this.claims = claims;
    this.config = config;
    this.loops = loops;
    this.clock = clock;
  }

  void start(@Observes StartupEvent started) {
    loop =
        loops.start(
            new PollLoop.Settings("escalation-loop", config.pollInterval(), config.roundTimeout()),
            this::runDue);
  }

  /** Runs what is due now; if a round is under way, one more follows it. */
  public void wake() {
    loop.wake();
  }

  /** Runs due steps, batch after batch, until fewer than a full batch were due. */
  public Uni<Integer> runDue() {
    return PollLoop.drain(this::runBatch, config.batchSize());
  }

  private Uni<Integer> runBatch() {
    Instant now = clock.instant();
    return transactions
        .run(
            config.statementTimeout(),
            tx ->
                escalations.claimDue(
                    tx, claims.owner(), now, now.plus(config.lease()), config.batchSize()))
        .flatMap(
            claimed ->
                claimed.isEmpty()
                    ? Uni.createFrom().item(0)
                    : claims
                        .holding(
                            claimed.stream().map(ClaimedStep::alertId).toList(),
                            steps.run(claimed).call(this::record))
                        .map(List::size));
  }

  /**
   * The moves to next steps and the ends of a batch, with the steps' own audit entries, in one
   * transaction (its deliveries were recorded as they completed).
   */
  private Uni<Void> record(List<StepResult> results) {
    Instant now = clock.instant();
    BatchRecord batch = StepDecisions.record(results);
    return transactions.run(
        config.statementTimeout(),
        tx ->
            audit
                .writeAll(tx, batch.stepAudit())
                .call(() -> escalations.move(tx, claims.owner(), batch.moves(), now))
                .flatMap(moved -> escalations.end(tx, claims.owner(), batch.ends(), now))
                .flatMap(ended -> audit.writeAll(tx, batch.ended(ended, now))));
  }
}
