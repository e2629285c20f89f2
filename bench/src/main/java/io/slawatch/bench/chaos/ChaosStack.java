package io.slawatch.bench.chaos;

import io.slawatch.testinfra.KafkaBroker;
import io.slawatch.testinfra.Postgres;
import io.slawatch.testinfra.ServiceProcess;
import io.slawatch.testinfra.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real stack of one fault-suite run, in a state directory of its own and on free ports (never
 * those of {@code ./slawatch up}): PostgreSQL from Maven binaries, a KRaft broker, the topics, and
 * the three services as packaged JVMs; the notifier without policies posts every alert to the
 * suite's webhook. Each part can be killed or stopped and started again on the same ports.
 */
final class ChaosStack implements AutoCloseable {
  static final String TOKEN = "chaos-token";
  private static final Duration READY = Duration.ofSeconds(180);
  private static final Duration RECOVERY = Duration.ofSeconds(180);

  private final Path repo;
  private final Path home;
  private final String webhookUrl;
  private final Path planFile;
  private final int pgPort = freePort();
  private final int kafkaPort = freePort();
  private final Map<Target, Integer> ports = new EnumMap<>(Target.class);
  private final Map<Target, ServiceProcess> services = new EnumMap<>(Target.class);
  private Postgres postgres;
  private KafkaBroker broker;

  ChaosStack(Path repo, Path home, String webhookUrl) throws IOException {
    this.repo = repo;
    this.home = home;
    this.webhookUrl = webhookUrl;
    this.planFile = ChaosPlan.write(home);
    for (Target service : List.of(Target.INTAKE, Target.TIMER, Target.NOTIFIER)) {
      ports.put(service, freePort());
    }
  }

  void start() throws Exception {
    Files.createDirectories(home.resolve("logs"));
    Files.createDirectories(home.resolve("pids"));
    startDatabase();
    for (String database : List.of("slawatch_intake", "slawatch_timer", "slawatch_notifier")) {
      postgres.createDatabase(database);
    }
    startBroker();
    broker.createTopics(Topics.all());
    for (Target service : ports.keySet()) {
      services.put(service, startService(service));
    }
    awaitReady();
  }

  String intakeUrl() {
    return "http://127.0.0.1:" + ports.get(Target.INTAKE);
  }

  String bootstrapServers() {
    return broker.bootstrapServers();
  }

  String jdbcUrl(String database) {
    return postgres.jdbcUrl(database);
  }

  String dbUser() {
    return postgres.user();
  }

  String dbPassword() {
    return postgres.password();
  }

  Path logs() {
    return home.resolve("logs");
  }

  /**
   * A service or the broker: {@code kill -9}, then started again; the database: crashed (immediate
   * shutdown, every server process aborted), then started again through crash recovery.
   */
  void strike(Target target) throws Exception {
    switch (target) {
      case INTAKE, TIMER, NOTIFIER -> {
        services.get(target).kill();
        services.put(target, startService(target));
      }
      case BROKER -> {
        broker.kill();
        startBroker();
      }
      case DATABASE -> {
        postgres.crash();
        startDatabase();
      }
    }
  }

  /** Every service answers ready. */
  void awaitReady() throws InterruptedException {
    for (ServiceProcess service : services.values()) {
      service.awaitReady(READY);
    }
  }

  /**
   * After a strike: every service ready again. One that is not within {@link #RECOVERY} is
   * restarted ({@code kill -9}, started again), as an orchestrator would once its health checks
   * kept failing; returns those (each with its liveness answer), so the report can name them. The
   * wait is long because a JVM restarted on a loaded 2-core machine can take over a minute to
   * start: a shorter one restarted services that were still starting.
   */
  List<String> awaitRecovered() throws Exception {
    List<String> restarted = new ArrayList<>();
    for (Map.Entry<Target, ServiceProcess> entry : services.entrySet()) {
      try {
        entry.getValue().awaitReady(RECOVERY);
      } catch (IllegalStateException notReady) {
        restarted.add(entry.getKey().label() + " (liveness " + liveness(entry.getKey()) + ")");
        entry.getValue().kill();
        entry.setValue(startService(entry.getKey()));
        entry.getValue().awaitReady(READY);
      }
    }
    return restarted;
  }

  private String liveness(Target service) {
    try {
      HttpResponse<Void> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + ports.get(service) + "/q/health/live"))
                      .timeout(Duration.ofSeconds(5))
                      .build(),
                  HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200 ? "UP" : "DOWN";
    } catch (IOException e) {
      return "unreachable";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  private void startDatabase() {
    postgres = Postgres.start(home.resolve("postgres"), pgPort, true);
  }

  private void startBroker() {
    broker = KafkaBroker.start(home.resolve("kafka"), kafkaPort);
  }

  private ServiceProcess startService(Target service) throws IOException {
    String name = service.label();
    String database = "slawatch_" + name.replace("ticket-", "").replace("sla-", "");
    Map<String, String> config = new LinkedHashMap<>();
    config.put("kafka.bootstrap.servers", broker.bootstrapServers());
    // a killed instance's partitions go to its successor within seconds, not after 45 s
    config.put("kafka.session.timeout.ms", "6000");
    config.put("kafka.heartbeat.interval.ms", "1000");
    config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
    config.put("quarkus.datasource.reactive.url", postgres.reactiveUrl(database));
    config.put("quarkus.datasource.username", postgres.user());
    config.put("quarkus.datasource.password", postgres.password());
    switch (service) {
      case INTAKE -> {
        config.put("slawatch.intake.auth.tokens.chaos.token", TOKEN);
        config.put("slawatch.intake.auth.tokens.chaos.roles", "ingest,admin");
      }
      case TIMER -> {
        config.put("slawatch.timer.auth.tokens.chaos.token", TOKEN);
        config.put("slawatch.timer.auth.tokens.chaos.roles", "read");
        config.put("slawatch.timer.plan-files", planFile.toString());
      }
      case NOTIFIER -> {
        config.put("slawatch.notifier.ack.tokens.chaos.token", TOKEN);
        config.put("slawatch.notifier.ack.tokens.chaos.roles", "ack,read");
        config.put("slawatch.notifier.ack.link-secret", "chaos-link-secret");
        config.put(
            "slawatch.notifier.ack.public-url", "http://127.0.0.1:" + ports.get(Target.NOTIFIER));
        config.put("slawatch.notifier.webhook.url", webhookUrl);
      }
      default -> throw new IllegalArgumentException(service + " is no service");
    }
    Path jar = repo.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    return ServiceProcess.start(
        name, jar, ports.get(service), config, logs(), home.resolve("pids"));
  }

  /** {@link #close()} from a shutdown hook: twice is harmless. */
  void closeQuietly() {
    try {
      close();
    } catch (InterruptedException | RuntimeException e) {
      System.err.println("[chaos] while stopping: " + e);
    }
  }

  /** Services first (consumers leave their groups), then the broker, then PostgreSQL. */
  @Override
  public void close() throws InterruptedException {
    for (ServiceProcess service : services.values()) {
      service.stop(Duration.ofSeconds(15));
    }
    if (broker != null) {
      broker.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1", e);
    }
  }
}
