package io.slawatch.testinfra;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A real HTTP endpoint on a free loopback port that records every POST it receives: the far end of
 * a generic webhook channel. It can be told to fail the next requests, to exercise retries.
 */
public final class WebhookReceiver implements AutoCloseable {
  /** One received request. */
  public record Request(String path, Map<String, List<String>> headers, String body) {
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst()
          .orElse(null);
    }
  }

  private final HttpServer server;
  private final List<Request> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger failNext = new AtomicInteger();
  private final List<Long> arrivals = new CopyOnWriteArrayList<>();

  private WebhookReceiver(HttpServer server) {
    this.server = server;
  }

  public static WebhookReceiver start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      WebhookReceiver receiver = new WebhookReceiver(server);
      server.createContext(
          "/",
          exchange -> {
            receiver.arrivals.add(System.nanoTime());
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = 204;
            if (receiver.failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
              status = 503;
            } else {
              receiver.received.add(
                  new Request(
                      exchange.getRequestURI().getPath(),
                      Map.copyOf(exchange.getRequestHeaders()),
                      new String(body, StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
          });
      server.start();
      return receiver;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the webhook receiver", e);
    }
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/sla";
  }

  /** Answers the next {@code n} requests with a 503 (and does not record them). */
  public void failNext(int n) {
    failNext.set(n);
  }

  /** How many requests arrived, failed ones included. */
  public int hits() {
    return arrivals.size();
  }

  /** When each request arrived ({@link System#nanoTime()}), failed ones included, in order. */
  public List<Long> arrivals() {
    return List.copyOf(arrivals);
  }

  public List<Request> received() {
    return List.copyOf(received);
  }

  /** Waits until {@code count} recorded requests match; fails with what came after the timeout. */
  public List<Request> await(Predicate<Request> match, int count, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      List<Request> matching = received.stream().filter(match).toList();
      if (matching.size() >= count) {
        return matching;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "expected "
                + count
                + " webhook call(s) within "
                + timeout
                + ", got "
                + matching.size()
                + "; all received: "
                + received.stream().map(Request::body).toList());
      }
      try {
        Thread.sleep(50); // polling a condition, not waiting for a guessed time
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
