package io.slawatch.bench.chaos;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The suite's steady load: {@code rate} tickets a second through intake's batch API, every 100 ms a
 * batch of new tickets on the {@link ChaosPlan}, a quarter of them answered in time (the reply in
 * the same batch). A batch intake did not take whole (a 503 while the broker or database is away, a
 * refused connection while intake restarts) is sent again every 500 ms, as a helpdesk would, until
 * every event of it is answered {@code accepted} or {@code duplicate}: an event counts as accepted
 * from its first such answer.
 */
final class TicketLoad implements AutoCloseable {
  /** One ticket of the run: whether it was answered, and in which trial it was opened. */
  record Ticket(String id, boolean answered, int trial) {}

  private static final Pattern STATUS = Pattern.compile("\"status\":\"([a-z]+)\"");
  private static final Duration RETRY = Duration.ofMillis(500);
  private static final int TICKS_PER_SECOND = 10;

  private final String run;
  private final URI events;
  private final int rate;
  private final SplittableRandom random;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(2))
          .executor(Executors.newFixedThreadPool(4))
          .build();
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
  private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();
  private final Map<String, Boolean> acceptedEvents = new ConcurrentHashMap<>();
  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong invalid = new AtomicLong();
  private volatile int trial;
  private volatile boolean opening = true;
  private long next;
  private double owedTickets;

  TicketLoad(String run, String intakeUrl, int rate, long seed) {
    this.run = run;
    this.events = URI.create(intakeUrl + "/api/v1/events");
    this.rate = rate;
    this.random = new SplittableRandom(seed);
  }

  void start() {
    scheduler.scheduleAtFixedRate(this::tick, 0, 1000 / TICKS_PER_SECOND, TimeUnit.MILLISECONDS);
  }

  /** The trial the tickets opened from now on belong to. */
  void trial(int trial) {
    this.trial = trial;
  }

  private synchronized void tick() {
    if (!opening) {
      return;
    }
    owedTickets += (double) rate / TICKS_PER_SECOND;
    int count = (int) owedTickets;
    owedTickets -= count;
    if (count == 0) {
      return;
    }
    Instant now = Instant.now();
    List<String> batch = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = run + "-" + next++;
      boolean answered = random.nextInt(4) == 0;
      tickets.put(id, new Ticket(id, answered, trial));
      // opened a second ago; an answer half a second later, well within the target
      batch.add(event(id, "c", "ticket.created", now.minusSeconds(1), created()));
      ids.add(id + "-c");
      if (answered) {
        batch.add(
            event(id, "r", "ticket.agent_replied", now.minusMillis(500), "{\"public\":true}"));
        ids.add(id + "-r");
      }
    }
    pending.incrementAndGet();
    send(batch, ids);
  }

  private static String created() {
    return "{\"customer\":\"chaos\",\"priority\":\"P1\",\"plan\":\"" + ChaosPlan.NAME + "\"}";
  }

  private void send(List<String> batch, List<String> ids) {
    http.sendAsync(
            HttpRequest.newBuilder(events)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/cloudevents-batch+json")
                .header("Authorization", "Bearer " + ChaosStack.TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("[" + String.join(",", batch) + "]"))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .whenComplete(
            (response, error) -> {
              if (error == null && response.statusCode() == 200 && taken(response.body(), ids)) {
                pending.decrementAndGet();
                return;
              }
              retries.incrementAndGet();
              scheduler.schedule(() -> send(batch, ids), RETRY.toMillis(), TimeUnit.MILLISECONDS);
            });
  }

  /** Marks each event answered accepted or duplicate; whether all of them were. */
  private boolean taken(String body, List<String> ids) {
    Matcher status = STATUS.matcher(body);
    boolean all = true;
    for (String id : ids) {
      if (!status.find()) {
        return false;
      }
      switch (status.group(1)) {
        case "accepted", "duplicate" -> acceptedEvents.put(id, true);
        case "invalid" -> invalid.incrementAndGet();
        default -> all = false;
      }
    }
    return all;
  }

  static String event(String ticket, String suffix, String type, Instant at, String data) {
    return ("{\"specversion\":\"1.0\",\"id\":\"%s-%s\",\"source\":\"chaos\",\"type\":\"%s\","
            + "\"subject\":\"%s\",\"time\":\"%s\",\"data\":%s}")
        .formatted(ticket, suffix, type, ticket, at, data);
  }

  /** Stops opening tickets; batches not taken yet are still sent again. */
  void stopOpening() {
    opening = false;
  }

  /** Batches sent but not taken whole yet. */
  int pending() {
    return pending.get();
  }

  Map<String, Ticket> tickets() {
    return Map.copyOf(tickets);
  }

  /** The ids of the events intake accepted (or answered duplicate: kept before). */
  java.util.Set<String> acceptedEvents() {
    return java.util.Set.copyOf(acceptedEvents.keySet());
  }

  long retries() {
    return retries.get();
  }

  long invalid() {
    return invalid.get();
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
