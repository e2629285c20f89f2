package io.slawatch.deploy.grafana;

import io.slawatch.testinfra.Postgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;

/**
 * sla-timer's database as docker-compose.yml sets it up, in a real PostgreSQL 15 (test-infra's
 * embedded server): the compose init scripts ({@code deploy/compose/postgres/initdb}, run by psql
 * as the postgres image runs them), then sla-timer's own Flyway migrations from its source tree, as
 * {@code slawatch_timer}. Grafana reads as {@code slawatch_grafana}.
 *
 * <p>Without psql (Debian's postgresql-client) the init scripts cannot run: the database is then
 * created and read by the superuser, and {@link #hasComposeRoles()} answers false.
 */
final class SlaTimerDatabase implements AutoCloseable {
  static final String DATABASE = "slawatch_timer";
  static final String OWNER = "slawatch_timer";
  static final String READER = "slawatch_grafana";

  private static final Path REPO = Dashboard.DEPLOY.resolve("..");
  private static final Path INITDB = Dashboard.DEPLOY.resolve("compose/postgres/initdb");
  private static final Path MIGRATIONS = REPO.resolve("sla-timer/src/main/resources/db/migration");
  private static final Path PSQL = Path.of("/usr/bin/psql");

  private final Postgres postgres;
  private final boolean composeRoles;

  private SlaTimerDatabase(Postgres postgres, boolean composeRoles) {
    this.postgres = postgres;
    this.composeRoles = composeRoles;
  }

  static SlaTimerDatabase start() throws Exception {
    Path data =
        Path.of(System.getProperty("slawatch.build.dir", "target"))
            .resolve("test-data/compliance-postgres");
    Postgres postgres = Postgres.start(data, 0, false);
    try {
      boolean composeRoles = Files.isExecutable(PSQL);
      if (composeRoles) {
        runInitScripts(postgres);
      } else {
        postgres.createDatabase(DATABASE);
      }
      SlaTimerDatabase database = new SlaTimerDatabase(postgres, composeRoles);
      Flyway.configure()
          .dataSource(postgres.jdbcUrl(DATABASE), database.owner(), postgres.password())
          .locations("filesystem:" + MIGRATIONS.toAbsolutePath().normalize())
          .load()
          .migrate();
      return database;
    } catch (Exception | Error e) {
      postgres.close();
      throw e;
    }
  }

  /** Whether the compose init scripts ran (roles slawatch_timer and slawatch_grafana exist). */
  boolean hasComposeRoles() {
    return composeRoles;
  }

  /** The role that owns the tables (runs the migrations, writes the outcomes). */
  String owner() {
    return composeRoles ? OWNER : postgres.user();
  }

  /** The role Grafana reads as. */
  String reader() {
    return composeRoles ? READER : postgres.user();
  }

  Connection connect(String user) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", user);
    props.setProperty("password", postgres.password());
    return DriverManager.getConnection(postgres.jdbcUrl(DATABASE), props);
  }

  /** Runs {@code sql} as {@code connection}'s user: every row, column label to value, in order. */
  static List<Map<String, Object>> rows(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      ResultSetMetaData meta = rs.getMetaData();
      List<Map<String, Object>> rows = new ArrayList<>();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.put(meta.getColumnLabel(i), rs.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }

  /**
   * The init scripts in file-name order, by psql with ON_ERROR_STOP as the postgres image runs
   * them.
   */
  private static void runInitScripts(Postgres postgres) throws IOException, InterruptedException {
    List<Path> scripts;
    try (Stream<Path> files = Files.list(INITDB)) {
      scripts = files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
    }
    for (Path script : scripts) {
      ProcessBuilder psql =
          new ProcessBuilder(
                  PSQL.toString(),
                  "-X",
                  "-q",
                  "-v",
                  "ON_ERROR_STOP=1",
                  "-h",
                  postgres.host(),
                  "-p",
                  Integer.toString(postgres.port()),
                  "-U",
                  postgres.user(),
                  "-d",
                  "postgres",
                  "-f",
                  script.toAbsolutePath().toString())
              .redirectErrorStream(true);
      Map<String, String> env = psql.environment();
      env.put("PGPASSWORD", postgres.password());
      env.put("SLAWATCH_INTAKE_DB_PASSWORD", "slawatch_intake");
      env.put("SLAWATCH_TIMER_DB_PASSWORD", "slawatch_timer");
      env.put("SLAWATCH_NOTIFIER_DB_PASSWORD", "slawatch_notifier");
      env.put("SLAWATCH_GRAFANA_DB_PASSWORD", "slawatch_grafana");
      Process process = psql.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("psql -f " + script + " failed:\n" + output);
      }
    }
  }

  @Override
  public void close() {
    postgres.close();
  }
}
