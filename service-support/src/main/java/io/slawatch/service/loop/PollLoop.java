package io.slawatch.service.loop;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Context;
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
 * one round at a time, a wake-up during a round runs one more right after it, and failures are
 * logged with their stack traces and counted ({@code slawatch_loop_failures_total{loop}}).
 *
 * <p>{@code roundTimeout} bounds work that makes no progress, not a round's length: a round that
 * {@linkplain #drain drains} batch after batch (a pile-up of 200,000 due timers on a slow day) may
 * run as long as each batch completes within the timeout; a round, or a batch of it, that does not
 * is given up so the next round can start. Cutting a long but healthy drain mid-batch would only
 * roll back work whose alerts were already sent, and send them again.
 *
 * <p>{@link #lastRoundCompleted()} and {@link #stalled} are the watchdog's input ({@link
 * PollLoopLiveness}): rounds complete every interval, doing nothing when nothing is due, so neither
 * a completed round nor a completed batch for the interval plus twice the timeout means the loop is
 * stuck.
 */
public final class PollLoop {
  private static final Logger LOG = Logger.getLogger(PollLoop.class);

  /** The Mutiny context key under which a round finds its loop (for {@link #drain}'s progress). */
  private static final String CONTEXT_KEY = PollLoop.class.getName();

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
  private volatile Instant lastProgress; // a round or a batch completed (the injected clock)
  private volatile long lastProgressNanos; // the same on the monotonic clock: for the timeout
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
    this.lastProgress = lastRoundCompleted;
    this.lastProgressNanos = System.nanoTime();
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
    progress();
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
    lastProgressNanos = System.nanoTime();
    guarded(Uni.createFrom().deferred(round))
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
            Context.of(CONTEXT_KEY, this),
            done -> {
              lastRoundCompleted = clock.instant();
              progress();
            },
            failure -> {
              failures.increment();
              LOG.warnf(failure, "a round of %s failed, will retry", settings.name());
            });
  }

  /**
   * The round, failed (and so cancelled) once it has made no progress (started, or completed a
   * batch) for the round timeout, on the monotonic clock. Without Vert.x (not started) the timeout
   * bounds the whole round.
   */
  private Uni<?> guarded(Uni<?> work) {
    Duration timeout = settings.roundTimeout();
    if (vertx == null) {
      return work.ifNoItem().after(timeout).failWith(this::overran);
    }
    long every = Math.clamp(timeout.toMillis() / 4, 10, 1_000);
    Uni<Object> watchdog =
        Uni.createFrom()
            .emitter(
                emitter -> {
                  long timer =
                      vertx.setPeriodic(
                          every,
                          id -> {
                            if (System.nanoTime() - lastProgressNanos > timeout.toNanos()) {
                              emitter.fail(overran());
                            }
                          });
                  emitter.onTermination(() -> vertx.cancelTimer(timer));
                });
    return Uni.combine().any().of(work, watchdog);
  }

  private IllegalStateException overran() {
    return new IllegalStateException(
        "a round of "
            + settings.name()
            + " made no progress for "
            + settings.roundTimeout()
            + ": given up");
  }

  private void progress() {
    lastProgress = clock.instant();
    lastProgressNanos = System.nanoTime();
  }

  /** When a round last completed (or the loop started). */
  public Instant lastRoundCompleted() {
    return lastRoundCompleted;
  }

  /**
   * Stuck: neither a round nor a batch of one completed for its interval plus twice the round
   * timeout (a round is due every interval and each step of it may take up to the timeout).
   */
  public boolean stalled(Instant now) {
    Duration allowed = settings.interval().plus(settings.roundTimeout().multipliedBy(2));
    return Duration.between(lastProgress, now).compareTo(allowed) > 0;
  }

  /**
   * Batch after batch until one handles fewer than {@code full} items: the usual body of a round.
   * Run as a loop's round (also inside a join of several drains), each completed batch counts as
   * progress, so the round timeout bounds each batch, not the whole drain.
   *
   * @return how many items all batches handled
   */
  public static Uni<Integer> drain(Supplier<Uni<Integer>> batch, int full) {
    return Uni.createFrom()
        .context(
            context -> {
              PollLoop loop = context.getOrElse(CONTEXT_KEY, () -> null);
              Supplier<Uni<Integer>> counted =
                  loop == null ? batch : () -> batch.get().invoke(handled -> loop.progress());
              return drainCounted(counted, full);
            });
  }

  private static Uni<Integer> drainCounted(Supplier<Uni<Integer>> batch, int full) {
    return batch
        .get()
        .flatMap(
            handled ->
                handled < full
                    ? Uni.createFrom().item(handled)
                    : drainCounted(batch, full).map(more -> handled + more));
  }
}
