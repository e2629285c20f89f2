package io.slawatch.timer.store;

import io.slawatch.contract.json.Decoding;
import io.slawatch.contract.json.TicketEventCodec;
import io.slawatch.core.event.TicketEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The {@code ticket_event} table: every ticket event applied, once per (source, id), the dedup key
 * and the engine's input. Statements run on the caller's connection, inside its transaction.
 */
@ApplicationScoped
public class TicketEventStore {
  private static final Logger LOG = Logger.getLogger(TicketEventStore.class);

  private final TicketEventCodec events;

  TicketEventStore(TicketEventCodec events) {
    this.events = events;
  }

  /**
   * Stores the events in one statement (a redelivered one is skipped by its key) and answers the
   * tickets of those not seen before, in batch order.
   */
  public Uni<Set<String>> insertNew(SqlConnection conn, List<TicketEvent> batch) {
    int n = batch.size();
    String[] sources = new String[n];
    String[] ids = new String[n];
    String[] tickets = new String[n];
    OffsetDateTime[] occurred = new OffsetDateTime[n];
    String[] payloads = new String[n];
    for (int i = 0; i < n; i++) {
      TicketEvent event = batch.get(i);
      sources[i] = event.eventId().source();
      ids[i] = event.eventId().id();
      tickets[i] = event.ticket().value();
      occurred[i] = OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC);
      payloads[i] = new String(events.encode(event), StandardCharsets.UTF_8);
    }
    return conn.preparedQuery(
            "insert into ticket_event (source, event_id, ticket_id, occurred_at, payload)"
                + " select s, i, t, o, p::jsonb from unnest($1::text[], $2::text[],"
                + " $3::text[], $4::timestamptz[], $5::text[]) as u(s, i, t, o, p)"
                + " on conflict do nothing returning ticket_id")
        .execute(Tuple.from(new Object[] {sources, ids, tickets, occurred, payloads}))
        .map(
            inserted -> {
              Set<String> touched = new LinkedHashSet<>();
              for (Row row : inserted) {
                touched.add(row.getString(0));
              }
              if (inserted.rowCount() < n) {
                LOG.debugf("%d duplicate event(s) skipped", n - inserted.rowCount());
              }
              return touched;
            });
  }

  /** A ticket's stored events (empty: the ticket is not known). */
  public Uni<List<TicketEvent>> load(SqlClient client, String ticket) {
    return client
        .preparedQuery("select payload::text from ticket_event where ticket_id = $1")
        .execute(Tuple.of(ticket))
        .map(
            rows -> {
              List<TicketEvent> history = new ArrayList<>();
              for (Row row : rows) {
                history.add(decode(ticket, row.getString(0)));
              }
              return history;
            });
  }

  /** The stored events of each of these tickets, in one query (a ticket without any is absent). */
  public Uni<Map<String, List<TicketEvent>>> loadAll(SqlClient client, Collection<String> tickets) {
    return client
        .preparedQuery(
            "select ticket_id, payload::text from ticket_event where ticket_id = any($1)")
        .execute(Tuple.of(tickets.toArray(String[]::new)))
        .map(
            rows -> {
              Map<String, List<TicketEvent>> histories = new HashMap<>();
              for (Row row : rows) {
                String ticket = row.getString(0);
                histories
                    .computeIfAbsent(ticket, t -> new ArrayList<>())
                    .add(decode(ticket, row.getString(1)));
              }
              return histories;
            });
  }

  private TicketEvent decode(String ticket, String payload) {
    return switch (events.decode(payload.getBytes(StandardCharsets.UTF_8))) {
      case Decoding.Valid valid -> valid.event();
      case Decoding.Invalid invalid ->
          throw new IllegalStateException(
              "stored event of " + ticket + " no longer decodes: " + invalid);
    };
  }
}
