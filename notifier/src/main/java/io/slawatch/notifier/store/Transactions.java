package io.slawatch.notifier.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.Function;

/**
 * Opens the transactions the stores work in: committed when the work's item comes, else rolled
 * back.
 */
@ApplicationScoped
public class Transactions {
  private final Pool pool;

  Transactions(Pool pool) {
    this.pool = pool;
  }

  /** Runs {@code work} in one transaction. */
  public <T> Uni<T> run(Function<Transaction, Uni<T>> work) {
    return pool.withTransaction(connection -> work.apply(new Transaction(connection)));
  }

  /**
   * Runs {@code work} in one transaction each of whose statements PostgreSQL cancels after {@code
   * statementTimeout} ({@code statement_timeout}): a hung statement fails the work instead of
   * holding it forever. Its statements are planned for the table as it is now ({@code
   * plan_cache_mode = force_custom_plan}): a loop's claim prepared while its table was empty would
   * otherwise keep a cached generic plan (a sequential scan and a sort of the whole table) once a
   * pile-up filled it.
   */
  public <T> Uni<T> run(Duration statementTimeout, Function<Transaction, Uni<T>> work) {
    String timeout =
        "select set_config('statement_timeout', '"
            + Math.max(1, statementTimeout.toMillis())
            + "', true), set_config('plan_cache_mode', 'force_custom_plan', true)";
    return pool.withTransaction(
        connection ->
            connection
                .query(timeout)
                .execute()
                .flatMap(set -> work.apply(new Transaction(connection))));
  }
}
