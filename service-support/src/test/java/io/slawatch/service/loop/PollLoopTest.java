package io.slawatch.service.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PollLoopTest {
  private final Vertx vertx = Vertx.vertx();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @AfterEach
  void close() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  private double failures(String loop) {
    return registry.counter("slawatch_loop_failures", "loop", loop).count();
  }

  @Test
  void rounds_run_every_interval_and_record_their_completion() {
    AtomicInteger rounds = new AtomicInteger();
    PollLoop loop =
        new PollLoop(
            new PollLoop.Settings("test", Duration.ofMillis(10), Duration.ofSeconds(5)),
            () -> Uni.createFrom().item(rounds.incrementAndGet()),
            Clock.systemUTC(),
            registry);
    Instant started = Instant.now();
    loop.start(vertx);
    await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() >= 3);
    loop.stop();
    assertThat(loop.lastRoundCompleted()).isAfterOrEqualTo(started);
    assertThat(failures("test")).isZero();
  }

  @Test
  void a_round_that_hangs_is_given_up_counted_and_the_next_one_runs() {
    AtomicInteger calls = new AtomicInteger();
    PollLoop loop =
        new PollLoop(
            new PollLoop.Settings("hang", Duration.ofMillis(20), Duration.ofMillis(100)),
            () ->
                calls.incrementAndGet() == 1
                    ? Uni.createFrom().nothing()
                    : Uni.createFrom().item("done"),
            Clock.systemUTC(),
            registry);
    loop.start(vertx);
    await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() >= 3);
    loop.stop();
    assertThat(failures("hang")).isEqualTo(1.0);
  }

  @Test
  void a_failing_round_is_counted_and_does_not_stop_the_loop() {
    AtomicInteger calls = new AtomicInteger();
    PollLoop loop =
        new PollLoop(
            new PollLoop.Settings("fail", Duration.ofMillis(10), Duration.ofSeconds(5)),
            () -> {
              calls.incrementAndGet();
              return Uni.createFrom().failure(new IllegalStateException("database gone"));
            },
            Clock.systemUTC(),
            registry);
    loop.start(vertx);
    await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() >= 3);
    loop.stop();
    assertThat(failures("fail")).isGreaterThanOrEqualTo(2.0);
  }

  @Test
  void a_wake_during_a_round_runs_one_more_round_after_it() {
    List<io.smallrye.mutiny.subscription.UniEmitter<? super String>> pending = new ArrayList<>();
    AtomicInteger calls = new AtomicInteger();
    PollLoop loop =
        new PollLoop(
            // an interval long enough that only wake-ups start rounds here
            new PollLoop.Settings("wake", Duration.ofHours(1), Duration.ofSeconds(5)),
            () -> {
              calls.incrementAndGet();
              return Uni.createFrom().<String>emitter(pending::add);
            },
            Clock.systemUTC(),
            registry);
    loop.start(vertx);
    loop.wake();
    assertThat(calls).hasValue(1);
    loop.wake();
    loop.wake();
    assertThat(calls).as("one round at a time").hasValue(1);
    pending.get(0).complete("first");
    await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() == 2);
    pending.get(1).complete("second");
    loop.stop();
    assertThat(calls).as("the wake-ups during the first round ran one more, not two").hasValue(2);
  }

  @Test
  void a_loop_without_a_completed_round_for_its_interval_and_twice_its_timeout_is_stalled() {
    Instant start = Instant.parse("2026-12-01T10:00:00Z");
    PollLoop loop =
        new PollLoop(
            new PollLoop.Settings("stall", Duration.ofMillis(50), Duration.ofSeconds(60)),
            () -> Uni.createFrom().nothing(),
            Clock.fixed(start, ZoneOffset.UTC),
            registry);
    assertThat(loop.stalled(start.plusMillis(120_050))).isFalse();
    assertThat(loop.stalled(start.plusMillis(120_051))).isTrue();
  }

  @Test
  void a_loop_that_runs_hourly_is_not_stalled_between_its_rounds() {
    Instant start = Instant.parse("2026-12-01T10:00:00Z");
    PollLoop loop =
        new PollLoop(
            new PollLoop.Settings("hourly", Duration.ofHours(1), Duration.ofMinutes(5)),
            () -> Uni.createFrom().nothing(),
            Clock.fixed(start, ZoneOffset.UTC),
            registry);
    assertThat(loop.stalled(start.plus(Duration.ofMinutes(59)))).isFalse();
    assertThat(loop.stalled(start.plus(Duration.ofMinutes(71)))).isTrue();
  }

  @Test
  void
      a_draining_round_longer_than_its_timeout_runs_to_its_end_while_every_batch_completes_in_time() {
    AtomicInteger batches = new AtomicInteger();
    List<Integer> totals = new ArrayList<>();
    PollLoop loop =
        new PollLoop(
            // two drains side by side (as sla-timer's firing loops), 12 batches of 100 ms each:
            // about 1.2 s per round, three times the 400 ms timeout (a margin of 300 ms a batch
            // for a loaded machine)
            new PollLoop.Settings("drain", Duration.ofHours(1), Duration.ofMillis(400)),
            () ->
                Uni.join()
                    .all(slowDrain(batches), slowDrain(batches))
                    .andFailFast()
                    .invoke(counts -> totals.add(counts.get(0) + counts.get(1))),
            Clock.systemUTC(),
            registry);
    loop.start(vertx);
    loop.wake();
    await().atMost(Duration.ofSeconds(10)).until(() -> !totals.isEmpty());
    loop.stop();
    assertThat(totals).containsExactly(2 * 11 * 10 + 2 * 3);
    assertThat(batches).hasValue(24);
    assertThat(failures("drain")).as("no round given up").isZero();
  }

  @Test
  void a_batch_of_a_draining_round_that_hangs_is_given_up_and_the_next_round_runs() {
    AtomicInteger batches = new AtomicInteger();
    AtomicInteger rounds = new AtomicInteger();
    PollLoop loop =
        new PollLoop(
            new PollLoop.Settings("drain-hang", Duration.ofMillis(20), Duration.ofMillis(100)),
            () -> {
              int round = rounds.incrementAndGet();
              return PollLoop.drain(
                  () ->
                      round == 1 && batches.incrementAndGet() == 3
                          ? Uni.createFrom().<Integer>nothing()
                          : Uni.createFrom().item(round == 1 ? 10 : 0),
                  10);
            },
            Clock.systemUTC(),
            registry);
    loop.start(vertx);
    await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() >= 3);
    loop.stop();
    assertThat(failures("drain-hang")).isEqualTo(1.0);
  }

  @Test
  void a_loop_whose_long_drain_keeps_completing_batches_is_not_stalled() {
    Instant start = Instant.parse("2026-12-01T10:00:00Z");
    java.util.concurrent.atomic.AtomicReference<Instant> now =
        new java.util.concurrent.atomic.AtomicReference<>(start);
    Clock clock =
        new Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now.get();
          }
        };
    List<io.smallrye.mutiny.subscription.UniEmitter<? super Integer>> pending = new ArrayList<>();
    PollLoop loop =
        new PollLoop(
            new PollLoop.Settings("long", Duration.ofSeconds(1), Duration.ofSeconds(60)),
            () -> PollLoop.drain(() -> Uni.createFrom().<Integer>emitter(pending::add), 10),
            clock,
            registry);
    loop.start(vertx);
    loop.wake();
    for (int minute = 1; minute <= 5; minute++) {
      now.set(start.plus(Duration.ofMinutes(minute)));
      int batch = minute - 1;
      await().atMost(Duration.ofSeconds(5)).until(() -> pending.size() > batch);
      pending.get(batch).complete(10); // a full batch: the drain goes on
    }
    assertThat(loop.stalled(start.plus(Duration.ofMinutes(6))))
        .as("a batch completed a minute ago, although no round has completed for six")
        .isFalse();
    assertThat(loop.stalled(start.plus(Duration.ofMinutes(5).plusSeconds(122)))).isTrue();
    loop.stop();
  }

  private static Uni<Integer> slowDrain(AtomicInteger batches) {
    AtomicInteger mine = new AtomicInteger();
    return PollLoop.drain(
        () ->
            Uni.createFrom()
                .item(() -> mine.incrementAndGet() < 12 ? 10 : 3)
                .invoke(batches::incrementAndGet)
                .onItem()
                .delayIt()
                .by(Duration.ofMillis(100)),
        10);
  }

  @Test
  void drain_takes_batches_until_one_is_not_full() {
    List<Integer> batches = new ArrayList<>(List.of(10, 10, 3, 10));
    int total =
        PollLoop.drain(() -> Uni.createFrom().item(batches.remove(0)), 10).await().indefinitely();
    assertThat(total).isEqualTo(23);
    assertThat(batches).containsExactly(10);
  }
}
