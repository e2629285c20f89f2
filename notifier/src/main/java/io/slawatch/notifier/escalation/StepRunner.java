package io.slawatch.notifier.escalation;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.slawatch.contract.json.SlaAlertCodec;
import io.slawatch.core.alert.SlaAlert;
import io.slawatch.core.plan.PlanCatalog;
import io.slawatch.notifier.customer.CustomerDirectory;
import io.slawatch.notifier.delivery.AckUrls;
import io.slawatch.notifier.delivery.Dispatch;
import io.slawatch.notifier.delivery.Dispatcher;
import io.slawatch.notifier.delivery.Outcome;
import io.slawatch.notifier.escalation.StepDecisions.StepPlan;
import io.slawatch.notifier.escalation.StepDecisions.StepResult;
import io.slawatch.notifier.metrics.NotifierMetrics;
import io.slawatch.notifier.policy.CustomerFacts;
import io.slawatch.notifier.policy.PolicyBook;
import io.slawatch.notifier.store.DeliveryStore;
import io.slawatch.notifier.store.EscalationStore.ClaimedStep;
import io.slawatch.notifier.store.Transactions;
import io.slawatch.service.tracing.Tracing;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Runs claimed escalation steps: decides each ({@link StepDecisions}) and carries out its decisions
 * in order (the designated engineer first) through the {@link Dispatcher}, each outcome recorded
 * ({@link DeliveryRecorder}) before the next decision is carried out; a notification for a channel
 * that groups joins its group instead ({@link GroupJoiner}, stored before the next decision; the
 * {@link GroupSender} sends it). The loop records what the steps came to (the moves and ends).
 */
@ApplicationScoped
public class StepRunner {
  private static final Logger LOG = Logger.getLogger(StepRunner.class);

  private final PolicyBook book;
  private final CustomerDirectory customers;
  private final PlanCatalog plans;
  private final Transactions transactions;
  private final DeliveryStore deliveries;
  private final Dispatcher dispatcher;
  private final DeliveryRecorder recorder;
  private final GroupJoiner joiner;
  private final AckUrls links;
  private final SlaAlertCodec codec;
  private final NotifierMetrics metrics;
  private final EscalationConfig config;
  private final Clock clock;
  private final Tracing tracing;

  StepRunner(
      PolicyBook book,
      CustomerDirectory customers,
      PlanCatalog plans,
      Transactions transactions,
      DeliveryStore deliveries,
      Dispatcher dispatcher,
      DeliveryRecorder recorder,
      GroupJoiner joiner,
      AckUrls links,
      SlaAlertCodec codec,
      NotifierMetrics metrics,
      EscalationConfig config,
      Clock clock,
      Tracing tracing) {
    this.book = book;
    this.customers = customers;
    this.plans = plans;
    this.transactions = transactions;
    this.deliveries = deliveries;
    this.dispatcher = dispatcher;
    this.recorder = recorder;
    this.joiner = joiner;
    this.links = links;
    this.codec = codec;
    this.metrics = metrics;
    this.config = config;
    this.clock = clock;
    this.tracing = tracing;
  }

  /** What the batch's steps need to know of earlier deliveries. */
  private record Known(Set<String> recorded, Map<String, Set<String>> notified) {}

