package io.slawatch.notifier.escalation;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.quarkus.runtime.StartupEvent;
import io.slawatch.contract.json.SlaAlertCodec;
import io.slawatch.core.alert.SlaAlert;
import io.slawatch.core.plan.PlanCatalog;
import io.slawatch.notifier.customer.CustomerDirectory;
import io.slawatch.notifier.policy.CustomerFacts;
import io.slawatch.notifier.policy.Policy;
import io.slawatch.notifier.policy.PolicyBook;
import io.slawatch.notifier.policy.StepRun;
import io.slawatch.service.loop.PollLoop;
import io.slawatch.service.loop.PollLoops;
import io.slawatch.service.tracing.Tracing;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The escalation loop: claims the escalations whose next step is due (a lease, {@code FOR UPDATE
 * SKIP LOCKED}, so instances never run the same step at once and a dead instance's claim comes
 * back), runs each step's decisions in order (the designated engineer first), then moves the
 * escalation on: to its next step after the step's wait, to its next round, or to its end. An
 * escalation acknowledged or resolved meanwhile stays so.
 */
@ApplicationScoped
public class EscalationRunner {
  private static final Logger LOG = Logger.getLogger(EscalationRunner.class);

  private final Pool pool;
  private final PolicyBook book;
  private final CustomerDirectory customers;
  private final Deliveries deliveries;
  private final SlaAlertCodec codec;
  private final NotifierMetrics metrics;
  private final EscalationConfig config;
  private final Clock clock;
  private final Tracing tracing;
  private final PlanCatalog plans;
  private final PollLoops loops;
  private PollLoop loop;

  EscalationRunner(
      Pool pool,
      PolicyBook book,
      CustomerDirectory customers,
      Deliveries deliveries,
      SlaAlertCodec codec,
      NotifierMetrics metrics,
      EscalationConfig config,
      PollLoops loops,
      Clock clock,
      Tracing tracing,
      PlanCatalog plans) {
    this.pool = pool;
    this.book = book;
    this.customers = customers;
    this.deliveries = deliveries;
    this.codec = codec;
    this.metrics = metrics;
    this.config = config;
    this.loops = loops;
    this.clock = clock;
    this.tracing = tracing;
    this.plans = plans;
  }

  void start(@Observes StartupEvent started) {
    loop =
        loops.start(
            new PollLoop.Settings("escalation-loop", config.pollInterval(), config.roundTimeout()),
            this::runDue);
  }

  /** Runs what is due now; if a round is under way, one more follows it. */
  public void wake() {
    loop.wake();
  }

  /** Runs due steps, batch after batch, until fewer than a full batch were due. */
  public Uni<Integer> runDue() {
    return PollLoop.drain(this::runBatch, config.batchSize());
  }

  private record Claimed(
      String alertId,
      String policy,
      int step,
      int round,
      String payload,
      String customer,
      String traceparent) {}

  private Uni<Integer> runBatch() {
    Instant now = clock.instant();
    return pool.preparedQuery(
            "update escalation set next_at = $2, updated_at = $1 where alert_id in"
                + " (select alert_id from escalation where state = 'active' and next_at <= $1"
                + " order by next_at limit $3 for update skip locked)"
                + " returning alert_id, policy, step, round, payload, customer_id, traceparent")
        .execute(
            Tuple.of(
                OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                OffsetDateTime.ofInstant(now.plus(config.lease()), ZoneOffset.UTC),
                config.batchSize()))
        .flatMap(
            rows -> {
              List<Claimed> claimed = new ArrayList<>();
              for (Row row : rows) {
                claimed.add(
                    new Claimed(
                        row.getString(0),
                        row.getString(1),
                        row.getInteger(2),
                        row.getInteger(3),
                        row.getString(4),
                        row.getString(5),
                        row.getString(6)));
              }
              return claimed.isEmpty() ? Uni.createFrom().item(0) : run(claimed);
            });
  }

  /** What one claimed step came to: its outcomes, what comes after it, and extra audit entries. */
  private record StepResult(
      String alertId,
      List<Deliveries.Outcome> outcomes,
      StepRun.Next next,
      int level,
      String why,
      List<Audit.Entry> audit) {}

