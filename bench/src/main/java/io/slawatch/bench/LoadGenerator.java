package io.slawatch.bench;

import io.slawatch.core.plan.PresetPlans;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A realistic stream of ticket events: customers in several time zones on the seed plans, each
 * ticket created and then, as in a real helpdesk, answered, replied to by its customer, put on
 * hold, re-prioritised or solved. Deterministic for a given seed.
 */
public final class LoadGenerator {
  /** The eleven seed plans: the customers' plans are spread over them. */
  static final List<String> PLANS = PresetPlans.NAMES;

  static final List<String> ZONES =
      List.of(
          "Europe/Paris",
          "Europe/Warsaw",
          "Europe/Bucharest",
          "America/New_York",
          "Asia/Taipei",
          "Asia/Kolkata",
          "Australia/Sydney");
  private static final String[] PRIORITIES = {"P1", "P2", "P2", "P3", "P3", "P3", "P4", "P4"};
  private static final String[] CHANNELS = {"email", "portal", "phone", "chat"};

  private final String run;
  private final int customers;
  private final SplittableRandom random;
  private long ticket;

  public LoadGenerator(String run, int customers, long seed) {
    this.run = run;
    this.customers = customers;
    this.random = new SplittableRandom(seed);
  }

  /** The zone of a customer (customer {@code c-<n>} lives in zone {@code n mod zones}). */
  static String zone(int customer) {
    return ZONES.get(customer % ZONES.size());
  }

  /** The next ticket's events (2 to 5 of them), all happening around {@code now}. */
  public List<String> nextTicket(Instant now) {
    String id = run + "-" + (ticket++);
    int customer = random.nextInt(customers);
    String plan = PLANS.get(customer % PLANS.size());
    List<String> events = new ArrayList<>(5);
    events.add(
        event(
            id,
            "c",
            "ticket.created",
            now,
            "{\"customer\":\"%s-c-%d\",\"priority\":\"%s\",\"plan\":\"%s\",\"channel\":\"%s\"}"
                .formatted(
                    run,
                    customer,
                    PRIORITIES[random.nextInt(PRIORITIES.length)],
                    plan,
                    CHANNELS[random.nextInt(CHANNELS.length)])));
    Instant at = now;
    if (random.nextInt(100) < 60) {
      at = at.plusMillis(1 + random.nextInt(500));
      events.add(event(id, "r", "ticket.agent_replied", at, "{\"public\":true}"));
    }
    if (random.nextInt(100) < 30) {
      at = at.plusMillis(1 + random.nextInt(500));
      events.add(event(id, "m", "ticket.customer_replied", at, "{}"));
    }
    if (random.nextInt(100) < 10) {
      at = at.plusMillis(1 + random.nextInt(500));
      events.add(event(id, "p", "ticket.priority_changed", at, "{\"priority\":\"P1\"}"));
    }
    if (random.nextInt(100) < 20) {
      at = at.plusMillis(1 + random.nextInt(500));
      String status = random.nextBoolean() ? "pending" : "solved";
      events.add(event(id, "s", "ticket.status_changed", at, "{\"status\":\"" + status + "\"}"));
    }
    return events;
  }

  static String event(String ticket, String suffix, String type, Instant at, String data) {
    return ("{\"specversion\":\"1.0\",\"id\":\"%s-%s\",\"source\":\"bench\",\"type\":\"%s\","
            + "\"subject\":\"%s\",\"time\":\"%s\",\"data\":%s}")
        .formatted(ticket, suffix, type, ticket, at, data);
  }
}
