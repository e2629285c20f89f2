package io.slawatch.notifier.channel.http;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Spaces requests to one destination at least {@code interval} apart: each caller takes the next
 * free slot and waits for it (a rate limit that queues rather than rejects, which is what an alert
 * needs). Time here is the monotonic clock: pacing is about the process, not about SLA time.
 */
final class Pacer {
  private final long intervalNanos;
  private final AtomicLong nextSlot = new AtomicLong(System.nanoTime());

  Pacer(Duration interval) {
    this.intervalNanos = interval.toNanos();
  }

  /** Completes when it is this caller's turn. */
  Uni<Void> turn() {
    if (intervalNanos <= 0) {
      return Uni.createFrom().voidItem();
    }
    long now = System.nanoTime();
    // this caller's slot: the next free one, or now if the destination has been idle
    long wait = nextSlot.getAndUpdate(next -> Math.max(next - now, 0) + now + intervalNanos) - now;
    return wait <= 0
        ? Uni.createFrom().voidItem()
        : Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofNanos(wait));
  }
}