  /**
   * Runs a batch of claimed steps: the customers, the deliveries already recorded and, for closing
   * alerts, the targets their clocks reached are read once for the batch, the steps run
   * concurrently (each its decisions in order), and their outcomes and the escalations' moves are
   * written in one transaction.
   */
  private Uni<Integer> run(List<Claimed> claimed) {
    Set<String> customerIds = new LinkedHashSet<>();
    claimed.forEach(c -> customerIds.add(c.customer()));
    Map<String, SlaAlert> alerts = new java.util.HashMap<>();
    claimed.forEach(
        c -> alerts.put(c.alertId(), codec.decode(c.payload().getBytes(StandardCharsets.UTF_8))));
    Uni<Map<String, CustomerFacts>> facts = customers.facts(customerIds);
    Uni<Set<String>> recorded =
        deliveries.recorded(claimed.stream().map(Claimed::alertId).toList());
    Uni<Map<String, Set<String>>> notified =
        deliveries.notifiedTargets(alerts.values().stream().filter(SlaAlert::closes).toList());
    return Uni.combine()
        .all()
        .unis(facts, recorded, notified)
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
                          return runStep(
                              c,
                              alert,
                              customer,
                              known.getItem2(),
                              known.getItem3().getOrDefault(alert.clockId(), Set.of()));
                        })
                    .merge(config.concurrency())
                    .collect()
                    .asList())
        .flatMap(results -> record(results).replaceWith(results.size()));
  }

  private Uni<StepResult> runStep(
      Claimed claimed,
      SlaAlert alert,
      CustomerFacts customer,
      Set<String> recorded,
      Set<String> notified) {
    Optional<Policy> policy = book.policy(claimed.policy());
    if (policy.isEmpty() || claimed.step() >= policy.get().steps().size()) {
      return Uni.createFrom()
          .item(
              new StepResult(
                  claimed.alertId(),
                  List.of(),
                  new StepRun.Next.Done(),
                  0,
                  "policy " + claimed.policy() + " no longer has this step",
                  List.of()));
    }
    Instant now = clock.instant();
    StepRun run =
        alert.closes()
            ? book.close(policy.get(), notified, now, alert, customer)
            : book.run(policy.get(), claimed.step(), claimed.round(), now, alert, customer);
    if (!alert.closes()) {
      metrics.levelReached(claimed.policy(), run.level());
    }
    List<Audit.Entry> audit = new ArrayList<>();
    run.unroutable()
        .ifPresent(
            u -> {
              metrics.unroutable(claimed.policy(), u.reason());
              LOG.warnf(
                  "alert %s, policy %s, level %d: no target can take it (%s): %s",
                  claimed.alertId(), claimed.policy(), run.level(), u.reason(), u.detail());
              audit.add(
                  new Audit.Entry(
                      claimed.alertId(),
                      now,
                      "unroutable",
                      null,
                      null,
                      run.level(),
                      run.round(),
                      null,
                      u.reason() + ": " + u.detail()));
            });
    // the step continues the trace the alert came with (or starts one)
    Span span = tracing.start("notifier escalate", SpanKind.CONSUMER, claimed.traceparent());
    span.setAttribute("slawatch.alert", claimed.alertId());
    span.setAttribute("slawatch.level", run.level());
    String traceparent = Tracing.traceparent(span);
    return Multi.createFrom()
        .iterable(run.decisions())
        .onItem()
        .transformToUniAndConcatenate(
            decision ->
                deliveries.carryOut(
                    alert,
                    claimed.payload(),
                    decision,
                    policy.get(),
                    run.level(),
                    run.round(),
                    customer,
                    recorded,
                    traceparent))
        .collect()
        .asList()
        .onTermination()
        .invoke((outcomes, failure, cancelled) -> Tracing.end(span, failure))
        .map(
            outcomes ->
                new StepResult(
                    claimed.alertId(),
                    outcomes.stream().flatMap(Optional::stream).toList(),
                    run.next(),
                    run.level(),
                    alert.closes() ? "the clock's end was announced" : "every step and round ran",
                    audit));
  }

  /** The outcomes, the moves to next steps and the ends of a batch, in one transaction. */
  private Uni<Void> record(List<StepResult> results) {
    Instant now = clock.instant();
    OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    List<Deliveries.Outcome> outcomes =
        results.stream().flatMap(r -> r.outcomes().stream()).toList();
    List<StepResult> moving =
        results.stream().filter(r -> r.next() instanceof StepRun.Next.At).toList();
    List<StepResult> ending =
        results.stream().filter(r -> r.next() instanceof StepRun.Next.Done).toList();
    int n = moving.size();
    String[] ids = new String[n];
    Integer[] steps = new Integer[n];
    Integer[] rounds = new Integer[n];
    OffsetDateTime[] nextAt = new OffsetDateTime[n];
    Integer[] levels = new Integer[n];
    for (int i = 0; i < n; i++) {
      StepRun.Next.At next = (StepRun.Next.At) moving.get(i).next();
      ids[i] = moving.get(i).alertId();
      steps[i] = next.step();
      rounds[i] = next.round();
      nextAt[i] = OffsetDateTime.ofInstant(next.at(), ZoneOffset.UTC);
      levels[i] = moving.get(i).level();
    }
    String[] endIds = ending.stream().map(StepResult::alertId).toArray(String[]::new);
    Integer[] endLevels = ending.stream().map(StepResult::level).toArray(Integer[]::new);
    java.util.Map<String, String> why = new java.util.HashMap<>();
    ending.forEach(r -> why.put(r.alertId(), r.why()));
    return pool.withTransaction(
        conn ->
            Deliveries.recordAll(conn, outcomes)
                .flatMap(
                    done ->
                        Audit.writeAll(
                            conn, results.stream().flatMap(r -> r.audit().stream()).toList()))
                .flatMap(
                    done ->
                        conn.preparedQuery(
                                "update escalation e set step = m.s, round = m.r,"
                                    + " next_at = greatest(m.n, coalesce(e.snoozed_until, m.n)),"
                                    + " level_reached = greatest(e.level_reached, m.l),"
                                    + " updated_at = $6 from unnest($1::text[], $2::int[],"
                                    + " $3::int[], $4::timestamptz[], $5::int[]) as m(a, s, r, n, l)"
                                    + " where e.alert_id = m.a and e.state = 'active'")
                            .execute(
                                Tuple.from(new Object[] {ids, steps, rounds, nextAt, levels, at})))
                .flatMap(
                    moved ->
                        conn.preparedQuery(
                                "update escalation e set state = 'done', next_at = null,"
                                    + " level_reached = greatest(e.level_reached, m.l),"
                                    + " updated_at = $3 from unnest($1::text[], $2::int[])"
                                    + " as m(a, l) where e.alert_id = m.a and e.state = 'active'"
                                    + " returning e.alert_id")
                            .execute(Tuple.of(endIds, endLevels, at)))
                .flatMap(
                    ended -> {
                      List<Audit.Entry> entries = new ArrayList<>();
                      ended.forEach(
                          row ->
                              entries.add(
                                  Audit.Entry.of(
                                      row.getString(0), now, "done", why.get(row.getString(0)))));
                      return Audit.writeAll(conn, entries);
                    }));
  }
}
