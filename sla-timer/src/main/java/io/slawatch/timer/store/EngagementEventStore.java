package io.slawatch.timer.store;

import io.slawatch.contract.json.EngagementDecoding;
import io.slawatch.contract.json.EngagementEventCodec;
import io.slawatch.core.engagement.EngagementEvent;
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

/**
 * The {@code engagement_event} table: every engagement event applied, once per (source, id), the
 * dedup key and the engagement engine's input. Statements run on the caller's connection, inside
 * its transaction.
 */
@ApplicationScoped
public class EngagementEventStore {
  private final EngagementEventCodec codec;

  EngagementEventStore(EngagementEventCodec codec) {
    this.codec = codec;
  }

  /**
   * Stores the events in one statement (a redelivered one is skipped by its key) and answers the
   * engagements of those not seen before, in batch order.
   */
  public Uni<Set<String>> insertNew(SqlConnection conn, List<EngagementEvent> batch) {
    int n = batch.size();
    String[] sources = new String[n];
    String[] ids = new String[n];
    String[] engagements = new String[n];
    OffsetDateTime[] occurred = new OffsetDateTime[n];
    String[] customers = new String[n];
    String[] payloads = new String[n];
    for (int i = 0; i < n; i++) {
      EngagementEvent event = batch.get(i);
      sources[i] = event.eventId().source();
      ids[i] = event.eventId().id();
      engagements[i] = event.engagement().value();
      occurred[i] = OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC);
      customers[i] = event instanceof EngagementEvent.Purchased p ? p.customer().value() : null;
      payloads[i] = new String(codec.encode(event), StandardCharsets.UTF_8);
    }
    return conn.preparedQuery(
            "insert into engagement_event (source, event_id, engagement_id, occurred_at,"
                + " customer_id, payload) select s, i, e, o, c, p::jsonb from unnest($1::text[],"
                + " $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::text[])"
                + " as u(s, i, e, o, c, p) on conflict do nothing returning engagement_id")
        .execute(
            Tuple.from(new Object[] {sources, ids, engagements, occurred, customers, payloads}))
        .map(
            inserted -> {
              Set<String> touched = new LinkedHashSet<>();
              for (Row row : inserted) {
                touched.add(row.getString(0));
              }
              return touched;
            });
  }

  /** The stored events of each of these engagements, in one query (one without any is absent). */
  public Uni<Map<String, List<EngagementEvent>>> loadAll(
      SqlClient client, Collection<String> engagements) {
    return client
        .preparedQuery(
            "select engagement_id, payload::text from engagement_event"
                + " where engagement_id = any($1)")
        .execute(Tuple.of(engagements.toArray(String[]::new)))
        .map(
            rows -> {
              Map<String, List<EngagementEvent>> histories = new HashMap<>();
              for (Row row : rows) {
                String engagement = row.getString(0);
                histories
                    .computeIfAbsent(engagement, e -> new ArrayList<>())
                    .add(decode(engagement, row.getString(1)));
              }
              return histories;
            });
  }

  /** The engagements this customer purchased that still have pending timers. */
  public Uni<List<String>> withPendingTimers(SqlClient client, String customer) {
    return client
        .preparedQuery(
            "select distinct engagement_id from engagement_event e where customer_id = $1"
                + " and exists (select 1 from timer t where t.ticket_id = e.engagement_id"
                + " and t.subject_kind = 'engagement')")
        .execute(Tuple.of(customer))
        .map(
            rows -> {
              List<String> engagements = new ArrayList<>();
              for (Row row : rows) {
                engagements.add(row.getString(0));
              }
              return engagements;
            });
  }

  private EngagementEvent decode(String engagement, String payload) {
    // a booking is decoded without the kind: the replay applies the 4-hour blocks itself
    return switch (codec.decode(payload.getBytes(StandardCharsets.UTF_8))) {
      case EngagementDecoding.Valid valid -> valid.event();
      case EngagementDecoding.Invalid invalid ->
          throw new IllegalStateException(
              "stored event of engagement " + engagement + " no longer decodes: " + invalid);
    };
  }
}
