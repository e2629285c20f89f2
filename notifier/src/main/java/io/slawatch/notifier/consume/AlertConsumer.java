package io.slawatch.notifier.consume;

import io.slawatch.contract.json.SlaAlertCodec;
import io.slawatch.core.alert.AlertKind;
import io.slawatch.core.alert.SlaAlert;
import io.slawatch.notifier.customer.CustomerDirectory;
import io.slawatch.notifier.escalation.EscalationRunner;
import io.slawatch.notifier.escalation.Escalations;
import io.slawatch.notifier.policy.PolicyBook;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Turns each alert of {@code sla.alerts.v1} into an escalation of the first policy that matches it
 * (once per alert id: a re-fire or a redelivery starts nothing new); an {@code sla.met} alert also
 * ends the escalations still running for its clock. The offset is committed after the escalation is
 * stored; the escalation loop delivers it.
 */
@ApplicationScoped
public class AlertConsumer {
  private static final Logger LOG = Logger.getLogger(AlertConsumer.class);

  private final SlaAlertCodec codec;
  private final PolicyBook book;
  private final CustomerDirectory customers;
  private final Escalations escalations;
  private final EscalationRunner runner;

  AlertConsumer(
      SlaAlertCodec codec,
      PolicyBook book,
      CustomerDirectory customers,
      Escalations escalations,
      EscalationRunner runner) {
    this.codec = codec;
    this.book = book;
    this.customers = customers;
    this.escalations = escalations;
    this.runner = runner;
  }

  @Incoming("sla-alerts")
  public Uni<Void> consume(String payload) {
    SlaAlert alert;
    try {
      alert = codec.decode(payload.getBytes(StandardCharsets.UTF_8));
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      LOG.errorf("skipping a malformed alert %s: %s", payload, e.getMessage());
      return Uni.createFrom().voidItem();
    }
    return customers
        .facts(alert.customer().value())
        .flatMap(
            customer ->
                escalations.begin(
                    alert, payload, book.route(alert, customer), alert.kind() == AlertKind.MET))
        .invoke(started -> runner.wake())
        .replaceWithVoid();
  }
}
