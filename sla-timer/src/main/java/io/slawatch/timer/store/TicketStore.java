package io.slawatch.timer.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code ticket} table: which customer each ticket belongs to, so that a customer change
 * recomputes just that customer's tickets. Statements run on the caller's connection.
 */
@ApplicationScoped
public class TicketStore {

  /** Records each ticket's customer (ticket id → customer id); a ticket keeps its first one. */
  public Uni<Void> recordCustomers(SqlClient conn, Map<String, String> customers) {
    if (customers.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return conn.preparedQuery(
            "insert into ticket (ticket_id, customer_id)"
                + " select * from unnest($1::text[], $2::text[]) on conflict do nothing")
        .execute(
            Tuple.of(
                customers.keySet().toArray(String[]::new),
                customers.values().toArray(String[]::new)))
        .replaceWithVoid();
  }

  /** The tickets of this customer that still have pending timers (its open tickets). */
  public Uni<List<String>> withPendingTimers(SqlClient conn, String customer) {
    return conn.preparedQuery(
            "select ticket_id from ticket where customer_id = $1 and exists"
                + " (select 1 from timer where timer.ticket_id = ticket.ticket_id"
                + " and timer.subject_kind = 'ticket')")
        .execute(Tuple.of(customer))
        .map(
            rows -> {
              List<String> tickets = new ArrayList<>();
              for (Row row : rows) {
                tickets.add(row.getString(0));
              }
              return tickets;
            });
  }
}
