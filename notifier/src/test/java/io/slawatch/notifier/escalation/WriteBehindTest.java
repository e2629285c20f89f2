package io.slawatch.notifier.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Deliveries recorded as they complete, in batches, never taken for recorded before they are. */
class WriteBehindTest {
  /** A writer whose writes complete when the test says so. */
  private static final class HeldWriter {
    final List<List<String>> batches = new ArrayList<>();
    final List<UniEmitter<? super Void>> pending = new ArrayList<>();

    Uni<Void> write(List<String> batch) {
      batches.add(batch);
      return Uni.createFrom().emitter(pending::add);
    }

    void complete(int write) {
      pending.get(write).complete(null);
    }

    void fail(int write, Throwable failure) {
      pending.get(write).fail(failure);
    }
  }

  private static CompletableFuture<Void> started(Uni<Void> written) {
    return written.subscribeAsCompletionStage();
  }

  @Test
  void a_delivery_offered_while_nothing_is_written_is_written_at_once_alone() {
    HeldWriter writer = new HeldWriter();
    WriteBehind<String> writes = new WriteBehind<>(writer::write, 100);

    CompletableFuture<Void> first = started(writes.write("T-1 to chat"));

    assertThat(writer.batches).containsExactly(List.of("T-1 to chat"));
    assertThat(first).as("not recorded before its write completes").isNotDone();
    writer.complete(0);
    assertThat(first).isCompleted();
  }

  @Test
  void deliveries_completing_during_a_write_are_written_together_right_after_it() {
    HeldWriter writer = new HeldWriter();
    WriteBehind<String> writes = new WriteBehind<>(writer::write, 100);

    CompletableFuture<Void> first = started(writes.write("a"));
    CompletableFuture<Void> second = started(writes.write("b"));
    CompletableFuture<Void> third = started(writes.write("c"));
    assertThat(writer.batches).as("one write at a time").hasSize(1);

    writer.complete(0);
    assertThat(first).isCompleted();
    assertThat(writer.batches).containsExactly(List.of("a"), List.of("b", "c"));
    assertThat(second).isNotDone();
    assertThat(third).isNotDone();

    writer.complete(1);
    assertThat(second).isCompleted();
    assertThat(third).isCompleted();
  }

  @Test
  void a_batch_holds_at_most_its_maximum_and_the_rest_follows() {
    HeldWriter writer = new HeldWriter();
    WriteBehind<String> writes = new WriteBehind<>(writer::write, 2);

    started(writes.write("a"));
    List<CompletableFuture<Void>> later = new ArrayList<>();
    for (String item : List.of("b", "c", "d", "e", "f")) {
      later.add(started(writes.write(item)));
    }
    writer.complete(0);
    writer.complete(1);
    writer.complete(2);

    assertThat(writer.batches)
        .containsExactly(List.of("a"), List.of("b", "c"), List.of("d", "e"), List.of("f"));
    assertThat(later.subList(0, 4)).allMatch(CompletableFuture::isDone);
    assertThat(later.get(4)).isNotDone();
  }

  @Test
  void a_failed_write_fails_each_of_its_deliveries_and_the_next_write_goes_on() {
    HeldWriter writer = new HeldWriter();
    WriteBehind<String> writes = new WriteBehind<>(writer::write, 100);

    started(writes.write("a"));
    CompletableFuture<Void> b = started(writes.write("b"));
    CompletableFuture<Void> c = started(writes.write("c"));
    writer.complete(0);
    writer.fail(1, new IllegalStateException("database down"));

    assertThat(b).isCompletedExceptionally();
    assertThat(c).isCompletedExceptionally();
    assertThatThrownBy(() -> b.get()).hasRootCauseMessage("database down");

    CompletableFuture<Void> d = started(writes.write("d"));
    assertThat(writer.batches).last().isEqualTo(List.of("d"));
    writer.complete(2);
    assertThat(d).isCompleted();
  }

  @Test
  void a_writer_that_throws_fails_its_batch_instead_of_stopping_the_writes() {
    List<List<String>> seen = new ArrayList<>();
    WriteBehind<String> writes =
        new WriteBehind<>(
            batch -> {
              seen.add(batch);
              if (batch.contains("poison")) {
                throw new IllegalArgumentException("cannot encode");
              }
              return Uni.createFrom().voidItem();
            },
            100);

    assertThatThrownBy(() -> writes.write("poison").await().atMost(Duration.ofSeconds(1)))
        .hasMessage("cannot encode");
    writes.write("fine").await().atMost(Duration.ofSeconds(1));
    assertThat(seen).containsExactly(List.of("poison"), List.of("fine"));
  }
}
