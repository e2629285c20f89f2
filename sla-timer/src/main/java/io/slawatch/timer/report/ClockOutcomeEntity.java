package io.slawatch.timer.report;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A row of {@code clock_outcome} as the reports read it (Hibernate Reactive with Panache; the rows
 * are written in batches with the ticket's timers by {@code timer.store.ClockOutcomeStore}).
 */
@Entity
@Table(name = "clock_outcome")
@IdClass(ClockOutcomeEntity.Key.class)
public class ClockOutcomeEntity extends PanacheEntityBase {
  @Id
  @Column(name = "ticket_id")
  public String ticket;

  /** {@code ticket} or {@code engagement} (then {@link #ticket} holds the engagement id). */
  @Id
  @Column(name = "subject_kind")
  public String subjectKind;

  @Id public String clock;

  @Id public int cycle;

  @Column(name = "customer_id")
  public String customer;

  public String plan;
  public String priority;
  public String source;

  @Column(name = "started_at")
  public OffsetDateTime startedAt;

  @Column(name = "target_ms")
  public long targetMs;

  public String status;

  @Column(name = "due_at")
  public OffsetDateTime dueAt;

  @Column(name = "breached_at")
  public OffsetDateTime breachedAt;

  @Column(name = "met_at")
  public OffsetDateTime metAt;

  @Column(name = "ended_at")
  public OffsetDateTime endedAt;

  @Column(name = "end_reason")
  public String endReason;

  @Column(name = "used_ms")
  public long usedMs;

  @Column(name = "late_ms")
  public long lateMs;

  @Column(name = "updated_at")
  public OffsetDateTime updatedAt;

  /** The identity of an outcome: ticket (or engagement), subject kind, clock and cycle. */
  public static class Key implements Serializable {
    public String ticket;
    public String subjectKind;
    public String clock;
    public int cycle;

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && cycle == key.cycle
          && Objects.equals(ticket, key.ticket)
          && Objects.equals(subjectKind, key.subjectKind)
          && Objects.equals(clock, key.clock);
    }

    @Override
    public int hashCode() {
      return Objects.hash(ticket, subjectKind, clock, cycle);
    }
  }
}
