package io.slawatch.notifier.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slawatch.notifier.WebhookReceiverResource;
import io.slawatch.notifier.escalation.EscalationConfig;
import io.slawatch.testinfra.RealInfraTestResource;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The escalation loop's transactions run under a statement timeout, against real PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
@QuarkusTestResource(WebhookReceiverResource.class)
class StatementTimeoutTest {
  @Inject Transactions transactions;
  @Inject EscalationConfig config;

  private static Uni<String> shown(Transaction tx) {
    return tx.connection()
        .query("show statement_timeout")
        .execute()
        .map(rows -> rows.iterator().next().getString(0));
  }

  @Test
  void the_loops_transactions_run_under_the_configured_statement_timeout_and_no_other() {
    assertThat(config.statementTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(
            transactions
                .run(config.statementTimeout(), StatementTimeoutTest::shown)
                .await()
                .atMost(Duration.ofSeconds(10)))
        .isEqualTo("30s");
    assertThat(transactions.run(StatementTimeoutTest::shown).await().atMost(Duration.ofSeconds(10)))
        .as("set local ends with its transaction: the pool's connections keep no timeout")
        .isEqualTo("0");
  }

  @Test
  void a_statement_running_past_the_timeout_is_cancelled_and_fails_its_transaction() {
    long start = System.nanoTime();
    assertThatThrownBy(
            () ->
                transactions
                    .run(
                        Duration.ofMillis(200),
                        tx -> tx.connection().query("select pg_sleep(5)").execute())
                    .await()
                    .atMost(Duration.ofSeconds(10)))
        .hasMessageContaining("statement timeout");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
  }
}