  /**
   * Runs a batch of claimed steps: the customers, the deliveries already recorded and, for closing
   * alerts, the targets their clocks reached are read once for the batch, and the steps run
   * concurrently (each its decisions in order).
   */
  public Uni<List<StepResult>> run(List<ClaimedStep> claimed) {
    Set<String> customerIds = new LinkedHashSet<>();
    claimed.forEach(c -> customerIds.add(c.customer()));
    Map<String, SlaAlert> alerts = new HashMap<>();
    claimed.forEach(
        c -> alerts.put(c.alertId(), codec.decode(c.payload().getBytes(StandardCharsets.UTF_8))));
    List<String> ids = claimed.stream().map(ClaimedStep::alertId).toList();
    List<SlaAlert> closing = alerts.values().stream().filter(SlaAlert::closes).toList();
    Uni<Known> earlier =
        transactions.run(
            config.statementTimeout(),
            tx ->
                deliveries
                    .recorded(tx, ids)
                    .flatMap(
                        recorded ->
                            deliveries
                                .notifiedTargets(tx, closing)
                                .map(notified -> new Known(recorded, notified))));
    return Uni.combine()
        .all()
        .unis(customers.facts(customerIds), earlier)
        .asTuple()
        .flatMap(
            known ->
                Multi.createFrom()
                    .iterable(claimed)
                    .onItem()
                    .transformToUni(
                        c -> {
                          SlaAlert alert = alerts.get(c.alertId());
                          CustomerFacts customer =
                              known
                                  .getItem1()
                                  .getOrDefault(c.customer(), CustomerFacts.UNKNOWN)
                                  .under(plans.find(alert.plan()));
                          Known deliveries = known.getItem2();
                          StepPlan plan =
                              StepDecisions.plan(
                                  book,
                                  c,
                                  alert,
                                  customer,
                                  deliveries.notified().getOrDefault(alert.clockId(), Set.of()),
                                  clock.instant());
                          return run(c, plan, alert, customer, deliveries.recorded());
                        })
                    .merge(config.concurrency())
                    .collect()
                    .asList());
  }

  private Uni<StepResult> run(
      ClaimedStep claimed,
      StepPlan plan,
      SlaAlert alert,
      CustomerFacts customer,
      Set<String> recorded) {
    if (!plan.runs()) {
      return Uni.createFrom().item(plan.result(List.of()));
    }
    if (plan.countsLevel()) {
      metrics.levelReached(claimed.policy(), plan.level());
    }
    plan.unroutable()
        .ifPresent(
            u -> {
              metrics.unroutable(claimed.policy(), u.reason());
              LOG.warnf(
                  "alert %s, policy %s, level %d: no target can take it (%s): %s",
                  claimed.alertId(), claimed.policy(), plan.level(), u.reason(), u.detail());
            });
    // the step continues the trace the alert came with (or starts one)
    Span span = tracing.start("notifier escalate", SpanKind.CONSUMER, claimed.traceparent());
    span.setAttribute("slawatch.alert", claimed.alertId());
    span.setAttribute("slawatch.level", plan.level());
    Dispatch.Step step =
        new Dispatch.Step(
            alert,
            claimed.payload(),
            plan.policy().orElseThrow(),
            plan.level(),
            plan.round(),
            customer,
            links.forAlert(alert.id()),
            Optional.ofNullable(Tracing.traceparent(span)));
    return Multi.createFrom()
        .iterable(plan.decisions())
        .onItem()
        .transformToUniAndConcatenate(
            decision ->
                dispatcher
                    .groupable(step, decision, recorded)
                    .map(
                        grouped ->
                            joiner.join(step, grouped).map(joined -> Optional.<Outcome>empty()))
                    .orElseGet(
                        () ->
                            dispatcher
                                .carryOut(step, decision, recorded)
                                .call(
                                    outcome ->
                                        outcome.isPresent()
                                            ? recorder.record(outcome.get())
                                            : Uni.createFrom().voidItem())))
        .collect()
        .asList()
        .onTermination()
        .invoke((outcomes, failure, cancelled) -> Tracing.end(span, failure))
        .onFailure()
        .invoke(
            failure -> {
              metrics.failure("escalation_step");
              LOG.errorf(
                  failure,
                  "the step of alert %s (policy %s, level %d) failed: its batch is given up and"
                      + " runs again when its lease ends",
                  claimed.alertId(),
                  claimed.policy(),
                  plan.level());
            })
        .map(outcomes -> plan.result(outcomes.stream().flatMap(Optional::stream).toList()));
  }
}
