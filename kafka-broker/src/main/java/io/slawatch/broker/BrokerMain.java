package io.slawatch.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Runs a single Kafka broker (KRaft) in this JVM: {@code BrokerMain <server.properties>}.
 *
 * <p>Meant to be a child process of the JVM that needs a broker (see {@code
 * io.slawatch.testinfra.KafkaBroker}): it exits as soon as its standard input reaches end of file,
 * which happens when the parent closes the pipe or dies, even of {@code kill -9}. Kafka's own
 * shutdown hook then stops the broker cleanly. Its log directories are formatted only when they
 * have no {@code meta.properties} yet, so a broker restarted on the same directory keeps its data.
 */
public final class BrokerMain {
  /** Log4j2 configuration inside this jar: INFO to stdout, the noisiest loggers at WARN. */
  static final String LOG_CONFIG = "io/slawatch/broker/broker-log4j2.xml";

  /** Set to {@code false} to run the broker from a terminal without the stdin watch. */
  static final String WATCH_STDIN = "slawatch.broker.watch-stdin";

  private BrokerMain() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println(
          "usage: java -cp <broker.classpath> "
              + BrokerMain.class.getName()
              + " <server.properties>");
      System.exit(2);
    }
    if (Boolean.parseBoolean(System.getProperty(WATCH_STDIN, "true"))) {
      exitWhenStdinCloses();
    }
    if (System.getProperty("log4j2.configurationFile") == null) {
      System.setProperty("log4j2.configurationFile", LOG_CONFIG);
    }
    Path config = Path.of(args[0]).toAbsolutePath();
    formatIfNeeded(config);
    kafka.Kafka.main(new String[] {config.toString()});
  }

  /** A daemon thread that ends the JVM (running the shutdown hooks) when stdin reaches EOF. */
  private static void exitWhenStdinCloses() {
    Thread watcher =
        new Thread(
            () -> {
              byte[] buffer = new byte[256];
              try (InputStream in = System.in) {
                while (in.read(buffer) >= 0) {
                  // the parent never writes; anything it does write is ignored
                }
              } catch (IOException e) {
                // a broken pipe means the same as EOF: the parent is gone
              }
              System.out.println(
                  "slawatch: stdin closed (the parent closed it or exited), stopping the broker");
              System.exit(0);
            },
            "parent-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  /**
   * Formats the log directories that have no {@code meta.properties}, with the cluster id of an
   * already formatted one if there is one (like {@code kafka-storage.sh format
   * --ignore-formatted}). Runs the storage tool in this JVM through {@code StorageTool.execute},
   * which, unlike its {@code main}, returns an exit code instead of calling {@code System.exit}.
   */
  static void formatIfNeeded(Path config) throws IOException {
    Properties props = load(config);
    List<Path> missing = new ArrayList<>();
    Optional<String> clusterId = Optional.empty();
    for (Path dir : logDirectories(props, config)) {
      Path meta = dir.resolve("meta.properties");
      if (Files.isRegularFile(meta)) {
        clusterId =
            clusterId.or(() -> Optional.ofNullable(loadQuietly(meta).getProperty("cluster.id")));
      } else {
        missing.add(dir);
      }
    }
    if (missing.isEmpty()) {
      System.out.println("slawatch: storage already formatted, keeping its data");
      return;
    }
    String id = clusterId.orElseGet(() -> org.apache.kafka.common.Uuid.randomUuid().toString());
    System.out.println("slawatch: formatting " + missing + " with cluster id " + id);
    int exitCode;
    try {
      exitCode =
          kafka.tools.StorageTool.execute(
              new String[] {"format", "-t", id, "-c", config.toString(), "--ignore-formatted"},
              System.out);
    } catch (Exception e) { // FormatterException, TerseFailure: bad configuration or storage
      System.err.println("slawatch: formatting the storage failed: " + e);
      e.printStackTrace();
      exitCode = 1;
    }
    if (exitCode != 0) {
      System.err.println("slawatch: kafka-storage format exited with " + exitCode + ", stopping");
      System.exit(exitCode);
    }
  }

  private static Set<Path> logDirectories(Properties props, Path config) {
    Set<Path> dirs = new LinkedHashSet<>();
    String logDirs = props.getProperty("log.dirs", props.getProperty("log.dir"));
    if (logDirs == null) {
      throw new IllegalArgumentException(config + " sets neither log.dirs nor log.dir");
    }
    for (String dir : logDirs.split(",")) {
      if (!dir.isBlank()) {
        dirs.add(Path.of(dir.trim()));
      }
    }
    String metadataDir = props.getProperty("metadata.log.dir");
    if (metadataDir != null && !metadataDir.isBlank()) {
      dirs.add(Path.of(metadataDir.trim()));
    }
    return dirs;
  }

  private static Properties load(Path file) throws IOException {
    Properties props = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(reader);
    }
    return props;
  }

  private static Properties loadQuietly(Path file) {
    try {
      return load(file);
    } catch (IOException e) {
      return new Properties();
    }
  }
}
