package io.slawatch.timer.report;

import io.quarkus.runtime.StartupEvent;
import io.slawatch.service.loop.PollLoop;
import io.slawatch.service.loop.PollLoops;
import io.slawatch.timer.config.TimerConfig;
import io.slawatch.timer.store.ClockOutcomeStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Keeps the clock outcomes {@code slawatch.timer.report.retention} long (400 days by default,
 * counted from each clock's start): a loop deletes older ones every {@code purge-interval}, in
 * batches of {@value #BATCH}.
 */
@ApplicationScoped
public class OutcomeRetention {
  private static final Logger LOG = Logger.getLogger(OutcomeRetention.class);
  static final int BATCH = 10_000;

  private final Pool pool;
  private final ClockOutcomeStore outcomes;
  private final PollLoops loops;
  private final TimerConfig config;
  private final Clock clock;

  OutcomeRetention(
      Pool pool, ClockOutcomeStore outcomes, PollLoops loops, TimerConfig config, Clock clock) {
    this.pool = pool;
    this.outcomes = outcomes;
    this.loops = loops;
    this.config = config;
    this.clock = clock;
  }

  void start(@Observes StartupEvent started) {
    loops.start(
        new PollLoop.Settings(
            "outcome-retention", config.report().purgeInterval(), Duration.ofMinutes(5)),
        this::purge);
  }

  /** Deletes every outcome past its retention. */
  public Uni<Integer> purge() {
    Instant before = clock.instant().minus(config.report().retention());
    return PollLoop.drain(
            () -> pool.withTransaction(conn -> outcomes.purge(conn, before, BATCH)), BATCH)
        .invoke(
            deleted -> {
              if (deleted > 0) {
                LOG.infof("deleted %d clock outcome(s) that started before %s", deleted, before);
              }
            });
  }
}
