package io.slawatch.timer;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slawatch.testinfra.RealInfraTestResource;
import io.slawatch.timer.store.TimerStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The firing loop's claim on a fresh database (issues 16 and 18): timers fell due in numbers on a
 * {@code timer} table whose statistics say it is empty, and the claim's generic plan (what a
 * prepared statement runs after five executions) must still touch only its batch: no sequential
 * scan of the table per claim, which made a first 200,000-deadline pile-up fire at ~3,000 alerts/s.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class ClaimPlanTest {
  /**
   * The claim is prepared and run (more than the five times after which PostgreSQL may keep a
   * generic plan) while the table is empty, as at a fresh start; then a pile-up fills it. Under the
   * firing transaction's settings the next claim is planned for the table as it is now.
   */
  @Test
  void a_claim_prepared_on_an_empty_table_is_planned_afresh_once_a_pile_up_filled_it()
      throws Exception {
    try (Connection db = TimerDatabase.connect();
        Statement sql = db.createStatement()) {
      db.setAutoCommit(false);
      sql.execute("create temporary table timer_cache_probe (like timer including all)");
      sql.execute("analyze timer_cache_probe");
      sql.execute(
          "prepare cached_claim(timestamptz, int) as "
              + TimerStore.CLAIM.replace(" timer ", " timer_cache_probe "));
      for (int i = 0; i < 8; i++) {
        sql.execute("execute cached_claim(now(), 1000)");
      }
      sql.execute(
          "insert into timer_cache_probe (alert_id, ticket_id, fire_at, payload, kind,"
              + " customer_id, plan, priority, clock, due) select 'a' || g, 't' || g,"
              + " now() - interval '1 second', '{}', 'sla.breached', 'acme', 'p', 'P2',"
              + " 'first_response', now() from generate_series(1, 50000) g");
      sql.execute(TimerStore.transactionSettings(30_000));
      List<String> plan = new ArrayList<>();
      try (ResultSet rows = sql.executeQuery("explain execute cached_claim(now(), 1000)")) {
        while (rows.next()) {
          plan.add(rows.getString(1));
        }
      }
      db.rollback();
      assertThat(String.join("\n", plan))
          .as("the claim's plan once the pile-up is there")
          .contains("timer_cache_probe")
          .doesNotContain("Seq Scan")
          .doesNotContain("Sort");
    }
  }

  @Test
  void a_claim_never_scans_the_whole_timer_table_whatever_its_statistics() throws Exception {
    try (Connection db = TimerDatabase.connect();
        Statement sql = db.createStatement()) {
      db.setAutoCommit(false);
      sql.execute("create temporary table timer_stats_probe (like timer including all)");
      sql.execute("analyze timer_stats_probe"); // statistics of an empty table, as at first start
      sql.execute(
          "insert into timer_stats_probe (alert_id, ticket_id, fire_at, payload, kind,"
              + " customer_id, plan, priority, clock, due) select 'a' || g, 't' || g,"
              + " now() - interval '1 second', '{}', 'sla.breached', 'acme', 'p', 'P2',"
              + " 'first_response', now() from generate_series(1, 50000) g");
      sql.execute("set local plan_cache_mode = force_generic_plan");
      sql.execute(
          "prepare claim_probe(timestamptz, int) as "
              + TimerStore.CLAIM.replace(" timer ", " timer_stats_probe "));
      List<String> plan = new ArrayList<>();
      try (ResultSet rows = sql.executeQuery("explain execute claim_probe(now(), 1000)")) {
        while (rows.next()) {
          plan.add(rows.getString(1));
        }
      }
      db.rollback();
      assertThat(String.join("\n", plan))
          .as("the claim's generic plan")
          .contains("timer_stats_probe")
          .doesNotContain("Seq Scan");
    }
  }
}
