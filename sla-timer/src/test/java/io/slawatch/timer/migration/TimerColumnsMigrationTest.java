package io.slawatch.timer.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.testinfra.TestInfra;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** V3 fills the new timer columns of rows scheduled before it from their payloads. */
class TimerColumnsMigrationTest {
  @Test
  void timers_pending_before_v3_get_their_columns_from_the_payload() throws Exception {
    TestInfra infra = TestInfra.get();
    String database = "migration_" + UUID.randomUUID().toString().replace("-", "");
    infra.createDatabase(database);
    String url = infra.jdbcUrl(database);
    Flyway.configure().dataSource(url, infra.user(), infra.password()).target("2").load().migrate();
    try (Connection db = DriverManager.getConnection(url, infra.user(), infra.password());
        Statement sql = db.createStatement()) {
      sql.execute(
          """
          insert into timer (alert_id, ticket_id, fire_at, payload) values
          ('T-1/first_response/1/sla.met', 'T-1', '2026-11-24T10:00:00Z',
           '{"specversion":"1.0","id":"T-1/first_response/1/sla.met","type":"sla.met",
             "data":{"ticket":"T-1","customer":"acme","plan":"jamf-premium","priority":"P2",
                     "clock":"first_response","cycle":1,"target":"PT4H",
                     "due":"2026-11-24T12:00:00Z","elapsed":"PT1H30M15.5S"}}')
          """);
      Flyway.configure().dataSource(url, infra.user(), infra.password()).load().migrate();
      try (ResultSet row =
          sql.executeQuery(
              "select kind, customer_id, plan, priority, clock, due, elapsed_ms from timer")) {
        assertThat(row.next()).isTrue();
        assertThat(row.getString(1)).isEqualTo("sla.met");
        assertThat(row.getString(2)).isEqualTo("acme");
        assertThat(row.getString(3)).isEqualTo("jamf-premium");
        assertThat(row.getString(4)).isEqualTo("P2");
        assertThat(row.getString(5)).isEqualTo("first_response");
        assertThat(row.getObject(6, OffsetDateTime.class).toInstant())
            .isEqualTo(java.time.Instant.parse("2026-11-24T12:00:00Z"));
        assertThat(row.getLong(7)).isEqualTo(5_415_500L);
      }
    }
  }
}
