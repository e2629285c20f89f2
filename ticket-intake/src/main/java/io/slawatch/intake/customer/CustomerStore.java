package io.slawatch.intake.customer;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code customer} table, the only class that reads or writes it: the latest record of each
 * customer (the codec's JSON), its version and when it last changed.
 */
@ApplicationScoped
public class CustomerStore {
  private static final String INSERT =
      "insert into customer (id, body, version, updated_at) values ($1, $2::text::jsonb, 1, $3)";
  private static final String CREATE = INSERT + " on conflict (id) do nothing returning version";
  private static final String UPSERT =
      INSERT
          + " on conflict (id) do update set body = excluded.body,"
          + " version = customer.version + 1, updated_at = excluded.updated_at"
          + " returning version";
  private static final String FIND = "select body::text from customer where id = $1";
  private static final String PAGE =
      "select body::text from customer where id > $1 order by id limit $2";
  // only what the entitlement check needs, not a full decode per batch
  private static final String TERMS =
      "select id, body ->> 'plan', array(select jsonb_array_elements_text("
          + "coalesce(body -> 'premium_contacts', '[]'::jsonb))), body ->> 'zone',"
          + " (body -> 'calendar')::text from customer where id = any($1)";

  private final Pool pool;

  CustomerStore(Pool pool) {
    this.pool = pool;
  }

  /** A customer's plan, premium contacts, zone and business calendar (JSON), as stored. */
  public record Terms(String plan, List<String> contacts, String zone, Optional<String> calendar) {}

  /**
   * Stores the record (version 1 when new; {@code createOnly} leaves an existing one alone) and, in
   * the same transaction, runs {@code beforeCommit} with the version written: the write is
   * committed only if it succeeds. Empty when {@code createOnly} found the customer already there.
   */
  public <T> Uni<Optional<T>> save(
      String id, String body, Instant at, boolean createOnly, Function<Long, Uni<T>> beforeCommit) {
    OffsetDateTime updatedAt = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    return pool.withTransaction(
        conn ->
            conn.preparedQuery(createOnly ? CREATE : UPSERT)
                .execute(Tuple.of(id, body, updatedAt))
                .flatMap(
                    rows ->
                        rows.size() == 0
                            ? Uni.createFrom().item(Optional.<T>empty())
                            : beforeCommit
                                .apply(rows.iterator().next().getLong(0))
                                .map(Optional::ofNullable)));
  }

  /** The customer's record (JSON), if there is one. */
  public Uni<Optional<String>> find(String id) {
    return pool.preparedQuery(FIND)
        .execute(Tuple.of(id))
        .map(
            rows ->
                rows.size() == 0
                    ? Optional.empty()
                    : Optional.of(rows.iterator().next().getString(0)));
  }

  /** Records (JSON) in id order, after {@code after} (exclusive), at most {@code limit}. */
  public Uni<List<String>> list(String after, int limit) {
    return pool.preparedQuery(PAGE)
        .execute(Tuple.of(after, limit))
        .map(
            rows -> {
              List<String> bodies = new ArrayList<>(rows.size());
              rows.forEach(row -> bodies.add(row.getString(0)));
              return bodies;
            });
  }

  /** The terms of those of {@code ids} that are stored, by customer id (one query). */
  public Uni<Map<String, Terms>> terms(Set<String> ids) {
    return pool.preparedQuery(TERMS)
        .execute(Tuple.of(ids.toArray(String[]::new)))
        .map(
            rows -> {
              Map<String, Terms> known = new HashMap<>();
              for (Row row : rows) {
                known.put(
                    row.getString(0),
                    new Terms(
                        row.getString(1),
                        List.of(row.getArrayOfStrings(2)),
                        row.getString(3),
                        Optional.ofNullable(row.getString(4)).filter(c -> !c.equals("null"))));
              }
              return known;
            });
  }
}
