package io.slawatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./slawatch bench}: the whole pipeline measured as a user sees it, against the local stack
 * (read from {@code <SLAWATCH_HOME>/run.properties}).
 *
 * <ol>
 *   <li>Throughput: ticket events at {@code --rate} for {@code --duration} through the HTTP batch
 *       API; events/s accepted and processed (stored by sla-timer), request latency, and sampled
 *       latency from acceptance to the event being stored by sla-timer.
 *   <li>Pile-up: {@code --pileup} tickets whose first-response deadline falls at one instant;
 *       latency from that instant to each breach alert reaching a local webhook.
 *   <li>Peak memory (VmHWM) of every process of the run.
 * </ol>
 */
public final class Benchmark {
  private static final Pattern SUBJECT = Pattern.compile("\"subject\":\"([^\"]+)\"");

  private final Path home;
  private final Properties run = new Properties();
  private final String token;
  private final HttpClient http =
      HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();

  Benchmark(Path home) throws IOException {
    this.home = home;
    try (var in = Files.newBufferedReader(home.resolve("run.properties"))) {
      run.load(in);
    }
    this.token = Files.readString(home.resolve("api-token")).trim();
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    Path home = Path.of(System.getenv().getOrDefault("SLAWATCH_HOME", ".slawatch"));
    Benchmark bench = new Benchmark(home);
    String rateOption = options.getOrDefault("rate", "2000");
    int rate = rateOption.equals("max") ? 0 : Integer.parseInt(rateOption);
    String via = options.getOrDefault("via", "http");
    if (!via.equals("http") && !via.equals("kafka")) {
      throw new IllegalArgumentException("--via must be http or kafka, not " + via);
    }
    Duration duration = Duration.parse(options.getOrDefault("duration", "PT20S"));
    int pileup = Integer.parseInt(options.getOrDefault("pileup", "5000"));
    int webhookPort = Integer.parseInt(options.getOrDefault("webhook-port", "18099"));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("date", Instant.now().toString());
    if (options.containsKey("timers")) {
      int steadyRate = Integer.parseInt(options.getOrDefault("steady-rate", "1000"));
      Duration steadyDuration = Duration.parse(options.getOrDefault("steady-duration", "PT30S"));
      int timerPileup = Integer.parseInt(options.getOrDefault("timer-pileup", "200000"));
      int timers = Integer.parseInt(options.get("timers"));
      result.put(
          "settings",
          "\"timers=%d steady-rate=%d steady-duration=%s timer-pileup=%d\""
              .formatted(timers, steadyRate, steadyDuration, timerPileup));
      String bootstrap = bench.run.getProperty("kafka.bootstrap.servers");
      try (Connection db = bench.timerDb()) {
        new TimerBenchmark(db, bootstrap)
            .run(timers, steadyRate, steadyDuration, timerPileup, result);
        String peer = options.getOrDefault("peer", "none");
        if (peer.equals("db-scheduler") && timerPileup > 0) {
          List<Integer> threads =
              java.util.Arrays.stream(options.getOrDefault("peer-threads", "16,64").split(","))
                  .map(String::trim)
                  .map(Integer::valueOf)
                  .toList();
          new DbSchedulerPileup(
                  db,
                  bench.run.getProperty("postgres.jdbc.slawatch_timer"),
                  bench.run.getProperty("postgres.user"),
                  bench.run.getProperty("postgres.password"),
                  bootstrap)
              .run(timerPileup, threads, result);
        } else if (!peer.equals("none")) {
          throw new IllegalArgumentException("--peer must be db-scheduler or none, not " + peer);
        }
      }
      bench.finish(result);
      return;
    }
    result.put(
        "settings",
        "\"rate=%s via=%s duration=%s pileup=%d\"".formatted(rateOption, via, duration, pileup));
    bench.throughput(rate, via, duration, result);
    if (pileup > 0) {
      Duration lead = Duration.parse(options.getOrDefault("pileup-lead", "PT20S"));
      bench.pileup(pileup, webhookPort, lead, result);
    }
    bench.finish(result);
  }

  private void finish(Map<String, Object> result) throws IOException {
    memory(result);
    table(result);
    String json = json(result);
    Path out = Files.createDirectories(home.resolve("bench")).resolve("result.json");
    Files.writeString(out, json + "\n");
    System.out.println(json);
    System.out.println("(also in " + out + ")");
    System.exit(0);
  }

  /** Sends one batch of events; completes with whether all of them were accepted. */
  private interface Sender extends AutoCloseable {
    java.util.concurrent.CompletableFuture<Boolean> send(List<String> batch, List<String> keys);

    @Override
    default void close() {}
  }

