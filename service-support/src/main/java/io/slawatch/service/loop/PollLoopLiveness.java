package io.slawatch.service.loop;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * The loops' watchdog: a loop with no completed round for twice its round timeout is stuck, and
 * liveness is DOWN so the orchestrator restarts the instance. Check {@code poll-loops}, with each
 * loop's last completed round and the time since.
 */
@Liveness
@ApplicationScoped
public class PollLoopLiveness implements HealthCheck {
  private final PollLoops loops;
  private final Clock clock;

  PollLoopLiveness(PollLoops loops, Clock clock) {
    this.loops = loops;
    this.clock = clock;
  }

  @Override
  public HealthCheckResponse call() {
    Instant now = clock.instant();
    HealthCheckResponseBuilder response = HealthCheckResponse.named("poll-loops").up();
    for (PollLoop loop : loops.all()) {
      String name = loop.settings().name();
      Instant last = loop.lastRoundCompleted();
      response
          .withData(name + ".last_round_completed", last.toString())
          .withData(name + ".since_ms", Duration.between(last, now).toMillis());
      if (loop.stalled(now)) {
        response.down();
      }
    }
    return response.build();
  }
}
