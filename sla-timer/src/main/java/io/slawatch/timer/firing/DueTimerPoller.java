package io.slawatch.timer.firing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.quarkus.runtime.StartupEvent;
import io.slawatch.service.loop.PollLoop;
import io.slawatch.service.loop.PollLoops;
import io.slawatch.service.tracing.Tracing;
import io.slawatch.timer.config.TimerConfig;
import io.slawatch.timer.metrics.TimerMetrics;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * The firing loop: claims due timers in batches ({@code FOR UPDATE SKIP LOCKED}, so instances never
 * claim the same one), publishes their alerts to {@code sla.alerts.v1} and commits the claim only
 * after Kafka acknowledged every alert. A crash before the commit re-fires the same alerts with the
 * same ids, which receivers deduplicate.
 */
@ApplicationScoped
public class DueTimerPoller {
  private static final Logger LOG = Logger.getLogger(DueTimerPoller.class);

  private final Pool pool;
  private final MutinyEmitter<String> alerts;
  private final Clock clock;
  private final TimerConfig config;
  private final TimerMetrics metrics;
  private final Tracing tracing;
  private final PollLoops loops;
  private PollLoop loop;
  private final String statementTimeout;

  DueTimerPoller(
      Pool pool,
      // room for several full batches in flight: each batch awaits all its acks before committing
      @Channel("sla-alerts") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16384)
          MutinyEmitter<String> alerts,
      Clock clock,
      TimerConfig config,
      PollLoops loops,
      TimerMetrics metrics,
      Tracing tracing) {
    this.tracing = tracing;
    this.pool = pool;
    this.alerts = alerts;
    this.clock = clock;
    this.config = config;
    this.loops = loops;
    this.metrics = metrics;
    this.statementTimeout =
        "set local statement_timeout = " + Math.max(1, config.statementTimeout().toMillis());
  }

  void start(@Observes StartupEvent started) {
    loop =
        loops.start(
            new PollLoop.Settings("firing-loop", config.pollInterval(), config.roundTimeout()),
            this::fireDueConcurrently);
  }

  /** Fires what is due now (or right after the round under way). */
  public void wake() {
    loop.wake();
  }

  /**
   * {@code slawatch.timer.firing-loops} loops, each firing batch after batch: while one waits for
   * Kafka's acknowledgements or the commit, another claims (SKIP LOCKED keeps their claims apart).
   */
  Uni<Integer> fireDueConcurrently() {
    List<Uni<Integer>> loops = new ArrayList<>();
    for (int i = 0; i < config.firingLoops(); i++) {
      loops.add(fireDue());
    }
    return Uni.join()
        .all(loops)
        .andCollectFailures()
        .map(counts -> counts.stream().mapToInt(Integer::intValue).sum());
  }

  /** Fires due timers, batch after batch, until fewer than a full batch were due. */
  public Uni<Integer> fireDue() {
    return PollLoop.drain(this::fireBatch, config.batchSize());
  }

  /**
   * The claim: the locked batch is a materialized CTE, so PostgreSQL takes it once (an {@code IN
   * (subquery)} may be planned as a join that rescans the locked rows, which stalled both loops on
   * {@code LockManager} in a pile-up over a table whose statistics were taken empty).
   */
  static final String CLAIM =
      "with due as materialized (select alert_id from timer where fire_at <= $1"
          + " order by fire_at limit $2 for update skip locked)"
          + " delete from timer t using due where t.alert_id = due.alert_id"
          + " returning t.alert_id, t.ticket_id, t.payload, t.fire_at, t.kind, t.plan, t.priority,"
          + " t.clock, t.elapsed_ms, t.traceparent";

  private Uni<Integer> fireBatch() {
    OffsetDateTime now = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
    return pool.withTransaction(
        conn ->
            conn.query(statementTimeout)
                .execute()
                .flatMap(
                    set ->
                        conn.preparedQuery(CLAIM)
                            .execute(Tuple.of(now, config.batchSize()))
                            .flatMap(claimed -> publish(conn, claimed, now))));
  }

  private Uni<Integer> publish(SqlConnection conn, RowSet<Row> claimed, OffsetDateTime now) {
    int n = claimed.size();
    if (n == 0) {
      return Uni.createFrom().item(0);
    }
    String[] ids = new String[n];
    String[] tickets = new String[n];
    List<Uni<Void>> acks = new ArrayList<>(n);
    List<Span> spans = new ArrayList<>();
    int i = 0;
    for (Row row : claimed) {
      ids[i] = row.getString(0);
      tickets[i] = row.getString(1);
      var metadata = OutgoingKafkaRecordMetadata.<String>builder().withKey(tickets[i]);
      String traceparent = row.getString(9);
      if (traceparent != null) {
        // the alert continues the trace of the event that scheduled it
        Span span = tracing.start("sla-timer fire", SpanKind.PRODUCER, traceparent);
        span.setAttribute("slawatch.alert", ids[i]);
        spans.add(span);
        metadata.withHeaders(Tracing.headers(span));
      }
      acks.add(alerts.sendMessage(Message.of(row.getString(2)).addMetadata(metadata.build())));
      i++;
    }
    return Uni.join()
        .all(acks)
        .andFailFast()
        .flatMap(
            ok ->
                conn.preparedQuery(
                        "insert into fired_alert (alert_id, ticket_id, fired_at)"
                            + " select a, t, $3 from unnest($1::text[], $2::text[]) as u(a, t)"
                            + " on conflict do nothing")
                    .execute(Tuple.of(ids, tickets, now)))
        .invoke(done -> record(claimed))
        .onTermination()
        .invoke((done, failure, cancelled) -> spans.forEach(span -> Tracing.end(span, failure)))
        .map(done -> n)
        .invoke(count -> LOG.debugf("fired %d alert(s)", count));
  }

  private void record(RowSet<Row> claimed) {
    Instant now = clock.instant();
    for (Row row : claimed) {
      Long elapsed = row.getLong(8);
      metrics.fired(
          new TimerMetrics.Fired(
              row.getString(4),
              row.getString(5),
              row.getString(6),
              row.getString(7),
              Optional.ofNullable(elapsed).map(Duration::ofMillis)),
          Duration.between(row.getOffsetDateTime(3).toInstant(), now));
    }
  }
}
