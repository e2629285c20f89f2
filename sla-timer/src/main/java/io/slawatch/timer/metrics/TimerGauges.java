package io.slawatch.timer.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import io.slawatch.service.loop.PollLoop;
import io.slawatch.service.loop.PollLoops;
import io.slawatch.timer.store.TimerStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Gauges read from the timer store every 15 s (not on each scrape): {@code slawatch_timer_pending},
 * {@code slawatch_sla_at_risk} (breaches due within the hour) and {@code
 * slawatch_sla_open_clocks{plan,priority,clock}}.
 */
@ApplicationScoped
public class TimerGauges {
  private static final Logger LOG = Logger.getLogger(TimerGauges.class);
  private static final Duration EVERY = Duration.ofSeconds(15);

  /** A refresh taking longer than this is given up (the next one comes an interval later). */
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final Pool pool;
  private final TimerStore timers;
  private final PollLoops loops;
  private final Clock clock;
  private final TimerMetrics metrics;
  private final AtomicLong pending = new AtomicLong();
  private final AtomicLong atRisk = new AtomicLong();
  private final AtomicLong oldestDue = new AtomicLong();
  private final MultiGauge openClocks;

  TimerGauges(
      Pool pool,
      TimerStore timers,
      PollLoops loops,
      Clock clock,
      TimerMetrics metrics,
      MeterRegistry registry) {
    this.metrics = metrics;
    this.pool = pool;
    this.timers = timers;
    this.loops = loops;
    this.clock = clock;
    Gauge.builder("slawatch_timer_pending", pending, AtomicLong::get)
        .description("Timers waiting to fire")
        .register(registry);
    Gauge.builder("slawatch_timer_oldest_due_seconds", oldestDue, AtomicLong::get)
        .description("How long the oldest due timer has waited to fire (0 when none is due)")
        .baseUnit("seconds")
        .register(registry);
    Gauge.builder("slawatch_sla_at_risk", atRisk, AtomicLong::get)
        .description("Open clocks that breach within the next hour")
        .register(registry);
    this.openClocks =
        MultiGauge.builder("slawatch_sla_open_clocks")
            .description("Clocks running toward a breach")
            .register(registry);
  }

  void start(@Observes StartupEvent started) {
    refresh().subscribe().with(done -> {}, failure -> {});
    loops.start(new PollLoop.Settings("gauge-refresh", EVERY, TIMEOUT), this::refresh);
  }

  /**
   * Reads the timers' census and the open clocks into the gauges; on failure they keep their last
   * values, and the failure is logged with its stack trace and counted.
   */
  Uni<Void> refresh() {
    return timers
        .census(pool, clock.instant().plus(Duration.ofHours(1)))
        .invoke(
            census -> {
              pending.set(census.pending());
              atRisk.set(census.atRisk());
              oldestDue.set(
                  census
                      .earliestFireAt()
                      .map(
                          oldest ->
                              Math.max(0, Duration.between(oldest, clock.instant()).toSeconds()))
                      .orElse(0L));
            })
        .flatMap(ignored -> timers.openClocks(pool))
        .invoke(
            open -> {
              List<MultiGauge.Row<?>> gauges = new ArrayList<>();
              for (TimerStore.OpenClocks clocks : open) {
                gauges.add(
                    MultiGauge.Row.of(
                        Tags.of(
                            "plan", clocks.plan(),
                            "priority", clocks.priority(),
                            "clock", clocks.clock()),
                        clocks.count()));
              }
              openClocks.register(gauges, true);
            })
        .onFailure()
        .invoke(
            failure -> {
              LOG.warn("could not refresh the timer gauges: they keep their last values", failure);
              metrics.gaugeRefreshFailed();
            })
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }
}
