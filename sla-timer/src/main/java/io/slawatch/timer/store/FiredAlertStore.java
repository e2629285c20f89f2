package io.slawatch.timer.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The {@code fired_alert} table: alerts already published, never scheduled again ({@link
 * TimerStore#replace} skips them).
 */
@ApplicationScoped
public class FiredAlertStore {

  /** Marks these claimed timers' alerts fired, in the claim's transaction. */
  public Uni<Void> markFired(SqlConnection conn, List<ClaimedTimer> fired, OffsetDateTime at) {
    String[] ids = new String[fired.size()];
    String[] tickets = new String[fired.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = fired.get(i).alertId();
      tickets[i] = fired.get(i).ticket();
    }
    return conn.preparedQuery(
            "insert into fired_alert (alert_id, ticket_id, fired_at)"
                + " select a, t, $3 from unnest($1::text[], $2::text[]) as u(a, t)"
                + " on conflict do nothing")
        .execute(Tuple.of(ids, tickets, at))
        .replaceWithVoid();
  }
}
