package io.slawatch.notifier.escalation;

import io.slawatch.core.alert.SlaAlert;
import io.slawatch.notifier.audit.AuditEntry;
import io.slawatch.notifier.delivery.Outcome;
import io.slawatch.notifier.policy.CustomerFacts;
import io.slawatch.notifier.policy.Decision;
import io.slawatch.notifier.policy.Policy;
import io.slawatch.notifier.policy.PolicyBook;
import io.slawatch.notifier.policy.StepRun;
import io.slawatch.notifier.store.EscalationStore.ClaimedStep;
import io.slawatch.notifier.store.EscalationStore.End;
import io.slawatch.notifier.store.EscalationStore.Move;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a claimed escalation step leads to, and what a batch of steps writes: pure functions of the
 * policy book, the step and what is known of it, with no database, broker or channel.
 */
public final class StepDecisions {
  private StepDecisions() {}

  /**
   * A claimed step, decided: what each target gets, what comes after the step, why the escalation
   * ends if it does, and what is audited besides the deliveries.
   *
   * @param policy the step's policy; empty when the policy no longer has the step (nothing is sent,
   *     the escalation ends)
   * @param closing the step announces the clock's end ({@code sla.met}, {@code sla.ended})
   * @param unroutable none of the step's targets could take the alert: why, and what was done
   */
  public record StepPlan(
      String alertId,
      Optional<Policy> policy,
      boolean closing,
      int level,
      int round,
      List<Decision> decisions,
      StepRun.Next next,
      String endReason,
      Optional<StepRun.Unroutable> unroutable,
      List<AuditEntry> audit) {
    public StepPlan {
      decisions = List.copyOf(decisions);
      audit = List.copyOf(audit);
    }

    /** Whether the step runs (its policy still has it). */
    public boolean runs() {
      return policy.isPresent();
    }

    /** Whether the step counts in {@code slawatch_escalation_level_reached_total}. */
    public boolean countsLevel() {
      return runs() && !closing;
    }

    /** The step run, with the outcomes of its decisions. */
    public StepResult result(List<Outcome> outcomes) {
      return new StepResult(alertId, outcomes, next, level, endReason, audit);
    }
  }

  /**
   * What one claimed step came to: its outcomes, what comes after it, why the escalation ends if it
   * does, and its audit entries besides the outcomes'.
   */
  public record StepResult(
      String alertId,
      List<Outcome> outcomes,
      StepRun.Next next,
      int level,
      String endReason,
      List<AuditEntry> audit) {
    public StepResult {
      outcomes = List.copyOf(outcomes);
      audit = List.copyOf(audit);
    }
  }

  /**
   * Decides a claimed step at {@code now}: a closing alert's one step notifies every target its
   * clock's earlier alerts reached ({@code notified}), any other step runs as the policy says; a
   * step none of whose targets can take the alert is audited as {@code unroutable} with what was
   * done about it. A step its policy no longer has ends the escalation.
   */
  public static StepPlan plan(
      PolicyBook book,
      ClaimedStep claimed,
      SlaAlert alert,
      CustomerFacts customer,
      Set<String> notified,
      Instant now) {
    Optional<Policy> policy = book.policy(claimed.policy());
    if (policy.isEmpty() || claimed.step() >= policy.get().steps().size()) {
      return new StepPlan(
          claimed.alertId(),
          Optional.empty(),
          alert.closes(),
          0,
          claimed.round(),
          List.of(),
          new StepRun.Next.Done(),
          "policy " + claimed.policy() + " no longer has this step",
          Optional.empty(),
          List.of());
    }
    StepRun run =
        alert.closes()
            ? book.close(policy.get(), notified, now, alert, customer)
            : book.run(policy.get(), claimed.step(), claimed.round(), now, alert, customer);
    List<AuditEntry> audit =
        run.unroutable()
            .map(
                u ->
                    List.of(
                        new AuditEntry(
                            claimed.alertId(),
                            now,
                            "unroutable",
                            null,
                            null,
                            run.level(),
                            run.round(),
                            null,
                            u.reason() + ": " + u.detail())))
            .orElse(List.of());
    return new StepPlan(
        claimed.alertId(),
        policy,
        alert.closes(),
        run.level(),
        run.round(),
        run.decisions(),
        run.next(),
        alert.closes() ? "the clock's end was announced" : "every step and round ran",
        run.unroutable(),
        audit);
  }

  /**
   * What a batch of steps writes in one transaction once its steps ran: the steps' own audit
   * entries, the escalations that move on and those that end. (Each delivery's outcome was recorded
   * as it completed, by the {@link DeliveryRecorder}.)
   */
  public record BatchRecord(
      List<AuditEntry> stepAudit,
      List<Move> moves,
      List<End> ends,
      Map<String, String> endReasons) {

    /**
     * The audit entries of the escalations that ended ({@code done}, with why): only those still
     * active when the batch was written ({@code endedIds}); one acknowledged or resolved meanwhile
     * stays so and is not audited again.
     */
    public List<AuditEntry> ended(List<String> endedIds, Instant now) {
      return endedIds.stream()
          .map(id -> AuditEntry.of(id, now, "done", endReasons.get(id)))
          .toList();
    }
  }

  /** The batch's writes: a step followed by another moves on to it, a last step ends. */
  public static BatchRecord record(List<StepResult> results) {
    List<Move> moves = new ArrayList<>();
    List<End> ends = new ArrayList<>();
    Map<String, String> endReasons = new HashMap<>();
    for (StepResult r : results) {
      switch (r.next()) {
        case StepRun.Next.At next ->
            moves.add(new Move(r.alertId(), next.step(), next.round(), next.at(), r.level()));
        case StepRun.Next.Done done -> {
          ends.add(new End(r.alertId(), r.level()));
          endReasons.put(r.alertId(), r.endReason());
        }
      }
    }
    return new BatchRecord(
        results.stream().flatMap(r -> r.audit().stream()).toList(), moves, ends, endReasons);
  }
}
