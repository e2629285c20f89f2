package io.slawatch.notifier.report;

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
 * A row of {@code customer_report} as the audit reads it (Hibernate Reactive with Panache; claims
 * and state changes are single statements of {@code store.ReportStore}).
 */
@Entity
@Table(name = "customer_report")
@IdClass(CustomerReportEntity.Key.class)
public class CustomerReportEntity extends PanacheEntityBase {
  @Id
  @Column(name = "customer_id")
  public String customer;

  @Id public String period;

  @Column(name = "period_from")
  public OffsetDateTime periodFrom;

  @Column(name = "period_to")
  public OffsetDateTime periodTo;

  public String state;

  public int attempts;

  @Column(name = "message_id")
  public String messageId;

  public String[] recipients;

  @Column(name = "requested_by")
  public String requestedBy;

  @Column(name = "sent_at")
  public OffsetDateTime sentAt;

  @Column(name = "last_error")
  public String lastError;

  @Column(name = "created_at")
  public OffsetDateTime createdAt;

  /** The composite key: customer and period. */
  public static class Key implements Serializable {
    public String customer;
    public String period;

    public Key() {}

    @Override
    public boolean equals(Object other) {
      return other instanceof Key k
          && Objects.equals(customer, k.customer)
          && Objects.equals(period, k.period);
    }

    @Override
    public int hashCode() {
      return Objects.hash(customer, period);
    }
  }
}
