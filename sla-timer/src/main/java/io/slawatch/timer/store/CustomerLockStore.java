package io.slawatch.timer.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;

/**
 * A customer's record and its tickets' replays are serialized per customer (advisory locks held to
 * the end of the transaction): a replay reading a customer takes the lock shared, a customer change
 * takes it exclusively before it looks for that customer's open tickets. Without it, a ticket
 * replayed while its customer's first record was being stored saw no record, and the record's
 * recompute did not see the ticket yet: the ticket stayed on the default terms.
 */
@ApplicationScoped
public class CustomerLockStore {
  static final String LOCK_SHARED =
      "select pg_advisory_xact_lock_shared(hashtext('customer:' || c))"
          + " from (select distinct unnest($1::text[]) as c order by 1) s";

  static final String LOCK_EXCLUSIVE = "select pg_advisory_xact_lock(hashtext('customer:' || $1))";

  /** Shared locks on these customers, in a fixed order (no deadlock between replays). */
  public Uni<Void> shared(SqlClient conn, Collection<String> customers) {
    return conn.preparedQuery(LOCK_SHARED)
        .execute(Tuple.of((Object) customers.toArray(String[]::new)))
        .replaceWithVoid();
  }

  /** The exclusive lock on one customer. */
  public Uni<Void> exclusive(SqlClient conn, String customer) {
    return conn.preparedQuery(LOCK_EXCLUSIVE).execute(Tuple.of(customer)).replaceWithVoid();
  }
}
