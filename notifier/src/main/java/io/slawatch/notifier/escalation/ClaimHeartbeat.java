package io.slawatch.notifier.escalation;

import io.quarkus.runtime.StartupEvent;
import io.slawatch.notifier.store.EscalationStore;
import io.slawatch.notifier.store.NotificationGroupStore;
import io.slawatch.notifier.store.Transactions;
import io.slawatch.service.loop.PollLoop;
import io.slawatch.service.loop.PollLoops;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * This instance's claims on escalation steps: who it is in the {@code escalation} table ({@link
 * #owner()}: host, pid and a random part, new at every start), which claimed steps it is working
 * on, and the heartbeat ({@code escalation-heartbeat} poll loop, every {@code
 * slawatch.notifier.escalation.heartbeat}) that extends those claims by one {@code lease} while the
 * work lasts (and its claims on notification groups being sent, {@link GroupSender}). A batch that
 * ends, fails or is given up is no longer renewed; when the instance dies, its claims run out one
 * lease after its last beat and another instance takes them.
 */
@ApplicationScoped
public class ClaimHeartbeat {
  private static final Logger LOG = Logger.getLogger(ClaimHeartbeat.class);

  private final Transactions transactions;
  private final EscalationStore escalations;
  private final EscalationConfig config;
  private final PollLoops loops;
  private final Clock clock;
  private final String owner;
  private final NotificationGroupStore groups;
  private final Set<String> working = ConcurrentHashMap.newKeySet();
  private final Set<String> workingGroups = ConcurrentHashMap.newKeySet();

  ClaimHeartbeat(
      Transactions transactions,
      EscalationStore escalations,
      NotificationGroupStore groups,
      EscalationConfig config,
      PollLoops loops,
      Clock clock) {
    this.transactions = transactions;
    this.escalations = escalations;
    this.groups = groups;
    this.config = config;
    this.loops = loops;
    this.clock = clock;
    this.owner = newOwner();
  }

  private static String newOwner() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "unknown-host";
    }
    return host
        + "/"
        + ProcessHandle.current().pid()
        + "/"
        + UUID.randomUUID().toString().substring(0, 8);
  }

  void start(@Observes StartupEvent started) {
    if (config.heartbeat().compareTo(config.lease()) >= 0) {
      throw new IllegalStateException(
          "slawatch.notifier.escalation.heartbeat ("
              + config.heartbeat()
              + ") must be shorter than slawatch.notifier.escalation.lease ("
              + config.lease()
              + ")");
    }
    LOG.infof(
        "escalation claims held as %s: lease %s, renewed every %s",
        owner, config.lease(), config.heartbeat());
    loops.start(
        new PollLoop.Settings("escalation-heartbeat", config.heartbeat(), config.lease()),
        this::beat);
  }

  /** This instance as the {@code claimed_by} of its claims. */
  public String owner() {
    return owner;
  }

  /**
   * Keeps the claims on {@code alertIds} renewed while {@code work} runs: from now until it ends,
   * fails or is cancelled.
   */
  <T> Uni<T> holding(Collection<String> alertIds, Uni<T> work) {
    List<String> ids = List.copyOf(alertIds);
    return Uni.createFrom()
        .deferred(
            () -> {
              working.addAll(ids);
              return work;
            })
        .onTermination()
        .invoke(() -> ids.forEach(working::remove));
  }

  /**
   * Keeps the claims on the groups {@code groupIds} renewed while {@code work} (sending them) runs.
   */
  <T> Uni<T> holdingGroups(Collection<String> groupIds, Uni<T> work) {
    List<String> ids = List.copyOf(groupIds);
    return Uni.createFrom()
        .deferred(
            () -> {
              workingGroups.addAll(ids);
              return work;
            })
        .onTermination()
        .invoke(() -> ids.forEach(workingGroups::remove));
  }

  /** One beat: the claims being worked on (steps and groups), extended to one lease from now. */
  Uni<Integer> beat() {
    if (working.isEmpty() && workingGroups.isEmpty()) {
      return Uni.createFrom().item(0);
    }
    List<String> ids = List.copyOf(working);
    List<String> groupIds = List.copyOf(workingGroups);
    Duration timeout =
        config.statementTimeout().compareTo(config.lease()) < 0
            ? config.statementTimeout()
            : config.lease();
    return transactions.run(
        timeout,
        tx ->
            escalations
                .renew(tx, owner, ids, clock.instant().plus(config.lease()))
                .flatMap(
                    steps ->
                        groups
                            .renew(tx, owner, groupIds, clock.instant().plus(config.lease()))
                            .map(sending -> steps + sending)));
  }
}
