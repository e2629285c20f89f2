package io.slawatch.notifier.escalation;

import io.slawatch.notifier.delivery.Outcome;
import io.slawatch.notifier.store.AuditStore;
import io.slawatch.notifier.store.DeliveryStore;
import io.slawatch.notifier.store.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Records each delivery's outcome as soon as the channel answered, not when its batch of steps
 * ends: its {@code delivery} row and its audit entry, in batched transactions ({@link WriteBehind}:
 * within one transaction's time, a few milliseconds) under the loop's statement timeout. A step
 * waits for the record of one delivery before it sends the next, so a crash sends again at most one
 * delivery per step in flight ({@code slawatch.notifier.escalation.concurrency}).
 */
@ApplicationScoped
public class DeliveryRecorder {
  /** The most outcomes one transaction records. */
  static final int MAX_BATCH = 500;

  private final WriteBehind<Outcome> writes;

  DeliveryRecorder(
      Transactions transactions,
      DeliveryStore deliveries,
      AuditStore audit,
      EscalationConfig config) {
    this.writes =
        new WriteBehind<>(
            outcomes ->
                transactions.run(
                    config.statementTimeout(),
                    tx ->
                        deliveries
                            .record(tx, outcomes)
                            .call(
                                () ->
                                    audit.writeAll(
                                        tx, outcomes.stream().map(Outcome::audit).toList()))),
            MAX_BATCH);
  }

  /** Records the outcome; completes once it is committed, fails if it could not be. */
  public Uni<Void> record(Outcome outcome) {
    return writes.write(outcome);
  }
}
