package io.slawatch.timer.consume;

import io.slawatch.contract.json.Decoding;
import io.slawatch.contract.json.TicketEventCodec;
import io.slawatch.core.event.TicketEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A ticket's stored events, the engine's input. */
@ApplicationScoped
public class TicketHistory {
  private final TicketEventCodec events;

  TicketHistory(TicketEventCodec events) {
    this.events = events;
  }

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

  /** The stored events of each of these tickets, in one query. */
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

  public static Optional<String> customer(List<TicketEvent> history) {
    return history.stream()
        .filter(TicketEvent.Created.class::isInstance)
        .map(e -> ((TicketEvent.Created) e).customer().value())
        .findFirst();
  }
}
