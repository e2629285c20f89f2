package io.slawatch.core.alert;

import io.slawatch.core.ticket.CustomerId;
import io.slawatch.core.ticket.Priority;
import io.slawatch.core.ticket.TicketId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * An alert the SLA engine emits (the contract published on {@code sla.alerts.v1}). Its id is
 * deterministic, so a re-fire after a crash carries the same id and receivers can deduplicate.
 *
 * @param firedAt the instant the alert fires (its CloudEvent {@code time})
 * @param threshold the fraction of the target consumed: 0.75, 0.9 for warnings, 1.0 for breaches
 */
public record SlaAlert(
    AlertKind kind,
    TicketId ticket,
    CustomerId customer,
    String plan,
    Priority priority,
    ClockKind clock,
    int cycle,
    Duration target,
    Instant due,
    Instant firedAt,
    Optional<Double> threshold,
    Optional<Instant> metAt,
    Optional<Duration> elapsed) {

  public SlaAlert {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(ticket, "ticket");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(due, "due");
    Objects.requireNonNull(firedAt, "firedAt");
    Objects.requireNonNull(threshold, "threshold");
    Objects.requireNonNull(metAt, "metAt");
    Objects.requireNonNull(elapsed, "elapsed");
  }

  /** A threshold's text as in the id ({@code Double.toString}), computed once per value. */
  private static final ConcurrentMap<Double, String> THRESHOLDS = new ConcurrentHashMap<>();

  /** Deterministic: ticket, clock, cycle, kind and threshold. */
  public String id() {
    return id(ticket, clock, cycle, kind, threshold);
  }

  public static String id(
      TicketId ticket, ClockKind clock, int cycle, AlertKind kind, Optional<Double> threshold) {
    String base = ticket.value() + "/" + clock.wireName() + "/" + cycle + "/" + kind.type();
    return threshold
        .map(t -> base + "/" + THRESHOLDS.computeIfAbsent(t, String::valueOf))
        .orElse(base);
  }
}
