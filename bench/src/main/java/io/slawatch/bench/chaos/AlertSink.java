package io.slawatch.bench.chaos;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The webhook the suite's notifier posts every alert to: counts the deliveries of each alert of the
 * run (by the CloudEvent's id, the alert id) and the deliveries whose {@code Idempotency-Key} is
 * not that alert id. Keeps counts only, not bodies: a 100-trial run receives ~100,000 alerts.
 */
final class AlertSink implements AutoCloseable {
  private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

  private final String run;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final Map<String, Integer> deliveries = new ConcurrentHashMap<>();
  private final AtomicLong keyMismatches = new AtomicLong();
  private final AtomicLong hits = new AtomicLong();
  private volatile long lastHitNanos = System.nanoTime();

  AlertSink(String run) throws IOException {
    this.run = run;
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    server.setExecutor(executor);
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          record(body, exchange.getRequestHeaders().getFirst("Idempotency-Key"));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.start();
  }

  private void record(String body, String idempotencyKey) {
    hits.incrementAndGet();
    lastHitNanos = System.nanoTime();
    Matcher id = ID.matcher(body);
    if (!id.find() || !id.group(1).startsWith(run + "-")) {
      return;
    }
    String alertId = id.group(1);
    deliveries.merge(alertId, 1, Integer::sum);
    if (!alertId.equals(idempotencyKey)) {
      keyMismatches.incrementAndGet();
    }
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/chaos";
  }

  /** Deliveries per alert id of the run, so far. */
  Map<String, Integer> deliveries() {
    return Map.copyOf(deliveries);
  }

  long keyMismatches() {
    return keyMismatches.get();
  }

  long hits() {
    return hits.get();
  }

  /** How long ago the last delivery arrived. */
  long quietMillis() {
    return (System.nanoTime() - lastHitNanos) / 1_000_000;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
