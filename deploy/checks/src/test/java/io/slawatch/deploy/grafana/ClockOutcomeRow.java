package io.slawatch.deploy.grafana;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A test-data builder for one row of sla-timer's {@code clock_outcome} (V6): one ticket's clock and
 * cycle as the compliance reports read it. Defaults: cycle 1, customer {@code acme} on plan {@code
 * gold}, priority P1, helpdesk {@code zendesk}, a one-hour target, open and not yet due.
 */
final class ClockOutcomeRow {
  private final String ticket;
  private final String clock;
  private int cycle = 1;
  private String customer = "acme";
  private String plan = "gold";
  private String priority = "P1";
  private Instant startedAt = Instant.parse("2025-01-06T09:00:00Z");
  private Duration target = Duration.ofHours(1);
  private String status = "open";
  private Instant dueAt;
  private Instant breachedAt;
  private Instant metAt;
  private Instant endedAt;
  private String endReason;
  private Duration used = Duration.ZERO;
  private Duration late = Duration.ZERO;
  private String subject = "ticket";

  private ClockOutcomeRow(String ticket, String clock) {
    this.ticket = ticket;
    this.clock = clock;
  }

  /** Ticket {@code ticket}'s clock {@code clock} (first_response, next_response, update...). */
  static ClockOutcomeRow clock(String ticket, String clock) {
    return new ClockOutcomeRow(ticket, clock);
  }

  /** An engagement's obligation (V8 {@code subject_kind}), not a ticket's clock. */
  ClockOutcomeRow engagement() {
    this.subject = "engagement";
    return this;
  }

  ClockOutcomeRow cycle(int cycle) {
    this.cycle = cycle;
    return this;
  }

  ClockOutcomeRow customer(String customer) {
    this.customer = customer;
    return this;
  }

  ClockOutcomeRow plan(String plan) {
    this.plan = plan;
    return this;
  }

  ClockOutcomeRow priority(String priority) {
    this.priority = priority;
    return this;
  }

  ClockOutcomeRow startedAt(String instant) {
    this.startedAt = Instant.parse(instant);
    return this;
  }

  ClockOutcomeRow target(Duration target) {
    this.target = target;
    return this;
  }

  /** Met within its target after {@code used} business time. */
  ClockOutcomeRow met(Duration used) {
    if (used.compareTo(target) > 0) {
      throw new IllegalArgumentException("met in time needs used <= target: " + used);
    }
    return settle("met", used, Duration.ZERO).metAt(startedAt.plus(used));
  }

  /** Met after its target, having used {@code used} business time. */
  ClockOutcomeRow metLate(Duration used) {
    if (used.compareTo(target) <= 0) {
      throw new IllegalArgumentException("met late needs used > target: " + used);
    }
    return settle("met_late", used, used.minus(target)).metAt(startedAt.plus(used));
  }

  /**
   * Breached at {@code at} (its breach alert), {@code late} business time past its target so far.
   */
  ClockOutcomeRow breached(String at, Duration late) {
    settle("breached", target.plus(late), late);
    this.breachedAt = Instant.parse(at);
    return this;
  }

  /**
   * Still open, due at {@code due} (a due in the past: overdue, which the reports count as
   * breached).
   */
  ClockOutcomeRow openDue(Instant due) {
    settle("open", Duration.ZERO, Duration.ZERO);
    this.dueAt = due;
    return this;
  }

  /** Stopped unmet before it was due (solved, closed). */
  ClockOutcomeRow ended(Duration used, String reason) {
    settle("ended", used, Duration.ZERO);
    this.endedAt = startedAt.plus(used);
    this.endReason = reason;
    return this;
  }

  private ClockOutcomeRow settle(String status, Duration used, Duration late) {
    this.status = status;
    this.used = used;
    this.late = late;
    return this;
  }

  private ClockOutcomeRow metAt(Instant at) {
    this.metAt = at;
    return this;
  }

  void insert(Connection connection) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            """
            insert into clock_outcome (ticket_id, clock, cycle, customer_id, plan, priority, source,
                started_at, target_ms, status, due_at, breached_at, met_at, ended_at, end_reason,
                used_ms, late_ms, updated_at, subject_kind)
            values (?, ?, ?, ?, ?, ?, 'zendesk', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)) {
      int i = 0;
      insert.setString(++i, ticket);
      insert.setString(++i, clock);
      insert.setInt(++i, cycle);
      insert.setString(++i, customer);
      insert.setString(++i, plan);
      insert.setString(++i, priority);
      insert.setObject(++i, utc(startedAt));
      insert.setLong(++i, target.toMillis());
      insert.setString(++i, status);
      insert.setObject(++i, utc(dueAt), Types.TIMESTAMP_WITH_TIMEZONE);
      insert.setObject(++i, utc(breachedAt), Types.TIMESTAMP_WITH_TIMEZONE);
      insert.setObject(++i, utc(metAt), Types.TIMESTAMP_WITH_TIMEZONE);
      insert.setObject(++i, utc(endedAt), Types.TIMESTAMP_WITH_TIMEZONE);
      insert.setString(++i, endReason);
      insert.setLong(++i, used.toMillis());
      insert.setLong(++i, late.toMillis());
      insert.setObject(++i, utc(startedAt.plus(used)));
      insert.setString(++i, subject);
      insert.executeUpdate();
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
