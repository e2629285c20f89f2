package io.slawatch.notifier.testdata;

import io.slawatch.core.alert.AlertKind;
import io.slawatch.core.alert.ClockKind;
import io.slawatch.core.alert.EndReason;
import io.slawatch.core.alert.SlaAlert;
import io.slawatch.core.ticket.CustomerId;
import io.slawatch.core.ticket.Priority;
import io.slawatch.core.ticket.TicketId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Builds alerts for tests: a first-response clock of a P1 ticket of customer acme, due at 09:00.
 */
public final class AnAlert {
  public static final Instant DUE = Instant.parse("2026-11-23T09:00:00Z"); // a Monday

  private final AlertKind kind;
  private String ticket = "T-1";
  private String plan = "gold";
  private String customer = "acme";
  private Optional<EndReason> reason = Optional.empty();

  private AnAlert(AlertKind kind) {
    this.kind = kind;
  }

  public static AnAlert breach() {
    return new AnAlert(AlertKind.BREACHED);
  }

  public static AnAlert warning() {
    return new AnAlert(AlertKind.WARNING);
  }

  /** The clock's closing alert: met in time. */
  public static AnAlert met() {
    return new AnAlert(AlertKind.MET);
  }

  /** The clock's closing alert: ended for {@code reason}. */
  public static AnAlert ended(EndReason reason) {
    AnAlert alert = new AnAlert(AlertKind.ENDED);
    alert.reason = Optional.of(reason);
    return alert;
  }

  public AnAlert ticket(String ticket) {
    this.ticket = ticket;
    return this;
  }

  public AnAlert customer(String customer) {
    this.customer = customer;
    return this;
  }

  public AnAlert plan(String plan) {
    this.plan = plan;
    return this;
  }

  public SlaAlert build() {
    Optional<Double> threshold =
        switch (kind) {
          case WARNING -> Optional.of(0.75);
          case BREACHED -> Optional.of(1.0);
          default -> Optional.empty();
        };
    return new SlaAlert(
        kind,
        new TicketId(ticket),
        new CustomerId(customer),
        plan,
        Priority.P1,
        ClockKind.FIRST_RESPONSE,
        1,
        Duration.ofHours(1),
        DUE,
        DUE,
        threshold,
        Optional.empty(),
        Optional.empty(),
        reason,
        Optional.empty(),
        Set.of(),
        Optional.empty());
  }
}
