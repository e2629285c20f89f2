package io.slawatch.bench.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * {@code ./slawatch chaos}: the fault suite. Starts a stack of its own ({@link ChaosStack}), puts a
 * steady load of tickets on it ({@link TicketLoad}), and runs trials: after a random pause under
 * load, one part is struck (a service or the broker {@code kill -9}ed, or the database crashed by
 * an immediate shutdown, and started again), then every service must answer ready. At the end the
 * load stops, everything drains, and the suite counts: events intake accepted that sla-timer never
 * stored, alerts the plan owes that never reached the webhook, alerts delivered more than once.
 */
public final class ChaosSuite {
  /** The notifier's {@code slawatch.notifier.escalation.concurrency} default: re-sent per kill. */
  static final int IN_FLIGHT_BOUND = 128;

  private static final String WARM_UP = "none (warm-up)";
  private static final Duration DRAIN = Duration.ofMinutes(4);

  /** How a run is set up. */
  public record Options(
      Path repo,
      Path home,
      int trials,
      int rate,
      long seed,
      Duration warmUp,
      Duration minPause,
      Duration maxPause,
      Optional<Duration> budget) {}

  private final Options options;
  private final Random random;

  public ChaosSuite(Options options) {
    this.options = options;
    this.random = new Random(options.seed());
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> given = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException(
            "usage: chaos [--trials 100] [--rate 50] [--seed N] [--budget PT30M] [--home DIR]; bad: "
                + args[i]);
      }
      given.put(args[i].substring(2), args[++i]);
    }
    Path repo = Path.of(System.getenv().getOrDefault("SLAWATCH_REPO", ".")).toAbsolutePath();
    Options options =
        new Options(
            repo,
            Path.of(given.getOrDefault("home", repo.resolve("bench/target/chaos").toString()))
                .toAbsolutePath(),
            Integer.parseInt(given.getOrDefault("trials", "100")),
            Integer.parseInt(given.getOrDefault("rate", "50")),
            Long.parseLong(given.getOrDefault("seed", Long.toString(System.nanoTime() % 100_000))),
            Duration.ofSeconds(5),
            Duration.ofSeconds(1),
            Duration.ofSeconds(4),
            Optional.ofNullable(given.get("budget")).map(Duration::parse));
    try {
      ChaosReport report = new ChaosSuite(options).run();
      System.exit(report.passed() ? 0 : 1);
    } catch (Exception | Error e) {
      e.printStackTrace();
      say("aborted: " + e.getMessage() + " (logs in " + options.home().resolve("logs") + ")");
      System.exit(2); // the load's threads would keep the JVM alive
    }
  }

  /**
   * The kinds of the trials: a twentieth each (at least one) broker and database, the rest
   * services.
   */
  List<Target> plan() {
    int infra = Math.max(1, Math.round(options.trials() / 20f));
    List<Target> kinds = new ArrayList<>();
    for (int i = 0; i < infra && kinds.size() < options.trials(); i++) {
      kinds.add(Target.BROKER);
      kinds.add(Target.DATABASE);
    }
    List<Target> services = List.of(Target.INTAKE, Target.TIMER, Target.NOTIFIER);
    for (int i = 0; kinds.size() < options.trials(); i++) {
      kinds.add(services.get(i % services.size()));
    }
    List<Target> trimmed = new ArrayList<>(kinds.subList(0, options.trials()));
    Collections.shuffle(trimmed, random);
    return trimmed;
  }

  public ChaosReport run() throws Exception {
    Instant began = Instant.now();
    String run = "X" + Long.toString(System.currentTimeMillis(), 36);
    clean(options.home());
    List<Target> trials = plan();
    say(
        "%d trials (seed %d) at %d tickets/s; state, logs and report in %s"
            .formatted(trials.size(), options.seed(), options.rate(), options.home()));
    try (AlertSink sink = new AlertSink(run);
        ChaosStack stack = new ChaosStack(options.repo(), options.home(), sink.url())) {
      // Ctrl-C or a SIGTERM: the services are no children that die with this JVM
      Thread stopper = new Thread(stack::closeQuietly, "chaos-stop");
      Runtime.getRuntime().addShutdownHook(stopper);
      stack.start();
      say("stack ready after %d s".formatted(secondsSince(began)));
      Instant loadBegan = Instant.now();
      List<Double> recovery = new ArrayList<>();
      List<Integer> stuck = new ArrayList<>();
      List<String> stuckNames = new ArrayList<>();
      try (TicketLoad load =
          new TicketLoad(run, stack.intakeUrl(), options.rate(), options.seed())) {
        load.trial(-1);
        load.start();
        pause(options.warmUp()); // load before the first strike: alerts in flight
        for (int i = 0; i < trials.size(); i++) {
          if (options.budget().isPresent()
              && Instant.now().isAfter(loadBegan.plus(options.budget().get()))) {
            say(
                "time budget %s spent: %d of %d trials"
                    .formatted(options.budget().get(), i, trials.size()));
            trials = trials.subList(0, i);
            break;
          }
          load.trial(i);
          long range = options.maxPause().toMillis() - options.minPause().toMillis();
          // the random moment of the strike, under the steady load
          pause(options.minPause().plusMillis(range <= 0 ? 0 : random.nextLong(range)));
          Instant struck = Instant.now();
          stack.strike(trials.get(i));
          List<String> restarted = stack.awaitRecovered();
          recovery.add(Duration.between(struck, Instant.now()).toMillis() / 1000.0);
          stuck.add(restarted.size());
          if (!restarted.isEmpty()) {
            stuckNames.add("trial %d (%s): %s".formatted(i + 1, trials.get(i).label(), restarted));
          }
          say(
              "trial %d/%d: %s struck, ready again after %.1f s%s"
                  .formatted(
                      i + 1,
                      trials.size(),
                      trials.get(i).label(),
                      recovery.getLast(),
                      restarted.isEmpty() ? "" : "; not recovered, restarted: " + restarted));
        }
        load.stopOpening();
        say("load stopped; draining");
        ChaosReport report =
            drain(run, stack, sink, load, trials, recovery, stuck, stuckNames, loadBegan);
        String text = report.markdown();
        Path out = options.home().resolve("chaos-report.md");
        Files.writeString(out, text);
        System.out.println();
        System.out.print(text);
        System.out.println("(also in " + out + "; logs in " + stack.logs() + ")");
        return report;
      }
    }
  }

  private ChaosReport drain(
      String run,
      ChaosStack stack,
      AlertSink sink,
      TicketLoad load,
      List<Target> trials,
      List<Double> recovery,
      List<Integer> stuck,
      List<String> stuckNames,
      Instant loadBegan)
      throws Exception {
    await("every batch taken", DRAIN, () -> load.pending() == 0);
    Set<String> accepted = load.acceptedEvents();
    Map<String, TicketLoad.Ticket> tickets = load.tickets();
    Set<String> stored = new HashSet<>();
    await(
        "every accepted event stored by sla-timer",
        DRAIN,
        () -> {
          stored.clear();
          stored.addAll(storedEvents(stack, run));
          return stored.containsAll(accepted);
        });
    Map<String, Set<String>> owed = owed(tickets, accepted);
    long owedCount = owed.values().stream().mapToLong(Set::size).sum();
    await(
        "every owed alert delivered", DRAIN, () -> delivered(sink.deliveries(), owed) == owedCount);
    // redeliveries of a killed notifier's claims come at most one lease (10 s) after its death
    await("the webhook quiet for 12 s", DRAIN, () -> sink.quietMillis() >= 12_000);
    long wall = Duration.between(loadBegan, Instant.now()).toSeconds();
    return tally(
        run, stack, sink, load, trials, recovery, stuck, stuckNames, accepted, stored, owed, wall);
  }

  private ChaosReport tally(
      String run,
      ChaosStack stack,
      AlertSink sink,
      TicketLoad load,
      List<Target> trials,
      List<Double> recovery,
      List<Integer> stuck,
      List<String> stuckNames,
      Set<String> accepted,
      Set<String> stored,
      Map<String, Set<String>> owed,
      long wall) {
    Map<String, Integer> deliveries = sink.deliveries();
    Map<String, Tally> byKind = new LinkedHashMap<>();
    byKind.put(WARM_UP, Tally.EMPTY);
    for (Target target : Target.values()) {
      if (trials.contains(target)) {
        byKind.put(target.label(), Tally.EMPTY);
      }
    }
    for (int i = 0; i < trials.size(); i++) {
      byKind.merge(
          trials.get(i).label(),
          new Tally(1, 0, 0, 0, 0, 0, 0, 0, recovery.get(i), stuck.get(i)),
          Tally::plus);
    }
    Map<String, List<String>> deliveredByTicket = new HashMap<>();
    deliveries
        .keySet()
        .forEach(
            id -> deliveredByTicket.computeIfAbsent(ticketOf(id), t -> new ArrayList<>()).add(id));
    List<String> lostSamples = new ArrayList<>();
    for (TicketLoad.Ticket ticket : load.tickets().values()) {
      String kind = ticket.trial() < 0 ? WARM_UP : trials.get(ticket.trial()).label();
      long eventsAccepted = 0;
      long eventsLost = 0;
      for (String event : List.of(ticket.id() + "-c", ticket.id() + "-r")) {
        if (accepted.contains(event)) {
          eventsAccepted++;
          if (!stored.contains(event)) {
            eventsLost++;
            sample(lostSamples, "event " + event);
          }
        }
      }
      Set<String> owedTypes = owed.getOrDefault(ticket.id(), Set.of());
      long lost = 0;
      long duplicates = 0;
      long unexpected = 0;
      Set<String> deliveredTypes = new HashSet<>();
      for (String alertId : deliveredByTicket.getOrDefault(ticket.id(), List.of())) {
        String type = typeOf(alertId);
        deliveredTypes.add(type);
        duplicates += deliveries.get(alertId) - 1;
        if (!owedTypes.contains(type)) {
          unexpected++;
          sample(lostSamples, "unexpected " + alertId);
        }
      }
      for (String type : owedTypes) {
        if (!deliveredTypes.contains(type)) {
          lost++;
          sample(lostSamples, "alert " + ticket.id() + " " + type);
        }
      }
      byKind.merge(
          kind,
          new Tally(
              0,
              1,
              eventsAccepted,
              eventsLost,
              owedTypes.size(),
              lost,
              duplicates,
              unexpected,
              0,
              0),
          Tally::plus);
    }
    long notifierKills = trials.stream().filter(t -> t == Target.NOTIFIER).count();
    long neverAccepted =
        load.tickets().size()
            + load.tickets().values().stream().filter(TicketLoad.Ticket::answered).count()
            - accepted.size();
    return new ChaosReport(
        "%d trials, %d tickets/s, seed %d, run %s"
            .formatted(trials.size(), options.rate(), options.seed(), run),
        byKind,
        neverAccepted,
        TopicCount.publishedTwice(stack.bootstrapServers(), run),
        sink.keyMismatches(),
        notifierKills * IN_FLIGHT_BOUND,
        wall,
        lostSamples,
        stuckNames);
  }

  /** The alert types each ticket owes, from the events intake accepted. */
  static Map<String, Set<String>> owed(
      Map<String, TicketLoad.Ticket> tickets, Set<String> accepted) {
    Map<String, Set<String>> owed = new HashMap<>();
    for (TicketLoad.Ticket ticket : tickets.values()) {
      if (accepted.contains(ticket.id() + "-c")) {
        owed.put(ticket.id(), ChaosPlan.owed(accepted.contains(ticket.id() + "-r")));
      }
    }
    return owed;
  }

  /** How many owed alerts (ticket and type) were delivered at least once. */
  private static long delivered(Map<String, Integer> deliveries, Map<String, Set<String>> owed) {
    return deliveries.keySet().stream()
        .filter(id -> owed.getOrDefault(ticketOf(id), Set.of()).contains(typeOf(id)))
        .map(id -> ticketOf(id) + "/" + typeOf(id))
        .distinct()
        .count();
  }

  /** {@code ticket/clock/cycle/type[/threshold]}. */
  static String ticketOf(String alertId) {
    return alertId.substring(0, alertId.indexOf('/'));
  }

  static String typeOf(String alertId) {
    String[] parts = alertId.split("/");
    return parts.length > 3 ? parts[3] : "";
  }

  private static void sample(List<String> samples, String what) {
    if (samples.size() < 20) {
      samples.add(what);
    }
  }

  private static Set<String> storedEvents(ChaosStack stack, String run) {
    Set<String> ids = new HashSet<>();
    try (Connection db =
            DriverManager.getConnection(
                stack.jdbcUrl("slawatch_timer"), stack.dbUser(), stack.dbPassword());
        PreparedStatement query =
            db.prepareStatement(
                "select event_id from ticket_event where source = 'chaos' and ticket_id like ?")) {
      query.setString(1, run + "-%");
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
    } catch (SQLException e) {
      say("reading sla-timer's events failed: " + e.getMessage());
    }
    return ids;
  }

  private static void await(String what, Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        say("gave up waiting after %s: %s".formatted(timeout, what));
        return;
      }
      Thread.sleep(500); // polling the condition
    }
    say("done: " + what);
  }

  private static void pause(Duration duration) throws InterruptedException {
    Thread.sleep(duration.toMillis());
  }

  /** Leaves the unpacked PostgreSQL binaries; removes the last run's data, logs and report. */
  private static void clean(Path home) throws IOException {
    for (String part : List.of("postgres", "kafka", "logs", "pids", "tmp")) {
      Path dir = home.resolve(part);
      if (Files.exists(dir)) {
        try (var paths = Files.walk(dir)) {
          for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(path);
          }
        }
      }
    }
    Files.createDirectories(home);
  }

  private static long secondsSince(Instant start) {
    return Duration.between(start, Instant.now()).toSeconds();
  }

  static void say(String line) {
    System.out.println("[chaos] " + line);
    System.out.flush();
  }
}
