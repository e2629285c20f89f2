package io.slawatch.notifier.report;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** The reports' audit, newest first (Panache over {@code customer_report}). */
@ApplicationScoped
public class CustomerReportAudit
    implements PanacheRepositoryBase<CustomerReportEntity, CustomerReportEntity.Key> {
  private static final Sort NEWEST = Sort.descending("createdAt").and("customer").and("period");

  /** The newest {@code limit} reports, of one customer when named. */
  public Uni<List<CustomerReportEntity>> newest(Optional<String> customer, int limit) {
    return (customer.isPresent() ? find("customer", NEWEST, customer.get()) : findAll(NEWEST))
        .page(Page.ofSize(limit))
        .list();
  }

  /** One report by customer and period key. */
  public Uni<Optional<CustomerReportEntity>> report(String customer, String period) {
    CustomerReportEntity.Key key = new CustomerReportEntity.Key();
    key.customer = customer;
    key.period = period;
    return findById(key).map(Optional::ofNullable);
  }
}
