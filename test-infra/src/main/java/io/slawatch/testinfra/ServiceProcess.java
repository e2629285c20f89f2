package io.slawatch.testinfra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One slawatch service running as a child JVM from its Quarkus fast-jar: used by the local run and
 * by the end-to-end tests.
 */
public final class ServiceProcess {
  private final String name;
  private final int port;
  private final Path log;
  private final Process process;

  private ServiceProcess(String name, int port, Path log, Process process) {
    this.name = name;
    this.port = port;
    this.log = log;
    this.process = process;
  }

  /**
   * Starts {@code java -jar appJar} with {@code -Dkey=value} for each config entry; output goes to
   * {@code logs/<name>.log}, the pid to {@code pids/<name>.pid}.
   */
  public static ServiceProcess start(
      String name, Path appJar, int port, Map<String, String> config, Path logs, Path pids)
      throws IOException {
    if (!Files.isRegularFile(appJar)) {
      throw new IllegalStateException(
          appJar + " is missing: build first (./mvnw -DskipTests package)");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    // e.g. -XX:StartFlightRecording=filename=/tmp/%p.jfr,settings=profile to profile a benchmark
    String extra = System.getenv("SLAWATCH_SERVICE_JAVA_OPTS");
    if (extra != null && !extra.isBlank()) {
      command.addAll(List.of(extra.trim().split("\\s+")));
    }
    command.add("-Dquarkus.http.port=" + port);
    command.add("-Djava.io.tmpdir=" + logs.getParent().resolve("tmp"));
    config.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-jar");
    command.add(appJar.toString());
    Files.createDirectories(logs.getParent().resolve("tmp"));
    Path log = logs.resolve(name + ".log");
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .start();
    Files.writeString(pids.resolve(name + ".pid"), Long.toString(process.pid()));
    return new ServiceProcess(name, port, log, process);
  }

  public String name() {
    return name;
  }

  public int port() {
    return port;
  }

  public Path log() {
    return log;
  }

  /** Waits until {@code /q/health/ready} answers 200; fails early if the process dies. */
  public void awaitReady(Duration timeout) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    URI health = URI.create("http://127.0.0.1:" + port + "/q/health/ready");
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with " + process.exitValue() + " during start-up: see " + log);
      }
      try {
        HttpResponse<Void> response =
            http.send(
                HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250); // polling the health endpoint
    }
    throw new IllegalStateException(name + " not ready after " + timeout + ": see " + log);
  }

  /** {@code kill -9}: no shutdown hook, no flush, no goodbye to Kafka or PostgreSQL. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException(name + " survived SIGKILL");
    }
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGTERM, then SIGKILL after the grace period. */
  public void stop(Duration grace) throws InterruptedException {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }
}
