package io.slawatch.testinfra;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real single-node Apache Kafka broker (KRaft, combined broker and controller) in a child JVM.
 *
 * <p>The broker runs {@code io.slawatch.broker.BrokerMain} (module {@code kafka-broker}) on the
 * classpath that module wrote into its jar at build time, with the {@code java} of this JVM. Its
 * Kafka jars never join this JVM's classpath. It watches its stdin, a pipe from this JVM, and stops
 * when that pipe closes, so it dies with this JVM even on {@code kill -9}.
 */
public final class KafkaBroker implements AutoCloseable {
  static final String READY_LINE = "Kafka Server started";
  private static final String CLASSPATH_RESOURCE = "io/slawatch/broker/broker.classpath";
  private static final String MAIN_CLASS = "io.slawatch.broker.BrokerMain";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
  private static final int START_ATTEMPTS_ON_FREE_PORTS = 3;
  private static final String PID_FILE = "broker.pid";

  /**
   * Every broker not closed yet. Keeps each one reachable: were a {@code KafkaBroker} garbage
   * collected, the cleaner of its stdin pipe would close the pipe and the broker would stop.
   */
  private static final Set<KafkaBroker> RUNNING = ConcurrentHashMap.newKeySet();

  private final Path dataDir;
  private final Path log;
  private final int port;
  private final Process process;
  private final OutputStream parentPipe;

  private KafkaBroker(Path dataDir, Path log, int port, Process process) {
    this.dataDir = dataDir;
    this.log = log;
    this.port = port;
    this.process = process;
    this.parentPipe = process.getOutputStream(); // kept open for the broker's lifetime
    RUNNING.add(this);
  }

  /**
   * Starts a single-node KRaft broker in a child JVM ({@code java} from {@code java.home}) on
   * {@code 127.0.0.1:port}; port 0 picks free ports (the controller listener always gets a free
   * one). Keeps its data in {@code dataDir/data}, formatted only when it has no {@code
   * meta.properties} yet; writes its log to {@code dataDir/broker.log}. Returns once the broker
   * reports it has started, or fails after 60 s with the tail of that log.
   */
  public static KafkaBroker start(Path dataDir, int port) {
    Path dir = dataDir.toAbsolutePath();
    int attempts = port == 0 ? START_ATTEMPTS_ON_FREE_PORTS : 1;
    for (int attempt = 1; ; attempt++) {
      int brokerPort = port == 0 ? FreePorts.pick() : port;
      try {
        return startOnce(dir, brokerPort, FreePorts.pick());
      } catch (PortTaken e) {
        if (attempt >= attempts) {
          throw new IllegalStateException(e.getMessage(), e);
        }
      }
    }
  }