  private Sender httpSender() {
    return (batch, keys) ->
        http.sendAsync(
                HttpRequest.newBuilder(URI.create(run.getProperty("intake.url") + "/api/v1/events"))
                    .header("Content-Type", "application/cloudevents-batch+json")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString("[" + String.join(",", batch) + "]"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .thenApply(response -> response.statusCode() == 200)
            .exceptionally(error -> false);
  }

  /** Straight to ticket.inbound.v1, as a helpdesk publishing to Kafka would; accepted = acked. */
  private Sender kafkaSender() {
    Properties props = new Properties();
    props.put("bootstrap.servers", run.getProperty("kafka.bootstrap.servers"));
    props.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
    props.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
    props.put("acks", "all");
    props.put("linger.ms", "5");
    var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(props);
    return new Sender() {
      @Override
      public java.util.concurrent.CompletableFuture<Boolean> send(
          List<String> batch, List<String> keys) {
        List<java.util.concurrent.CompletableFuture<Boolean>> acks = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
          var ack = new java.util.concurrent.CompletableFuture<Boolean>();
          producer.send(
              new org.apache.kafka.clients.producer.ProducerRecord<>(
                  "ticket.inbound.v1", keys.get(i), batch.get(i)),
              (metadata, error) -> ack.complete(error == null));
          acks.add(ack);
        }
        return java.util.concurrent.CompletableFuture.allOf(
                acks.toArray(java.util.concurrent.CompletableFuture[]::new))
            .thenApply(
                done -> acks.stream().allMatch(java.util.concurrent.CompletableFuture::join));
      }

      @Override
      public void close() {
        producer.close(Duration.ofSeconds(10));
      }
    };
  }

  private void throughput(int rate, String via, Duration duration, Map<String, Object> result)
      throws Exception {
    String runId = "B" + Long.toString(System.currentTimeMillis(), 36);
    LoadGenerator generator = new LoadGenerator(runId, 200, 42);
    int batchSize = rate == 0 ? 1000 : Math.max(5, Math.min(1000, rate / 10));
    Sender sender = via.equals("kafka") ? kafkaSender() : httpSender();
    Semaphore inFlight = new Semaphore(4);
    List<Double> requestMillis = new CopyOnWriteArrayList<>();
    List<Double> storedMillis = new CopyOnWriteArrayList<>();
    AtomicLong accepted = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    Map<String, Long> samples = new ConcurrentHashMap<>();
    var sampler = Executors.newSingleThreadScheduledExecutor();
    try (Connection timerDb = timerDb()) {
      sampler.scheduleWithFixedDelay(
          () -> sampleStored(timerDb, samples, storedMillis),
          50,
          50,
          java.util.concurrent.TimeUnit.MILLISECONDS);
      say(
          "throughput: %s events/s via %s for %s in batches of %d"
              .formatted(rate == 0 ? "max" : rate, via, duration, batchSize));
      long start = System.nanoTime();
      long end = start + duration.toNanos();
      long sent = 0;
      while (System.nanoTime() < end) {
        List<String> batch = new ArrayList<>(batchSize);
        List<String> keys = new ArrayList<>(batchSize);
        String lastTicket = null;
        while (batch.size() + 5 <= batchSize) { // a ticket has at most 5 events
          List<String> ticket = generator.nextTicket(Instant.now());
          batch.addAll(ticket);
          lastTicket = subject(ticket.getFirst());
          for (int k = 0; k < ticket.size(); k++) {
            keys.add(lastTicket);
          }
        }
        long due = rate == 0 ? 0 : start + (long) (sent * 1e9 / rate);
        long wait = due - System.nanoTime();
        if (rate > 0 && wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000)); // pacing the offered load
        }
        sent += batch.size();
        inFlight.acquire();
        long t0 = System.nanoTime();
        String sample = lastTicket;
        int size = batch.size();
        sender
            .send(batch, keys)
            .whenComplete(
                (ok, error) -> {
                  inFlight.release();
                  long now = System.nanoTime();
                  if (error == null && ok) {
                    requestMillis.add((now - t0) / 1e6);
                    accepted.addAndGet(size);
                    samples.putIfAbsent(sample, now);
                  } else {
                    failed.addAndGet(size);
                  }
                });
      }
      inFlight.acquire(4);
      double sendSeconds = (System.nanoTime() - start) / 1e9;
      long processed = awaitProcessed(timerDb, runId, accepted.get(), Duration.ofMinutes(5));
      double processSeconds = (System.nanoTime() - start) / 1e9;
      sampler.shutdown();
      sampler.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
      Map<String, Object> t = new LinkedHashMap<>();
      sender.close();
      t.put("offered_events_per_s", rate == 0 ? "max" : rate);
      t.put("via", via);
      t.put("accepted_events", accepted.get());
      t.put("failed_events", failed.get());
      t.put("accepted_events_per_s", "%.0f".formatted(accepted.get() / sendSeconds));
      t.put("processed_events", processed);
      t.put("processed_events_per_s", "%.0f".formatted(processed / processSeconds));
      t.put("batch_request", Percentiles.of(toArray(requestMillis)).json());
      t.put("accepted_to_stored", Percentiles.of(toArray(storedMillis)).json());
      result.put("throughput", json(t));
      say("throughput: " + json(t));
    }
  }

  /** The figures as a table, for people; the JSON follows for tools. */
  private static void table(Map<String, Object> result) {
    System.out.println();
    System.out.printf("%-28s %s%n", "measure", "value");
    result.forEach(
        (section, value) -> {
          String text = value.toString();
          if (!text.startsWith("{")) {
            System.out.printf("%-28s %s%n", section, text.replace("\"", ""));
            return;
          }
          for (String entry : topLevel(text.substring(1, text.length() - 1))) {
            String[] kv = entry.split(":", 2);
            System.out.printf(
                "%-28s %s%n",
                section + "." + kv[0].replace("\"", ""),
                kv.length > 1 ? kv[1].replace("\"", "") : "");
          }
        });
    System.out.println();
  }

  /** The entries of a JSON object's body, split at its own commas, not its members'. */
  static List<String> topLevel(String body) {
    List<String> entries = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    int from = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '"' && (i == 0 || body.charAt(i - 1) != '\\')) {
        quoted = !quoted;
      } else if (!quoted && c == '{') {
        depth++;
      } else if (!quoted && c == '}') {
        depth--;
      } else if (!quoted && depth == 0 && c == ',') {
        entries.add(body.substring(from, i));
        from = i + 1;
      }
    }
    entries.add(body.substring(from));
    return entries;
  }

  private void sampleStored(Connection db, Map<String, Long> samples, List<Double> stored) {
    try (PreparedStatement query =
        db.prepareStatement("select 1 from ticket_event where ticket_id = ? limit 1")) {
      for (var sample : List.copyOf(samples.entrySet())) {
        query.setString(1, sample.getKey());
        try (ResultSet rows = query.executeQuery()) {
          if (rows.next()) {
            stored.add((System.nanoTime() - sample.getValue()) / 1e6);
            samples.remove(sample.getKey());
          }
        }
      }
    } catch (SQLException e) {
      say("sampling failed: " + e.getMessage());
    }
  }

  private long awaitProcessed(Connection db, String runId, long expected, Duration timeout)
      throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    long count = 0;
    try (PreparedStatement query =
        db.prepareStatement("select count(*) from ticket_event where ticket_id like ?")) {
      query.setString(1, runId + "-%");
      while (Instant.now().isBefore(deadline)) {
        try (ResultSet rows = query.executeQuery()) {
          rows.next();
          count = rows.getLong(1);
        }
        if (count >= expected) {
          return count;
        }
        Thread.sleep(200); // polling the store
      }
    }
    say("only %d of %d events processed within %s".formatted(count, expected, timeout));
    return count;
  }

  /** The demo plan's first-response targets by priority, shortest first. */
  private static final Map<String, Duration> DEMO_TARGETS = demoTargets();

  private static Map<String, Duration> demoTargets() {
    Map<String, Duration> targets = new LinkedHashMap<>();
    for (int p = 1; p <= 4; p++) {
      targets.put("P" + p, Duration.ofMinutes(p));
    }
    return targets;
  }

  /**
   * {@code --pileup N}: N tickets whose first-response deadline falls at one instant, {@code lead}
   * from now (long enough for intake and sla-timer to take them all before it falls due), on the
   * demo plan's shortest target that allows it; measures due → breach delivered at the local
   * webhook, which takes single CloudEvents and batches ({@code
   * slawatch.notifier.webhook.batch=true}).
   */
  private void pileup(int tickets, int port, Duration lead, Map<String, Object> result)
      throws Exception {
    String runId = "P" + Long.toString(System.currentTimeMillis(), 36);
    Map<String, Double> latency = new ConcurrentHashMap<>();
    AtomicLong requests = new AtomicLong();
    ObjectMapper mapper = new ObjectMapper();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
    receiver.setExecutor(Executors.newFixedThreadPool(4));
    receiver.createContext(
        "/",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          long now = System.currentTimeMillis();
          requests.incrementAndGet();
          try {
            JsonNode root = mapper.readTree(body);
            Iterable<JsonNode> events = root.isArray() ? root : List.of(root);
            for (JsonNode event : events) {
              String subject = event.path("subject").asText("");
              String due = event.path("data").path("due").asText("");
              if (event.path("type").asText("").equals("sla.breached")
                  && subject.startsWith(runId)
                  && !due.isEmpty()) {
                latency.putIfAbsent(subject, (double) (now - Instant.parse(due).toEpochMilli()));
              }
            }
          } catch (IOException | RuntimeException e) {
            // not an alert of this run
          }
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    try {
      Map.Entry<String, Duration> priority =
          DEMO_TARGETS.entrySet().stream()
              .filter(t -> t.getValue().compareTo(lead.plusSeconds(5)) >= 0)
              .findFirst()
              .orElseThrow(() -> new IllegalArgumentException("--pileup-lead at most PT3M55S"));
      Instant due = Instant.now().plus(lead);
      Instant created = due.minus(priority.getValue());
      say(
          "pile-up: %d %s tickets, all due at %s (webhook on :%d)"
              .formatted(tickets, priority.getKey(), due, port));
      for (int i = 0; i < tickets; i += 1000) {
        List<String> batch = new ArrayList<>();
        for (int k = i; k < Math.min(tickets, i + 1000); k++) {
          batch.add(
              LoadGenerator.event(
                  runId + "-" + k,
                  "c",
                  "ticket.created",
                  created,
                  "{\"customer\":\"pileup\",\"priority\":\""
                      + priority.getKey()
                      + "\",\"plan\":\"demo\"}"));
        }
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(URI.create(run.getProperty("intake.url") + "/api/v1/events"))
                    .header("Content-Type", "application/cloudevents-batch+json")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString("[" + String.join(",", batch) + "]"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
          throw new IllegalStateException("intake answered " + response.statusCode());
        }
      }
      Instant deadline = due.plus(Duration.ofMinutes(10));
      while (latency.size() < tickets && Instant.now().isBefore(deadline)) {
        Thread.sleep(200); // polling the receiver's count
      }
      double[] values = latency.values().stream().mapToDouble(Double::doubleValue).toArray();
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("tickets", tickets);
      p.put("lead", "\"" + lead + "\"");
      p.put("breaches_delivered", values.length);
      p.put("webhook_requests", requests.get());
      p.put("due_to_delivered", Percentiles.of(values).json());
      double lastMs = values.length == 0 ? 0 : Percentiles.of(values).max();
      p.put(
          "delivered_alerts_per_s",
          "%.0f".formatted(lastMs <= 0 ? 0 : values.length / (lastMs / 1000.0)));
      result.put("pileup", json(p));
      say("pile-up: " + json(p));
    } finally {
      receiver.stop(0);
    }
  }

  private void memory(Map<String, Object> result) throws IOException {
    Map<String, Object> peaks = new LinkedHashMap<>();
    try (var files = Files.list(home.resolve("pids"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".pid")).sorted().toList()) {
        String pid = Files.readString(file).trim();
        Path status = Path.of("/proc", pid, "status");
        if (Files.exists(status)) {
          Files.readAllLines(status).stream()
              .filter(l -> l.startsWith("VmHWM:"))
              .findFirst()
              .ifPresent(
                  l ->
                      peaks.put(
                          file.getFileName().toString().replace(".pid", ""),
                          "\"" + l.substring(6).trim() + "\""));
        }
      }
    }
    result.put("peak_memory", json(peaks));
  }

  private Connection timerDb() throws SQLException {
    return DriverManager.getConnection(
        run.getProperty("postgres.jdbc.slawatch_timer"),
        run.getProperty("postgres.user"),
        run.getProperty("postgres.password"));
  }

  private static String subject(String event) {
    Matcher m = SUBJECT.matcher(event);
    return m.find() ? m.group(1) : "";
  }

  private static double[] toArray(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException(
            "usage: bench [--rate N|max] [--via http|kafka] [--duration PT20S] [--pileup N]"
                + " [--pileup-lead PT20S] [--webhook-port P] | bench --timers N [--steady-rate N]"
                + " [--steady-duration PT30S] [--timer-pileup N] [--peer db-scheduler"
                + " [--peer-threads 16,64]]; bad: "
                + args[i]);
      }
      options.put(args[i].substring(2), args[++i]);
    }
    return options;
  }

  /** A JSON object of already-JSON values (numbers, strings quoted by the caller, objects). */
  static String json(Map<String, Object> values) {
    StringBuilder out = new StringBuilder("{");
    values.forEach(
        (key, value) -> {
          if (out.length() > 1) {
            out.append(',');
          }
          String text = value.toString();
          boolean raw = value instanceof Number || text.startsWith("{") || text.startsWith("\"");
          out.append('"').append(key).append("\":").append(raw ? text : "\"" + text + "\"");
        });
    return out.append('}').toString();
  }

  private static void say(String line) {
    System.out.println("[bench] " + line);
  }
}
