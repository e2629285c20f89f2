package io.slawatch.service.loop;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The one poll loop of the services (sla-timer's firing, the notifier's escalations): a round every
 * {@code interval} on a Vert.x periodic timer (Quarkus' scheduler does not go below one second),
 * one round at a time, a wake-up during a round runs one more right after it, a round that overruns
 * {@code roundTimeout} is given up so the next can start, and failures are logged with their stack
 * traces and counted ({@code slawatch_loop_failures_total{loop}}). {@link #lastRoundCompleted()} is
 * the watchdog's input ({@link PollLoopLiveness}): rounds complete every interval, doing nothing
 * when nothing is due, so none for twice the round timeout means the loop is stuck.
 */
public final class PollLoop {
  private static final Logger LOG = Logger.getLogger(PollLoop.class);

  /** What a loop is called (its metric tag and health check), how often and how long it runs. */
  public record Settings(String name, Duration interval, Duration roundTimeout) {
    public Settings {
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException(name + ": the interval must be positive");
      }
      if (roundTimeout.isNegative() || roundTimeout.isZero()) {
        throw new IllegalArgumentException(name + ": the round timeout must be positive");
      }
    }
  }

  private final Settings settings;
  private final Supplier<Uni<?>> round;
  private final Clock clock;
  private final Counter failures;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean again = new AtomicBoolean();
  private volatile Instant lastRoundCompleted;
  private Vertx vertx;
  private long periodic = -1;

  /**
   * @param round one round: claims and handles what is due, completes when done (with anything)
   */
  public PollLoop(Settings settings, Supplier<Uni<?>> round, Clock clock, MeterRegistry registry) {
    this.settings = settings;
    this.round = round;
    this.clock = clock;
    this.failures =
        Counter.builder("slawatch_loop_failures")
            .description("Rounds of a poll loop that failed or overran their timeout")
            .tag("loop", settings.name())
            .register(registry);
    this.lastRoundCompleted = clock.instant();
  }

  public Settings settings() {
    return settings;
  }

  /** Starts the periodic rounds; the first after one interval. */
  public synchronized void start(Vertx vertx) {
    if (periodic >= 0) {
      return;
    }
    this.vertx = vertx;
    lastRoundCompleted = clock.instant();
    periodic = vertx.setPeriodic(settings.interval().toMillis(), id -> wake());
  }

  public synchronized void stop() {
    if (periodic >= 0) {
      vertx.cancelTimer(periodic);
      periodic = -1;
    }
  }

  /** Runs a round now; if one is under way, one more follows it. */
  public void wake() {
    if (!running.compareAndSet(false, true)) {
      again.set(true);
      return;
    }
    again.set(false);
    Uni.createFrom()
        .deferred(round)
        .ifNoItem()
        .after(settings.roundTimeout())
        .failWith(
            () ->
                new IllegalStateException(
                    "a round of "
                        + settings.name()
                        + " overran "
                        + settings.roundTimeout()
                        + ": given up"))
        .onTermination()
        .invoke(
            () -> {
              running.set(false);
              if (again.getAndSet(false) && vertx != null) {
                vertx.runOnContext(nothing -> wake());
              }
            })
        .subscribe()
        .with(
            done -> lastRoundCompleted = clock.instant(),
            failure -> {
              failures.increment();
              LOG.warnf(failure, "a round of %s failed, will retry", settings.name());
            });
  }

  /** When a round last completed (or the loop started). */
  public Instant lastRoundCompleted() {
    return lastRoundCompleted;
  }

  /**
   * Stuck: no round completed for its interval plus twice the round timeout (a round is due every
   * interval and may take up to the timeout).
   */
  public boolean stalled(Instant now) {
    Duration allowed = settings.interval().plus(settings.roundTimeout().multipliedBy(2));
    return Duration.between(lastRoundCompleted, now).compareTo(allowed) > 0;
  }

  /**
   * Batch after batch until one handles fewer than {@code full} items: the usual body of a round.
   *
   * @return how many items all batches handled
   */
  public static Uni<Integer> drain(Supplier<Uni<Integer>> batch, int full) {
    return batch
        .get()
        .flatMap(
            handled ->
                handled < full
                    ? Uni.createFrom().item(handled)
                    : drain(batch, full).map(more -> handled + more));
  }
}
