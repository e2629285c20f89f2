package io.slawatch.notifier.escalation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Routing and escalation ({@code slawatch.notifier.escalation.*}). */
@ConfigMapping(prefix = "slawatch.notifier.escalation")
public interface EscalationConfig {
  /**
   * The policy file (YAML, see {@code PolicyReader}); without one, every alert goes to every
   * enabled channel once.
   */
  Optional<String> policyFile();

  /**
   * The target of last resort (a target of the policy file, or a channel's name without one): an
   * alert no policy matches, and a step none of whose targets can take the alert in a policy
   * without its own {@code fallback}, go to it.
   */
  Optional<String> fallback();

  /** How often the escalation loop looks for steps that are due. */
  @WithDefault("200ms")
  Duration pollInterval();

  /**
   * How long one round of the loop may take before it is given up so the next can start; no round
   * completed for twice this turns liveness DOWN. A round given up stops renewing its claims, so
   * they come back one {@code lease} later to the next round of this or another instance.
   */
  @WithDefault("60s")
  Duration roundTimeout();

  /**
   * The longest one statement of the escalation loop may run: PostgreSQL's {@code
   * statement_timeout}, set for each of the loop's transactions (the claim, the read of earlier
   * deliveries, the record of a batch), so a hung statement fails its batch (whose claims come back
   * after the lease) instead of holding the round.
   */
  @WithDefault("30s")
  Duration statementTimeout();

  /** How many due steps one round of the loop claims. */
  @WithDefault("1000")
  int batchSize();

  /**
   * How many claimed steps are delivered at once: each has at most one delivery sent and not yet
   * recorded, so this bounds what a crash sends again.
   */
  @WithDefault("128")
  int concurrency();

  /**
   * How long a claim on a step lasts without a {@code heartbeat}: the instance working it renews it
   * every heartbeat, so if the instance dies another one (or the restarted one) runs the step at
   * most this long after the last beat (targets whose delivery was recorded are not notified
   * again). Longer than the heartbeat: a pause of the instance longer than the lease less one
   * heartbeat (a GC, a blocked event loop) lets another instance run a step it is still working.
   */
  @WithDefault("PT10S")
  Duration lease();

  /** How often the instance renews the claims it is working on (shorter than the {@code lease}). */
  @WithDefault("PT2S")
  Duration heartbeat();
}
