package io.slawatch.intake.publish;

import io.slawatch.core.event.EventId;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code ticket_event} table, the only class that reads or writes it: every accepted event once
 * per {@code (source, id)}, which makes it intake's event log and its dedup key (a webhook
 * redelivery has its vendor's delivery id, hence the same key). Engagement events are kept here too
 * ({@code ticket_id} = the engagement id, {@code type} = {@code engagement.*}): one log, one dedup
 * key.
 */
@ApplicationScoped
public class TicketEventStore {
  // one statement for the whole batch: arrays unnested, duplicates left out by the primary key
  private static final String INSERT_NEW =
      "insert into ticket_event (source, event_id, ticket_id, type, occurred_at,"
          + " received_at, payload)"
          + " select s, i, t, y, o, $7, p::jsonb from unnest($1::text[], $2::text[],"
          + " $3::text[], $4::text[], $5::timestamptz[], $6::text[]) as u(s, i, t,"
          + " y, o, p) on conflict do nothing returning source, event_id";

  // the earliest purchase of each engagement (by its time, then key), as the replay takes it
  private static final String ENGAGEMENT_KINDS =
      "select distinct on (ticket_id) ticket_id, payload -> 'data' ->> 'kind' from ticket_event"
          + " where ticket_id = any($1) and type = 'engagement.purchased'"
          + " order by ticket_id, occurred_at, source, event_id";

  private final Pool pool;

  TicketEventStore(Pool pool) {
    this.pool = pool;
  }

  /** One event as stored: its key, ticket, type, time in the helpdesk and encoded payload. */
  public record StoredEvent(
      EventId id, String ticket, String type, Instant occurredAt, String payload) {}

  /**
   * Inserts the events not stored yet in one statement and, in the same transaction, runs {@code
   * beforeCommit} with the keys that were new (a key twice in {@code events} is new once): the rows
   * are committed only if it succeeds, else nothing is kept.
   */
  public <T> Uni<T> insertNew(
      List<StoredEvent> events, Instant receivedAt, Function<Set<EventId>, Uni<T>> beforeCommit) {
    int n = events.size();
    String[] sources = new String[n];
    String[] ids = new String[n];
    String[] tickets = new String[n];
    String[] types = new String[n];
    OffsetDateTime[] occurred = new OffsetDateTime[n];
    String[] payloads = new String[n];
    for (int i = 0; i < n; i++) {
      StoredEvent event = events.get(i);
      sources[i] = event.id().source();
      ids[i] = event.id().id();
      tickets[i] = event.ticket();
      types[i] = event.type();
      occurred[i] = OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC);
      payloads[i] = event.payload();
    }
    OffsetDateTime received = OffsetDateTime.ofInstant(receivedAt, ZoneOffset.UTC);
    return pool.withTransaction(
        conn ->
            conn.preparedQuery(INSERT_NEW)
                .execute(
                    Tuple.from(
                        new Object[] {sources, ids, tickets, types, occurred, payloads, received}))
                .flatMap(
                    inserted -> {
                      // (source, id) as a pair: no separator can make two events one
                      Set<EventId> fresh = new HashSet<>();
                      for (Row row : inserted) {
                        fresh.add(new EventId(row.getString(0), row.getString(1)));
                      }
                      return beforeCommit.apply(fresh);
                    }));
  }

  /**
   * The kind ({@code remote}, {@code on_site}) each of these engagements was purchased as; an
   * engagement without a stored {@code engagement.purchased} is absent.
   */
  public Uni<Map<String, String>> engagementKinds(Collection<String> engagements) {
    return pool.preparedQuery(ENGAGEMENT_KINDS)
        .execute(Tuple.of(engagements.toArray(String[]::new)))
        .map(
            rows -> {
              Map<String, String> kinds = new HashMap<>();
              for (Row row : rows) {
                kinds.put(row.getString(0), row.getString(1));
              }
              return kinds;
            });
  }
}
