package io.slawatch.service.loop;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** The service's poll loops: started by their owners, watched by {@link PollLoopLiveness}. */
@ApplicationScoped
public class PollLoops {
  private final Vertx vertx;
  private final Clock clock;
  private final MeterRegistry registry;
  private final List<PollLoop> loops = new CopyOnWriteArrayList<>();

  PollLoops(Vertx vertx, Clock clock, MeterRegistry registry) {
    this.vertx = vertx;
    this.clock = clock;
    this.registry = registry;
  }

  /** A loop running {@code round} every interval from now on. */
  public PollLoop start(PollLoop.Settings settings, Supplier<Uni<?>> round) {
    PollLoop loop = new PollLoop(settings, round, clock, registry);
    loops.add(loop);
    loop.start(vertx);
    return loop;
  }

  public List<PollLoop> all() {
    return List.copyOf(loops);
  }

  void stop(@Observes ShutdownEvent stopping) {
    loops.forEach(PollLoop::stop);
  }
}
