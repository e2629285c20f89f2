package io.slawatch.timer.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

  private final Pool pool;
  private final Vertx vertx;
  private final Clock clock;
  private final AtomicLong pending = new AtomicLong();
  private final AtomicLong atRisk = new AtomicLong();
  private final AtomicLong oldestDue = new AtomicLong();
  private final MultiGauge openClocks;
  private long periodic = -1;

  TimerGauges(Pool pool, Vertx vertx, Clock clock, MeterRegistry registry) {
    this.pool = pool;
    this.vertx = vertx;
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
    refresh();
    periodic = vertx.setPeriodic(EVERY.toMillis(), id -> refresh());
  }

  void stop(@Observes ShutdownEvent stopping) {
    vertx.cancelTimer(periodic);
  }

  void refresh() {
    OffsetDateTime inAnHour = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)).plusHours(1);
    pool.preparedQuery(
            "select count(*) filter (where true),"
                + " count(*) filter (where kind = 'sla.breached' and due <= $1),"
                + " (select min(fire_at) from timer)"
                + " from timer")
        .execute(Tuple.of(inAnHour))
        .invoke(
            rows -> {
              Row row = rows.iterator().next();
              pending.set(row.getLong(0));
              atRisk.set(row.getLong(1));
              OffsetDateTime oldest = row.getOffsetDateTime(2);
              oldestDue.set(
                  oldest == null
                      ? 0
                      : Math.max(
                          0, Duration.between(oldest.toInstant(), clock.instant()).toSeconds()));
            })
        .flatMap(
            ignored ->
                pool.query(
                        "select plan, priority, clock, count(*) from timer"
                            + " where kind = 'sla.breached' group by 1, 2, 3")
                    .execute())
        .subscribe()
        .with(
            rows -> {
              List<MultiGauge.Row<?>> gauges = new ArrayList<>();
              for (Row row : rows) {
                gauges.add(
                    MultiGauge.Row.of(
                        Tags.of(
                            "plan", row.getString(0),
                            "priority", row.getString(1),
                            "clock", row.getString(2)),
                        row.getLong(3)));
              }
              openClocks.register(gauges, true);
            },
            failure -> LOG.warn("could not refresh the timer gauges", failure));
  }
}
