package io.slawatch.notifier.consume;

import io.slawatch.contract.json.SlaAlertCodec;
import io.slawatch.core.alert.SlaAlert;
import io.slawatch.core.plan.PlanCatalog;
import io.slawatch.notifier.customer.CustomerDirectory;
import io.slawatch.notifier.delivery.AlertDeadLetters;
import io.slawatch.notifier.escalation.EscalationRunner;
import io.slawatch.notifier.escalation.Escalations;
import io.slawatch.notifier.metrics.NotifierMetrics;
import io.slawatch.notifier.policy.CustomerFacts;
import io.slawatch.notifier.policy.PolicyBook;
import io.slawatch.service.tracing.Tracing;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Turns each alert of {@code sla.alerts.v1} into an escalation of the first policy that matches it
 * (once per alert id: a re-fire or a redelivery starts nothing new), or the fallback target when
 * none does; a closing alert ({@code sla.met}, {@code sla.ended}) also stops every escalation still
 * running for its clock. The plan's entitlements count in routing (US persons only). The offset is
 * committed after the escalation is stored; the escalation loop delivers it.
 */
@ApplicationScoped
public class AlertConsumer {
  private static final Logger LOG = Logger.getLogger(AlertConsumer.class);

  private final SlaAlertCodec codec;
  private final PolicyBook book;
  private final CustomerDirectory customers;
  private final Escalations escalations;
  private final EscalationRunner runner;
  private final PlanCatalog plans;
  private final NotifierMetrics metrics;
  private final AlertDeadLetters deadLetters;

  AlertConsumer(
      SlaAlertCodec codec,
      PolicyBook book,
      CustomerDirectory customers,
      Escalations escalations,
      EscalationRunner runner,
      PlanCatalog plans,
      NotifierMetrics metrics,
      AlertDeadLetters deadLetters) {
    this.codec = codec;
    this.book = book;
    this.customers = customers;
    this.escalations = escalations;
    this.runner = runner;
    this.plans = plans;
    this.metrics = metrics;
    this.deadLetters = deadLetters;
  }

  /** A poll of alerts at a time ({@code batch=true}), begun in one transaction. */
  @Incoming("sla-alerts")
  public Uni<Void> consume(ConsumerRecords<String, String> records) {
    List<SlaAlert> alerts = new ArrayList<>(records.count());
    List<String> valid = new ArrayList<>(records.count());
    List<String> traces = new ArrayList<>(records.count());
    List<Uni<Void>> deadLetters = new ArrayList<>();
    for (ConsumerRecord<String, String> record : records) {
      // a record that is no alert (a tombstone, broken JSON, a missing field) must not stop the
      // consumer: it is logged with where it is and dead-lettered with the reason
      String payload = record.value() == null ? "" : record.value();
      try {
        alerts.add(codec.decode(payload.getBytes(StandardCharsets.UTF_8)));
        valid.add(payload);
        traces.add(Tracing.traceparent(record.headers()));
      } catch (RuntimeException e) {
        metrics.failure("alert_record");
        LOG.errorf(
            e,
            "skipping a record of %s-%d@%d that is no alert (%s): %s",
            record.topic(),
            record.partition(),
            record.offset(),
            e.getMessage(),
            payload);
        deadLetters.add(
            this.deadLetters.sendUnreadable(
                record,
                record.value() == null
                    ? "a tombstone, not an alert"
                    : "not an alert: " + e.getMessage()));
      }
    }
    Set<String> customerIds = new LinkedHashSet<>();
    alerts.forEach(a -> customerIds.add(a.customer().value()));
    return Uni.createFrom()
        .deferred(() -> begin(alerts, valid, traces, customerIds))
        // PostgreSQL away (a restart, a fail-over): the poll is begun again, each attempt a new
        // transaction (beginning an alert twice begins it once), for about five minutes; without
        // this the first failure nacked the poll and stopped the channel for good (fault suite)
        .onFailure()
        .invoke(
            failure ->
                LOG.warnf(
                    "a poll of %d alert(s) could not be begun (%s): trying again",
                    records.count(), failure.toString()))
        .onFailure()
        .retry()
        .withBackOff(RETRY_FIRST, RETRY_MAX)
        .atMost(RETRIES)
        // the poll is acknowledged once its unreadable records are on the dead-letter topic too
        .call(
            started ->
                deadLetters.isEmpty()
                    ? Uni.createFrom().voidItem()
                    : Uni.join().all(deadLetters).andFailFast().replaceWithVoid())
        .invoke(started -> runner.wake())
        .onFailure()
        .invoke(
            failure -> {
              metrics.failure("alert_poll");
              LOG.errorf(
                  failure,
                  "could not store the escalations of a poll of %d record(s) of %s: it is not"
                      + " acknowledged",
                  records.count(),
                  records.partitions());
            })
        .replaceWithVoid();
  }

  /** Backoff of a poll that could not be begun: about five minutes of attempts in all. */
  static final java.time.Duration RETRY_FIRST = java.time.Duration.ofMillis(200);

  static final java.time.Duration RETRY_MAX = java.time.Duration.ofSeconds(5);
  static final int RETRIES = 60;

  private Uni<?> begin(
      List<SlaAlert> alerts, List<String> valid, List<String> traces, Set<String> customerIds) {
    return customers
        .facts(customerIds)
        .flatMap(
            facts -> {
              List<Escalations.Begin> begins = new ArrayList<>(alerts.size());
              for (int i = 0; i < alerts.size(); i++) {
                SlaAlert alert = alerts.get(i);
                CustomerFacts customer =
                    facts
                        .getOrDefault(alert.customer().value(), CustomerFacts.UNKNOWN)
                        .under(plans.find(alert.plan()));
                begins.add(
                    new Escalations.Begin(
                        alert, valid.get(i), book.routeOrFallback(alert, customer), traces.get(i)));
              }
              return escalations.beginAll(begins);
            });
  }
}
