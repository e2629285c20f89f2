package io.slawatch.core.engagement;

import io.slawatch.core.alert.ClockKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One obligation of an engagement as of the evaluation instant.
 *
 * @param clock which obligation ({@link Obligations#EXPIRY}, ...)
 * @param cycle its instance on the engagement (the alerts' {@code cycle}): the booking number for
 *     {@code no_show}, the n-th series of unanswered attempts for {@code forfeit_risk}
 * @param since when it began (purchase, booking, first unanswered attempt, change)
 * @param due its deadline: expiry, start + 20 min, the notice deadline, the third attempt
 * @param settledAt when it was met, breached or ended (empty while open)
 * @param terms the rule in words ("one year after purchase", "5 business days' notice")
 * @param target the time it allowed: the year, the 20 minutes, the notice the booking needed, the
 *     span of the unanswered attempts
 * @param plan the customer's plan when it began (a later change of plan does not move it)
 */
public record Obligation(
    ClockKind clock,
    int cycle,
    Instant since,
    Instant due,
    Status status,
    Optional<Instant> settledAt,
    String terms,
    Duration target,
    String plan) {
  /** Where an obligation stands. */
  public enum Status {
    /** Running: its deadline is ahead. */
    OPEN,
    /** Satisfied by its deadline. */
    MET,
    /**
     * Its deadline passed unmet (a late notice, a no-show, an expiry without completion); a no-show
     * or an expiry may still be met late.
     */
    BREACHED,
    /** Satisfied after its breach (completed after expiry, started later than 20 min). */
    MET_LATE,
    /** No longer owed: the booking was moved or cancelled, the engagement completed. */
    VOID
  }

  public Obligation {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(due, "due");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(settledAt, "settledAt");
    Objects.requireNonNull(terms, "terms");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(plan, "plan");
  }
}