  private static KafkaBroker startOnce(Path dir, int port, int controllerPort) {
    Path log = dir.resolve("broker.log");
    Instant started = Instant.now();
    Process process;
    long logStart;
    try {
      awaitPreviousBrokerGone(dir);
      Files.createDirectories(dir.resolve("tmp"));
      Path config = dir.resolve("server.properties");
      Files.writeString(config, serverProperties(dir.resolve("data"), port, controllerPort));
      logStart = Files.exists(log) ? Files.size(log) : 0;
      Files.writeString(
          log,
          "=== slawatch: starting a Kafka broker on 127.0.0.1:%d (controller %d) at %s%n"
              .formatted(port, controllerPort, Instant.now()),
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      process =
          new ProcessBuilder(command(dir, config))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .redirectInput(ProcessBuilder.Redirect.PIPE)
              .start();
      Files.writeString(dir.resolve(PID_FILE), Long.toString(process.pid()));
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the Kafka broker in " + dir, e);
    }
    KafkaBroker broker = new KafkaBroker(dir, log, port, process);
    broker.awaitReady(logStart, started);
    return broker;
  }

  /**
   * A broker whose parent was just killed takes a second or two to stop, and holds the lock on its
   * log directory until then: wait for it rather than fail on the lock.
   */
  private static void awaitPreviousBrokerGone(Path dir) throws IOException {
    Path pidFile = dir.resolve(PID_FILE);
    if (!Files.isRegularFile(pidFile)) {
      return;
    }
    Optional<ProcessHandle> previous;
    try {
      previous =
          ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()))
              .filter(ProcessHandle::isAlive)
              .filter(
                  p -> p.info().commandLine().map(cmd -> cmd.contains(MAIN_CLASS)).orElse(false));
    } catch (NumberFormatException e) {
      return;
    }
    if (previous.isEmpty()) {
      return;
    }
    try {
      previous.get().onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the previous broker", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "a Kafka broker (pid %d) still runs on %s; stop it first"
              .formatted(previous.get().pid(), dir));
    }
  }

  /** {@code 127.0.0.1:<port>}. */
  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  /** Where the broker writes its log (appended to across restarts). */
  public Path logFile() {
    return log;
  }

  public Path dataDir() {
    return dataDir;
  }

  /**
   * Creates the topics (replication factor 1) that do not exist yet, and returns once every
   * partition of each has a leader. Topics that already exist are left as they are.
   */
  public void createTopics(Map<String, Integer> partitionsByTopic) {
    TopicCreator.create(bootstrapServers(), partitionsByTopic, Duration.ofSeconds(30));
  }

  /**
   * {@code kill -9}: the broker dies at once, without a controlled shutdown, and recovers its logs
   * when started again on the same data directory. Returns once the process is gone.
   */
  public void kill() {
    RUNNING.remove(this);
    process.destroyForcibly();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("the Kafka broker (pid " + pid() + ") outlived SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      try {
        parentPipe.close();
      } catch (IOException ignored) {
        // the broker is gone either way
      }
    }
  }

  /** SIGTERM, then up to 15 s for a clean shutdown, then SIGKILL. */
  @Override
  public void close() {
    RUNNING.remove(this);
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      try {
        parentPipe.close();
      } catch (IOException ignored) {
        // the broker is gone either way
      }
    }
  }

  @Override
  public String toString() {
    return "KafkaBroker[" + bootstrapServers() + ", pid " + pid() + ", log " + log + "]";
  }

  private void awaitReady(long logStart, Instant started) {
    Instant deadline = started.plus(START_TIMEOUT);
    LogTail tail = new LogTail(log, logStart);
    while (true) {
      if (tail.contains(READY_LINE)) {
        return;
      }
      if (!process.isAlive()) {
        String lines = tail.lastLines(40);
        String problem =
            "the Kafka broker for 127.0.0.1:%d exited with code %d while starting; see %s:%n%s"
                .formatted(port, process.exitValue(), log, lines);
        if (lines.contains("Address already in use")) {
          throw new PortTaken(problem);
        }
        throw new IllegalStateException(problem);
      }
      if (Instant.now().isAfter(deadline)) {
        close();
        throw new IllegalStateException(
            "the Kafka broker for 127.0.0.1:%d did not log \"%s\" within %d s (killed it); see %s:%n%s"
                .formatted(port, READY_LINE, START_TIMEOUT.toSeconds(), log, tail.lastLines(40)));
      }
      try {
        process.waitFor(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        close();
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the Kafka broker was starting", e);
      }
    }
  }

  static String serverProperties(Path logDir, int port, int controllerPort) {
    String listeners =
        "PLAINTEXT://127.0.0.1:%d,CONTROLLER://127.0.0.1:%d".formatted(port, controllerPort);
    return String.join(
            "\n",
            "# written by io.slawatch.testinfra.KafkaBroker at every start",
            "process.roles=broker,controller",
            "node.id=1",
            "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
            "listeners=" + listeners,
            "advertised.listeners=" + listeners,
            "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
            "controller.listener.names=CONTROLLER",
            "inter.broker.listener.name=PLAINTEXT",
            "log.dirs=" + logDir.toString().replace('\\', '/'),
            "num.partitions=1",
            "auto.create.topics.enable=false",
            "offsets.topic.replication.factor=1",
            "offsets.topic.num.partitions=5",
            "transaction.state.log.replication.factor=1",
            "transaction.state.log.min.isr=1",
            "transaction.state.log.num.partitions=5",
            "share.coordinator.state.topic.replication.factor=1",
            "share.coordinator.state.topic.min.isr=1",
            "share.coordinator.state.topic.num.partitions=5",
            "group.initial.rebalance.delay.ms=0",
            // its 128 MB default is allocated on the heap: with -Xmx192m the broker dies of OOM
            "log.cleaner.dedupe.buffer.size=8388608",
            "num.network.threads=2",
            "num.io.threads=2",
            "background.threads=2",
            "num.recovery.threads.per.data.dir=1",
            "")
        + "\n";
  }

  private static List<String> command(Path dir, Path config) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-Xms32m",
            "-Xmx192m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-XX:+ExitOnOutOfMemoryError",
            "-Djava.awt.headless=true",
            "-Djava.io.tmpdir=" + dir.resolve("tmp")));
    if (Runtime.version().feature() >= 24) {
      // kafka-clients unmaps buffers through sun.misc.Unsafe: allowed, without a warning per start
      command.add("--sun-misc-unsafe-memory-access=allow");
    }
    // the classpath (~4 KB) goes in an argument file, so that ps shows what this process is
    Path classpathArgs = dir.resolve("broker-classpath.args");
    Files.writeString(classpathArgs, "-cp \"" + argFileEscaped(brokerClasspath()) + "\"\n");
    command.add("@" + classpathArgs);
    command.add(MAIN_CLASS);
    command.add(config.toString());
    return command;
  }

  private static String argFileEscaped(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  /**
   * The kafka-broker jar (or classes directory) this JVM loads {@code broker.classpath} from,
   * followed by the entries of that file. Fails naming the first missing jar.
   */
  static String brokerClasspath() {
    URL resource = KafkaBroker.class.getClassLoader().getResource(CLASSPATH_RESOURCE);
    if (resource == null) {
      throw new IllegalStateException(
          CLASSPATH_RESOURCE
              + " is not on the classpath: add io.slawatch:kafka-broker (with all its dependencies"
              + " excluded) next to test-infra, and build it (./mvnw -pl kafka-broker install)");
    }
    String content;
    try (var in = resource.openStream()) {
      content = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + resource, e);
    }
    Optional<String> codeSource = codeSourceOf(resource);
    Set<String> entries = new LinkedHashSet<>();
    codeSource.ifPresent(entries::add);
    for (String entry : content.split(File.pathSeparator)) {
      String path = entry.strip();
      if (codeSource.isPresent() && isKafkaBrokerJar(path)) {
        // the module's own jar where it was built (maybe cleaned or stale): the code source rules
      } else if (path.isEmpty() || Files.exists(Path.of(path))) {
        entries.add(path);
      } else {
        throw new IllegalStateException(
            "the Kafka broker's classpath (%s) names %s, which does not exist: build kafka-broker"
                    .formatted(resource, path)
                + " with this local Maven repository (./mvnw -pl kafka-broker install)");
      }
    }
    entries.remove("");
    return String.join(File.pathSeparator, entries);
  }

  private static boolean isKafkaBrokerJar(String path) {
    String name = Path.of(path).getFileName().toString();
    return name.startsWith("kafka-broker-") && name.endsWith(".jar");
  }

  /** The jar or directory a classpath resource was loaded from, for file and jar URLs. */
  private static Optional<String> codeSourceOf(URL resource) {
    try {
      String url = resource.toString();
      if (url.startsWith("jar:file:")) {
        String jar = url.substring("jar:".length(), url.indexOf("!/"));
        return Optional.of(Path.of(new URI(jar)).toString());
      }
      if (url.startsWith("file:")) {
        Path file = Path.of(resource.toURI());
        Path root = file;
        for (int i = 0; i < Path.of(CLASSPATH_RESOURCE).getNameCount(); i++) {
          root = root.getParent();
        }
        return Optional.of(root.toString());
      }
    } catch (URISyntaxException | RuntimeException e) {
      // an unusual class loader: fall back to the jar path written at build time
    }
    return Optional.empty();
  }

  /** Thrown when the broker could not bind its port, so a start on free ports can try again. */
  private static final class PortTaken extends RuntimeException {
    PortTaken(String message) {
      super(message);
    }
  }
}
