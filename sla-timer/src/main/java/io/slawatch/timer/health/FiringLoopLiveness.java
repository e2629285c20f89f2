package io.slawatch.timer.health;

import io.slawatch.timer.config.TimerConfig;
import io.slawatch.timer.firing.DueTimerPoller;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * The firing loop's watchdog: rounds complete every poll interval (firing nothing when nothing is
 * due), so no completed round for twice the round timeout means the loop is stuck: liveness DOWN,
 * and the orchestrator restarts the instance.
 */
@Liveness
@ApplicationScoped
public class FiringLoopLiveness implements HealthCheck {
  private final DueTimerPoller poller;
  private final TimerConfig config;
  private final Clock clock;

  FiringLoopLiveness(DueTimerPoller poller, TimerConfig config, Clock clock) {
    this.poller = poller;
    this.config = config;
    this.clock = clock;
  }

  @Override
  public HealthCheckResponse call() {
    Instant last = poller.lastRoundCompleted();
    Duration since = last == null ? Duration.ZERO : Duration.between(last, clock.instant());
    boolean alive = since.compareTo(config.roundTimeout().multipliedBy(2)) <= 0;
    return HealthCheckResponse.named("firing-loop")
        .status(alive)
        .withData("last_round_completed", last == null ? "not started" : last.toString())
        .withData("since_ms", since.toMillis())
        .build();
  }
}
