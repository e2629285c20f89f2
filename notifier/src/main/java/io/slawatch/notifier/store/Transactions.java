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
   * statementTimeout} ({@code set local statement_timeout}): a hung statement fails the work
   * instead of holding it forever.
   */
  public <T> Uni<T> run(Duration statementTimeout, Function<Transaction, Uni<T>> work) {
    String timeout = "set local statement_timeout = " + Math.max(1, statementTimeout.toMillis());
    return pool.withTransaction(
        connection ->
            connection
                .query(timeout)
                .execute()
                .flatMap(set -> work.apply(new Transaction(connection))));
  }
}
