package io.slawatch.notifier.escalation;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.slawatch.contract.json.SlaAlertCodec;
import io.slawatch.core.alert.SlaAlert;
import io.slawatch.notifier.customer.CustomerDirectory;
import io.slawatch.notifier.policy.Policy;
import io.slawatch.notifier.policy.PolicyBook;
import io.slawatch.notifier.policy.StepRun;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
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
  private final Vertx vertx;
  private final Clock clock;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean again = new AtomicBoolean();
  private long periodic = -1;

  EscalationRunner(
      Pool pool,
      PolicyBook book,
      CustomerDirectory customers,
      Deliveries deliveries,
      SlaAlertCodec codec,
      NotifierMetrics metrics,
      EscalationConfig config,
      Vertx vertx,
      Clock clock) {
    this.pool = pool;
    this.book = book;
    this.customers = customers;
    this.deliveries = deliveries;
    this.codec = codec;
    this.metrics = metrics;
    this.config = config;
    this.vertx = vertx;
    this.clock = clock;
  }

  void start(@Observes StartupEvent started) {
    periodic = vertx.setPeriodic(config.pollInterval().toMillis(), id -> wake());
  }

  void stop(@Observes ShutdownEvent stopping) {
    vertx.cancelTimer(periodic);
  }

  /** Runs what is due now; if a round is under way, one more follows it. */
  public void wake() {
    if (!running.compareAndSet(false, true)) {
      again.set(true);
      return;
    }
    again.set(false);
    runDue()
        .onTermination()
        .invoke(
            () -> {
              running.set(false);
              if (again.getAndSet(false)) {
                vertx.runOnContext(this::wake);
              }
            })
        .subscribe()
        .with(
            ran -> {},
            failure -> LOG.warnf("running due escalations failed, will retry: %s", failure));
  }

  /** Runs due steps, batch after batch, until fewer than a full batch were due. */
  public Uni<Integer> runDue() {
    return runBatch()
        .flatMap(
            ran ->
                ran < config.batchSize()
                    ? Uni.createFrom().item(ran)
                    : runDue().map(more -> ran + more));
  }

  private record Claimed(
      String alertId, String policy, int step, int round, String payload, String customer) {}

  private Uni<Integer> runBatch() {
    Instant now = clock.instant();
    return pool.preparedQuery(
            "update escalation set next_at = $2, updated_at = $1 where alert_id in"
                + " (select alert_id from escalation where state = 'active' and next_at <= $1"
                + " order by next_at limit $3 for update skip locked)"
                + " returning alert_id, policy, step, round, payload, customer_id")
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
                        row.getString(5)));
              }
              if (claimed.isEmpty()) {
                return Uni.createFrom().item(0);
              }
              return Multi.createFrom()
                  .iterable(claimed)
                  .onItem()
                  .transformToUni(this::runStep)
                  .merge(config.concurrency())
                  .collect()
                  .asList()
                  .map(List::size);
            });
  }

  private Uni<Void> runStep(Claimed claimed) {
    SlaAlert alert = codec.decode(claimed.payload().getBytes(StandardCharsets.UTF_8));
    Optional<Policy> policy = book.policy(claimed.policy());
    if (policy.isEmpty() || claimed.step() >= policy.get().steps().size()) {
      return finish(claimed.alertId(), "policy " + claimed.policy() + " no longer has this step");
    }
    return customers
        .facts(claimed.customer())
        .flatMap(
            customer -> {
              StepRun run =
                  book.run(
                      policy.get(),
                      claimed.step(),
                      claimed.round(),
                      clock.instant(),
                      alert,
                      customer);
              metrics.levelReached(claimed.policy(), run.level());
              return Multi.createFrom()
                  .iterable(run.decisions())
                  .onItem()
                  .transformToUniAndConcatenate(
                      decision ->
                          deliveries.carryOut(
                              alert,
                              claimed.payload(),
                              decision,
                              run.level(),
                              run.round(),
                              customer))
                  .collect()
                  .last()
                  .flatMap(done -> advance(claimed.alertId(), run));
            })
        .onFailure()
        .invoke(
            failure ->
                LOG.errorf(
                    "escalation of %s failed at step %d (retried when its lease ends): %s",
                    claimed.alertId(), claimed.step() + 1, failure));
  }

  private Uni<Void> advance(String alertId, StepRun run) {
    Instant now = clock.instant();
    return switch (run.next()) {
      case StepRun.Next.At at ->
          pool.preparedQuery(
                  "update escalation set step = $2, round = $3, next_at = $4,"
                      + " level_reached = greatest(level_reached, $5), updated_at = $6"
                      + " where alert_id = $1 and state = 'active'")
              .execute(
                  Tuple.from(
                      new Object[] {
                        alertId,
                        at.step(),
                        at.round(),
                        OffsetDateTime.ofInstant(at.at(), ZoneOffset.UTC),
                        run.level(),
                        OffsetDateTime.ofInstant(now, ZoneOffset.UTC)
                      }))
              .replaceWithVoid();
      case StepRun.Next.Done done ->
          pool.preparedQuery(
                  "update escalation set level_reached = greatest(level_reached, $2)"
                      + " where alert_id = $1")
              .execute(Tuple.of(alertId, run.level()))
              .flatMap(updated -> finish(alertId, "every step and round ran"));
    };
  }

  private Uni<Void> finish(String alertId, String why) {
    Instant now = clock.instant();
    return pool.withTransaction(
        conn ->
            conn.preparedQuery(
                    "update escalation set state = 'done', next_at = null, updated_at = $2"
                        + " where alert_id = $1 and state = 'active' returning alert_id")
                .execute(Tuple.of(alertId, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)))
                .flatMap(
                    rows ->
                        rows.size() == 0
                            ? Uni.createFrom().voidItem()
                            : Audit.write(conn, Audit.Entry.of(alertId, now, "done", why))));
  }
}
