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
import java.util.List;
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
                switch (events.decode(row.getString(0).getBytes(StandardCharsets.UTF_8))) {
                  case Decoding.Valid valid -> history.add(valid.event());
                  case Decoding.Invalid invalid ->
                      throw new IllegalStateException(
                          "stored event of " + ticket + " no longer decodes: " + invalid);
                }
              }
              return history;
            });
  }

  public static Optional<String> customer(List<TicketEvent> history) {
    return history.stream()
        .filter(TicketEvent.Created.class::isInstance)
        .map(e -> ((TicketEvent.Created) e).customer().value())
        .findFirst();
  }
}
