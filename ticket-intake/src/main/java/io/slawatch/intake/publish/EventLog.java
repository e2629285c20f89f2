package io.slawatch.intake.publish;

import io.slawatch.contract.json.TicketEventCodec;
import io.slawatch.core.event.TicketEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Stores an accepted event and publishes it to {@code ticket.events.v1} (key = ticket id) as one
 * unit: the row is inserted in a transaction that commits only after Kafka acknowledged the record.
 * If Kafka or PostgreSQL fails, nothing is kept and the sender retries. A crash between the ack and
 * the commit can publish an event twice with the same {@code (source, id)}: consumers skip it.
 */
@ApplicationScoped
public class EventLog {
  private final Pool pool;
  private final MutinyEmitter<String> ticketEvents;
  private final TicketEventCodec codec;
  private final Clock clock;

  EventLog(
      Pool pool,
      @Channel("ticket-events") MutinyEmitter<String> ticketEvents,
      TicketEventCodec codec,
      Clock clock) {
    this.pool = pool;
    this.ticketEvents = ticketEvents;
    this.codec = codec;
    this.clock = clock;
  }

  public Uni<Acceptance> accept(TicketEvent event) {
    String json = new String(codec.encode(event), StandardCharsets.UTF_8);
    return pool.withTransaction(
        conn ->
            conn.preparedQuery(
                    "insert into ticket_event (source, event_id, ticket_id, type, occurred_at,"
                        + " received_at, payload) values ($1, $2, $3, $4, $5, $6, $7::text::jsonb)"
                        + " on conflict do nothing")
                .execute(
                    Tuple.from(
                        new Object[] {
                          event.eventId().source(),
                          event.eventId().id(),
                          event.ticket().value(),
                          event.type(),
                          OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC),
                          OffsetDateTime.now(clock),
                          json
                        }))
                .flatMap(
                    rows -> {
                      if (rows.rowCount() == 0) {
                        return Uni.createFrom().item(Acceptance.DUPLICATE);
                      }
                      return ticketEvents
                          .sendMessage(
                              Message.of(json)
                                  .addMetadata(
                                      OutgoingKafkaRecordMetadata.<String>builder()
                                          .withKey(event.ticket().value())
                                          .build()))
                          .replaceWith(Acceptance.ACCEPTED);
                    }));
  }

  public enum Acceptance {
    ACCEPTED,
    DUPLICATE
  }
}
