package io.slawatch.core.alert;

import io.slawatch.core.ticket.CustomerId;
import io.slawatch.core.ticket.Priority;
import io.slawatch.core.ticket.TicketId;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * An alert the SLA engine emits (the contract published on {@code sla.alerts.v1}). Its id is
 * deterministic, so a re-fire after a crash carries the same id and receivers can deduplicate.
 *
 * @param firedAt the instant the alert fires (its CloudEvent {@code time})
 * @param threshold the fraction of the target consumed: 0.75, 0.9 for warnings, 1.0 for breaches
 * @param metAt when the clock was satisfied ({@code sla.met}, and {@code sla.ended} met late)
 * @param elapsed the business time it had used then (or when it ended)
 * @param reason why an {@code sla.ended} alert ended its clock (empty on every other kind)
 * @param terms the target in the plan's words ("4 business hours", "1 business day"), when known
 * @param flags the ticket's flags (entitlement findings, {@code unknown_customer}), sorted
 * @param ticketUrl where an engineer opens the ticket in its helpdesk, when its source gave one
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
    Optional<Duration> elapsed,
    Optional<EndReason> reason,
    Optional<String> terms,
    Set<String> flags,
    Optional<URI> ticketUrl) {

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
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(terms, "terms");
    Objects.requireNonNull(ticketUrl, "ticketUrl");
    if (reason.isPresent() != (kind == AlertKind.ENDED)) {
      throw new IllegalArgumentException("a reason is given exactly on sla.ended alerts: " + kind);
    }
    // most alerts carry no flag, and a replay shares one flag set between its alerts
    flags = flagSet(flags);
  }

  private static final Set<String> NO_FLAGS = new Sorted(Set.of());

  /**
   * Flags as alerts keep them: immutable and sorted; a set this method returned is kept as it is,
   * so one set can serve every alert of a ticket.
   */
  public static Set<String> flagSet(Set<String> flags) {
    if (flags instanceof Sorted) {
      return flags;
    }
    return flags.isEmpty() ? NO_FLAGS : new Sorted(flags);
  }

  /** An immutable sorted set of flags, shared as it is between alerts. */
  private static final class Sorted extends java.util.AbstractSet<String> {
    private final java.util.SortedSet<String> flags;

    Sorted(Set<String> flags) {
      this.flags = Collections.unmodifiableSortedSet(new TreeSet<>(flags));
    }

    @Override
    public java.util.Iterator<String> iterator() {
      return flags.iterator();
    }

    @Override
    public int size() {
      return flags.size();
    }

    @Override
    public boolean contains(Object o) {
      return flags.contains(o);
    }
  }

  /**
   * An alert without reason, terms, flags or ticket URL (warnings, breaches and {@code sla.met}).
   */
  public SlaAlert(
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
    this(
        kind,
        ticket,
        customer,
        plan,
        priority,
        clock,
        cycle,
        target,
        due,
        firedAt,
        threshold,
        metAt,
        elapsed,
        Optional.empty(),
        Optional.empty(),
        Set.of(),
        Optional.empty());
  }

  /** This alert with this ticket URL (empty: none). */
  public SlaAlert withTicketUrl(Optional<URI> url) {
    return new SlaAlert(
        kind, ticket, customer, plan, priority, clock, cycle, target, due, firedAt, threshold,
        metAt, elapsed, reason, terms, flags, url);
  }

  /** Whether this alert closes its clock ({@code sla.met} or {@code sla.ended}). */
  public boolean closes() {
    return kind.closes();
  }

  /** The id of the clock this alert is about: {@code ticket/clock/cycle}, shared by its alerts. */
  public String clockId() {
    return ticket.value() + "/" + clock.wireName() + "/" + cycle;
  }

  /** A threshold's text as in the id ({@code Double.toString}), computed once per value. */
  private static final ConcurrentMap<Double, String> THRESHOLDS = new ConcurrentHashMap<>();

  /**
   * Deterministic: ticket, clock, cycle, kind and threshold. A clock has at most one closing alert
   * ({@code sla.met} or {@code sla.ended}), so the reason is not part of the id.
   */
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
