package io.slawatch.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostgresTest {

  @Test
  void an_embedded_postgres_15_creates_databases_idempotently_and_runs_queries_in_them()
      throws Exception {
    Path dataDir = BuildDirs.fresh("postgres-test").resolve("data");
    Instant start = Instant.now();
    try (Postgres postgres = Postgres.start(dataDir, 0, false)) {
      System.out.println(
          "postgres "
              + postgres
              + " ready in "
              + Duration.between(start, Instant.now()).toMillis()
              + " ms");
      postgres.createDatabase("sla_orders");
      postgres.createDatabase("sla_orders"); // idempotent

      try (Connection db = connect(postgres, "sla_orders");
          Statement sql = db.createStatement()) {
        assertThat(single(sql, "SELECT current_database()")).isEqualTo("sla_orders");
        assertThat(single(sql, "SHOW server_version")).startsWith("15.");
        sql.execute("CREATE TABLE clock (ticket text PRIMARY KEY, due timestamptz NOT NULL)");
        sql.execute("INSERT INTO clock VALUES ('T-1', '2030-01-01T09:00:00Z')");
        assertThat(single(sql, "SELECT ticket FROM clock WHERE due > now()")).isEqualTo("T-1");
      }
      assertThat(postgres.jdbcUrl("sla_orders"))
          .isEqualTo(
              "jdbc:postgresql://" + postgres.host() + ":" + postgres.port() + "/sla_orders");
      assertThat(postgres.reactiveUrl("sla_orders"))
          .isEqualTo("postgresql://" + postgres.host() + ":" + postgres.port() + "/sla_orders");

      Optional<Postgres> found =
          Postgres.existing(postgres.host(), postgres.port(), postgres.user(), postgres.password());
      assertThat(found).isPresent();
      found.get().close(); // not ours to stop
      try (Connection db = connect(postgres, "sla_orders");
          Statement sql = db.createStatement()) {
        assertThat(single(sql, "SELECT count(*) FROM clock")).isEqualTo("1");
      }
    }
  }

  @Test
  void data_survives_a_restart_with_keep_data_and_is_wiped_without() throws Exception {
    Path dataDir = BuildDirs.fresh("postgres-keep-test").resolve("data");
    try (Postgres postgres = Postgres.start(dataDir, 0, true)) {
      postgres.createDatabase("kept");
      try (Connection db = connect(postgres, "kept");
          Statement sql = db.createStatement()) {
        sql.execute("CREATE TABLE note (body text)");
        sql.execute("INSERT INTO note VALUES ('still here')");
      }
    }
    try (Postgres postgres = Postgres.start(dataDir, 0, true);
        Connection db = connect(postgres, "kept");
        Statement sql = db.createStatement()) {
      assertThat(single(sql, "SELECT body FROM note")).isEqualTo("still here");
    }
    try (Postgres postgres = Postgres.start(dataDir, 0, false);
        Connection db = connect(postgres, "postgres");
        Statement sql = db.createStatement()) {
      assertThat(single(sql, "SELECT count(*) FROM pg_database WHERE datname = 'kept'"))
          .isEqualTo("0");
    }
  }

  @Test
  void the_server_stops_when_the_jvm_that_started_it_is_killed_and_its_data_is_kept()
      throws Exception {
    Path dataDir = BuildDirs.fresh("postgres-lifecycle-test").resolve("data");
    ChildJvm holder = ChildJvm.holding("postgres", dataDir.toString());
    int port = Integer.parseInt(holder.readyValue());
    long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0));
    assertThat(Postgres.existing("127.0.0.1", port, "postgres", "postgres")).isPresent();

    holder.killHard(); // no shutdown hook runs: only the watchdog can stop the server
    await("postmaster " + postmaster + " gone after the JVM that started it was killed")
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive).isEmpty());

    try (Postgres restarted = Postgres.start(dataDir, 0, true);
        Connection db = connect(restarted, "postgres");
        Statement sql = db.createStatement()) {
      assertThat(single(sql, "SELECT count(*) FROM pg_database WHERE datname = 'held'"))
          .isEqualTo("1");
    }
  }

  @Test
  void existing_answers_empty_quickly_when_nothing_listens_on_the_port() {
    int nothingThere = FreePorts.pick();
    Instant start = Instant.now();
    Optional<Postgres> found = Postgres.existing("127.0.0.1", nothingThere, "postgres", "postgres");
    assertThat(found).isEmpty();
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(3));
  }

  private static Connection connect(Postgres postgres, String database) throws SQLException {
    return DriverManager.getConnection(
        postgres.jdbcUrl(database), postgres.user(), postgres.password());
  }

  private static String single(Statement sql, String query) throws SQLException {
    try (ResultSet rows = sql.executeQuery(query)) {
      assertThat(rows.next()).as("a row from " + query).isTrue();
      return rows.getString(1);
    }
  }
}
