package io.slawatch.notifier.store;

import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * One database transaction, opened by {@link Transactions}: what the stores write through the same
 * transaction commits together. Only the stores see its connection.
 */
public final class Transaction {
  private final SqlConnection connection;

  Transaction(SqlConnection connection) {
    this.connection = connection;
  }

  SqlConnection connection() {
    return connection;
  }
}
