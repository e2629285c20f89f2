package io.slawatch.notifier.escalation;

import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Writes items as they come, in batches, one write at a time (a group commit): an item offered
 * while no write runs is written at once, alone; items offered during a write are written together
 * right after it, up to {@code maxBatch} at a time. {@link #write} completes only once the item's
 * batch was written, and fails with its write: nothing is taken for written that was not.
 *
 * @param <T> what is written
 */
final class WriteBehind<T> {
  private record Pending<T>(T item, CompletableFuture<Void> written) {}

  private final Function<List<T>, Uni<Void>> writer;
  private final int maxBatch;
  private final Queue<Pending<T>> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean writing = new AtomicBoolean();

  /**
   * @param writer writes one batch (e.g. in one transaction), completes once it is durable
   */
  WriteBehind(Function<List<T>, Uni<Void>> writer, int maxBatch) {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be positive");
    }
    this.writer = writer;
    this.maxBatch = maxBatch;
  }

  /** Writes {@code item} with the next batch; completes when that batch is written. */
  Uni<Void> write(T item) {
    Pending<T> pending = new Pending<>(item, new CompletableFuture<>());
    queue.add(pending);
    next();
    return Uni.createFrom().completionStage(pending.written());
  }

  /** Starts the next batch unless one is being written (its end starts the next). */
  private void next() {
    while (!queue.isEmpty() && writing.compareAndSet(false, true)) {
      List<Pending<T>> batch = new ArrayList<>();
      Pending<T> pending;
      while (batch.size() < maxBatch && (pending = queue.poll()) != null) {
        batch.add(pending);
      }
      if (batch.isEmpty()) {
        writing.set(false);
        continue;
      }
      Uni<Void> written;
      try {
        written = writer.apply(batch.stream().map(Pending::item).toList());
      } catch (RuntimeException e) {
        written = Uni.createFrom().failure(e);
      }
      written.subscribe().with(done -> finish(batch, null), failure -> finish(batch, failure));
      return;
    }
  }

  private void finish(List<Pending<T>> batch, Throwable failure) {
    writing.set(false);
    next();
    for (Pending<T> pending : batch) {
      if (failure == null) {
        pending.written().complete(null);
      } else {
        pending.written().completeExceptionally(failure);
      }
    }
  }
}
