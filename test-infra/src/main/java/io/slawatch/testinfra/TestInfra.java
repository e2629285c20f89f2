package io.slawatch.testinfra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

/**
 * One Kafka broker and one PostgreSQL per test JVM, started on first use and stopped by a shutdown
 * hook.
 *
 * <p>With Docker (Testcontainers can reach a daemon) they are the {@code apache/kafka} and {@code
 * postgres:15} containers; without, a {@link KafkaBroker} child JVM and an embedded {@link
 * Postgres} under {@code <slawatch.build.dir>/infra} ({@code slawatch.build.dir} defaults to {@code
 * target}), both wiped at start. Set {@code -Dslawatch.infra=local} or {@code =docker} to choose.
 * Every topic of {@link Topics#all()} exists before {@link #get()} returns.
 *
 * <p>"Per JVM" holds across class loaders too (Quarkus loads each test application in its own): the
 * first instance publishes its coordinates as {@code slawatch.testinfra.*} system properties, and
 * later ones in other class loaders use them instead of starting a second pair.
 */
public final class TestInfra {
  /** A string literal is one object in the whole JVM, whichever class loader loaded this class. */
  private static final Object JVM_WIDE_LOCK = "io.slawatch.testinfra.TestInfra.lock";

  private static final String PREFIX = "slawatch.testinfra.";
  private static final String BOOTSTRAP = PREFIX + "kafka.bootstrap-servers";
  private static final String PG_HOST = PREFIX + "postgres.host";
  private static final String PG_PORT = PREFIX + "postgres.port";
  private static final String PG_USER = PREFIX + "postgres.user";
  private static final String PG_PASSWORD = PREFIX + "postgres.password";
  private static final String DOCKER = PREFIX + "docker";

  private static TestInfra instance;

  private final String bootstrapServers;
  private final String pgHost;
  private final int pgPort;
  private final String user;
  private final String password;
  private final boolean docker;

  private TestInfra(
      String bootstrapServers,
      String pgHost,
      int pgPort,
      String user,
      String password,
      boolean docker) {
    this.bootstrapServers = bootstrapServers;
    this.pgHost = pgHost;
    this.pgPort = pgPort;
    this.user = user;
    this.password = password;
    this.docker = docker;
  }

  /** The infrastructure of this JVM, started now if it is not running yet. */
  public static TestInfra get() {
    synchronized (JVM_WIDE_LOCK) {
      if (instance == null) {
        instance = published().orElseGet(TestInfra::startAndPublish);
      }
      return instance;
    }
  }

  /** {@code host:port} of the broker. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** {@code jdbc:postgresql://host:port/database}. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://%s:%d/%s".formatted(pgHost, pgPort, database);
  }

  /**
   * {@code postgresql://host:port/database}, the form of {@code quarkus.datasource.reactive.url}.
   */
  public String reactiveUrl(String database) {
    return "postgresql://%s:%d/%s".formatted(pgHost, pgPort, database);
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  /** Creates the database unless it exists. */
  public void createDatabase(String name) {
    Postgres.createDatabase(pgHost, pgPort, user, password, name);
  }

  /** Whether Kafka and PostgreSQL run in Docker containers (Testcontainers). */
  public boolean usesDocker() {
    return docker;
  }

  @Override
  public String toString() {
    return "TestInfra[kafka "
        + bootstrapServers
        + ", postgres "
        + pgHost
        + ":"
        + pgPort
        + (docker ? ", docker]" : ", local]");
  }

  private static Optional<TestInfra> published() {
    String bootstrap = System.getProperty(BOOTSTRAP);
    if (bootstrap == null) {
      return Optional.empty();
    }
    return Optional.of(
        new TestInfra(
            bootstrap,
            System.getProperty(PG_HOST),
            Integer.parseInt(System.getProperty(PG_PORT)),
            System.getProperty(PG_USER),
            System.getProperty(PG_PASSWORD),
            Boolean.parseBoolean(System.getProperty(DOCKER))));
  }

  private static TestInfra startAndPublish() {
    TestInfra started = useDocker() ? startContainers() : startLocal();
    System.setProperty(PG_HOST, started.pgHost);
    System.setProperty(PG_PORT, Integer.toString(started.pgPort));
    System.setProperty(PG_USER, started.user);
    System.setProperty(PG_PASSWORD, started.password);
    System.setProperty(DOCKER, Boolean.toString(started.docker));
    System.setProperty(BOOTSTRAP, started.bootstrapServers); // last: its presence means "complete"
    return started;
  }

  private static boolean useDocker() {
    String choice = System.getProperty("slawatch.infra", "auto");
    return switch (choice) {
      case "docker" -> true;
      case "local" -> false;
      case "auto" -> Containers.dockerAvailable();
      default ->
          throw new IllegalArgumentException(
              "slawatch.infra must be auto, docker or local, not " + choice);
    };
  }

  private static TestInfra startLocal() {
    Path base =
        Path.of(System.getProperty("slawatch.build.dir", "target"))
            .toAbsolutePath()
            .resolve("infra");
    Path kafkaDir = base.resolve("kafka");
    deleteRecursively(kafkaDir);
    CompletableFuture<KafkaBroker> kafka =
        CompletableFuture.supplyAsync(() -> KafkaBroker.start(kafkaDir, 0));
    Postgres postgres;
    try {
      postgres = Postgres.start(base.resolve("postgres"), 0, false);
    } catch (RuntimeException e) {
      kafka.thenAccept(KafkaBroker::close);
      throw e;
    }
    KafkaBroker broker;
    try {
      broker = kafka.join();
    } catch (CompletionException e) {
      postgres.close();
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  broker.close();
                  postgres.close();
                },
                "slawatch-test-infra-stop"));
    broker.createTopics(Topics.all());
    return new TestInfra(
        broker.bootstrapServers(),
        postgres.host(),
        postgres.port(),
        postgres.user(),
        postgres.password(),
        false);
  }

  private static TestInfra startContainers() {
    Properties images = new Properties();
    try (InputStream in = TestInfra.class.getResourceAsStream("images.properties")) {
      images.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read images.properties of test-infra", e);
    }
    Containers containers =
        Containers.start(images.getProperty("kafka"), images.getProperty("postgres"));
    TopicCreator.create(
        containers.bootstrapServers(), Topics.all(), java.time.Duration.ofSeconds(60));
    return new TestInfra(
        containers.bootstrapServers(),
        containers.pgHost(),
        containers.pgPort(),
        containers.user(),
        containers.password(),
        true);
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not wipe " + dir, e);
    }
  }
}
