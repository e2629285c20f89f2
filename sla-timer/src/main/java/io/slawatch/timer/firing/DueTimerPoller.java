package io.slawatch.timer.firing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.quarkus.runtime.StartupEvent;
import io.slawatch.service.loop.PollLoop;
import io.slawatch.service.loop.PollLoops;
import io.slawatch.service.tracing.Tracing;
import io.slawatch.timer.config.TimerConfig;
import io.slawatch.timer.metrics.TimerMetrics;
import io.slawatch.timer.outcome.SlaOutcome;
import io.slawatch.timer.store.ClaimedTimer;
import io.slawatch.timer.store.FiredAlertStore;
import io.slawatch.timer.store.SubjectKind;
import io.slawatch.timer.store.TimerStore;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
  private final TimerStore timers;
  private final FiredAlertStore fired;
  private final MutinyEmitter<String> alerts;
  private final Clock clock;
  private final TimerConfig config;
  private final TimerMetrics metrics;
  private final Tracing tracing;
  private final PollLoops loops;
  private PollLoop loop;

  DueTimerPoller(
      Pool pool,
      TimerStore timers,
      FiredAlertStore fired,
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
    this.timers = timers;
    this.fired = fired;
    this.alerts = alerts;
    this.clock = clock;
    this.config = config;
    this.loops = loops;
    this.metrics = metrics;
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

  private Uni<Integer> fireBatch() {
    OffsetDateTime now = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
    return pool.withTransaction(
        conn ->
            timers
                .claimDue(conn, now, config.batchSize())
                .flatMap(claimed -> publish(conn, claimed, now)));
  }

  /** Publishes the claimed alerts, then marks them fired: the claim commits after every ack. */
  private Uni<Integer> publish(SqlConnection conn, List<ClaimedTimer> claimed, OffsetDateTime now) {
    int n = claimed.size();
    if (n == 0) {
      return Uni.createFrom().item(0);
    }
    List<Uni<Void>> acks = new ArrayList<>(n);
    List<Span> spans = new ArrayList<>();
    for (ClaimedTimer timer : claimed) {
      var metadata = OutgoingKafkaRecordMetadata.<String>builder().withKey(timer.ticket());
      timer
          .traceparent()
          .ifPresent(
              traceparent -> {
                // the alert continues the trace of the event that scheduled it
                Span span = tracing.start("sla-timer fire", SpanKind.PRODUCER, traceparent);
                span.setAttribute("slawatch.alert", timer.alertId());
                spans.add(span);
                metadata.withHeaders(Tracing.headers(span));
              });
      acks.add(alerts.sendMessage(Message.of(timer.payload()).addMetadata(metadata.build())));
    }
    return Uni.join()
        .all(acks)
        .andFailFast()
        .flatMap(ok -> fired.markFired(conn, claimed, now))
        .invoke(done -> record(claimed))
        .onTermination()
        .invoke((done, failure, cancelled) -> spans.forEach(span -> Tracing.end(span, failure)))
        .map(done -> n)
        .invoke(count -> LOG.debugf("fired %d alert(s)", count));
  }

  private void record(List<ClaimedTimer> claimed) {
    Instant now = clock.instant();
    for (ClaimedTimer timer : claimed) {
      metrics.fired(
          new TimerMetrics.Fired(
              timer.kind(), timer.plan(), timer.priority(), timer.clock(), timer.elapsed()),
          SlaOutcome.lateness(timer.fireAt(), now));
      if (timer.subject() == SubjectKind.ENGAGEMENT) {
        metrics.engagementAlerted(timer.clock(), timer.kind());
      }
    }
  }
}
