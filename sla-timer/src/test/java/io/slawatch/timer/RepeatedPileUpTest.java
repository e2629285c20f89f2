package io.slawatch.timer;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slawatch.testinfra.RealInfraTestResource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: a pile-up right after another left every due timer unfired (both claims waiting on the
 * lock manager, health UP). Three pile-ups in a row, the first on a table whose statistics were
 * taken empty, each fire completely: the periodic loop claims them all.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class RepeatedPileUpTest {
  private static final int PILE_UP = 20_000;

  @Test
  void three_pile_ups_in_a_row_each_fire_completely() throws Exception {
    try (Connection db = TimerDatabase.connect()) {
      try (Statement analyze = db.createStatement()) {
        analyze.execute("analyze timer"); // statistics of an (almost) empty table, as after start
      }
      for (int round = 1; round <= 3; round++) {
        String run = "REPEAT-" + round + "-" + UUID.randomUUID();
        pileUp(db, run, Instant.now().minusSeconds(1));
        Awaitility.await("pile-up " + round + " fired")
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(250))
            .until(() -> pending(db, run) == 0);
        assertThat(fired(db, run)).as("pile-up %d recorded as fired", round).isEqualTo(PILE_UP);
      }
    }
  }

  /** Due timers inserted straight into the store, as the scheduler would leave them. */
  private static void pileUp(Connection db, String run, Instant due) throws Exception {
    OffsetDateTime at = OffsetDateTime.ofInstant(due, ZoneOffset.UTC);
    try (PreparedStatement insert =
        db.prepareStatement(
            "insert into timer (alert_id, ticket_id, fire_at, payload, kind, customer_id, plan,"
                + " priority, clock, due)"
                + " select ? || '-' || g || '/first_response/1/sla.breached/1.0', ? || '-' || g,"
                + " ?, '{\"type\":\"sla.breached\"}', 'sla.breached', 'acme', 'test', 'P1',"
                + " 'first_response', ? from generate_series(1, ?) g")) {
      insert.setString(1, run);
      insert.setString(2, run);
      insert.setObject(3, at);
      insert.setObject(4, at);
      insert.setInt(5, PILE_UP);
      assertThat(insert.executeUpdate()).isEqualTo(PILE_UP);
    }
  }

  private static long pending(Connection db, String run) throws Exception {
    return count(db, "select count(*) from timer where ticket_id like ?", run);
  }

  private static long fired(Connection db, String run) throws Exception {
    return count(db, "select count(*) from fired_alert where ticket_id like ?", run);
  }

  private static long count(Connection db, String sql, String run) throws Exception {
    try (PreparedStatement query = db.prepareStatement(sql)) {
      query.setString(1, run + "-%");
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }
}
