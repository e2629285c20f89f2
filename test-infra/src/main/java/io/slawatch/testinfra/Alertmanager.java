package io.slawatch.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real Prometheus Alertmanager (Debian's {@code prometheus-alertmanager}, which {@code .ci/run}
 * installs) on a free loopback port, clustering off, routing every alert to a receiver that sends
 * nothing: the far end of the notifier's Alertmanager channel.
 */
public final class Alertmanager implements AutoCloseable {
  private static final List<Path> BINARIES =
      List.of(
          Path.of("/usr/bin/prometheus-alertmanager"),
          Path.of("/usr/local/bin/alertmanager"),
          Path.of("/usr/bin/alertmanager"));

  private final Process process;
  private final int port;
  private final Path log;

  private Alertmanager(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** The installed binary, if any. */
  public static Optional<Path> binary() {
    return BINARIES.stream().filter(Files::isExecutable).findFirst();
  }

  /** Starts one in {@code dir}; waits until it is ready. */
  public static Alertmanager start(Path dir) {
    Path binary = binary().orElseThrow(() -> new IllegalStateException("no alertmanager binary"));
    try {
      Files.createDirectories(dir);
      Path config = dir.resolve("alertmanager.yml");
      Files.writeString(
          config,
          """
          route:
            receiver: nowhere
            group_wait: 1h
          receivers:
            - name: nowhere
          """);
      int port = FreePorts.pick();
      Path log = dir.resolve("alertmanager.log");
      Process process =
          new ProcessBuilder(
                  binary.toString(),
                  "--config.file=" + config,
                  "--storage.path=" + dir.resolve("data"),
                  "--web.listen-address=127.0.0.1:" + port,
                  "--cluster.listen-address=")
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      Alertmanager alertmanager = new Alertmanager(process, port, log);
      alertmanager.awaitReady(Duration.ofSeconds(30));
      return alertmanager;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start alertmanager", e);
    }
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  /** {@code GET /api/v2/alerts} with optional matcher filters such as {@code ticket="T-1"}. */
  public String alerts(String... filters) {
    StringBuilder query = new StringBuilder("/api/v2/alerts?active=true&silenced=true");
    for (String filter : filters) {
      query
          .append("&filter=")
          .append(java.net.URLEncoder.encode(filter, java.nio.charset.StandardCharsets.UTF_8));
    }
    return get(query.toString()).body();
  }

  private HttpResponse<String> get(String path) {
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(
          HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void awaitReady(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("alertmanager exited: " + logTail());
      }
      try {
        if (get("/-/ready").statusCode() == 200) {
          return;
        }
      } catch (UncheckedIOException notYet) {
        // not listening yet
      }
      try {
        Thread.sleep(100); // polling a condition
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    close();
    throw new IllegalStateException("alertmanager not ready within " + timeout + ": " + logTail());
  }

  private String logTail() {
    try (Stream<String> lines = Files.lines(log)) {
      List<String> all = lines.toList();
      return String.join("\n", all.subList(Math.max(0, all.size() - 20), all.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
