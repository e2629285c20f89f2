package io.slawatch.service.customer;

import io.slawatch.contract.json.CustomerCodec;
import io.slawatch.contract.json.Violation;
import io.slawatch.core.customer.Customer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The customers a service knows, materialized from {@code customer.events.v1}: every version with
 * the instant it took effect ({@code customer_version}) and the newest as the current record
 * ({@code customer}), the same two tables in sla-timer and the notifier. It owns their SQL; a
 * version's record is decoded once, not once per ticket or alert.
 */
@ApplicationScoped
public class CustomerProjection {
  private static final Logger LOG = Logger.getLogger(CustomerProjection.class);

  /** A stored version of a customer and the instant it took effect. */
  public record Version(long version, Instant effectiveAt, Customer customer) {}

  private final CustomerCodec codec;
  private final Clock clock;
  private final Map<String, Optional<Customer>> decoded = new ConcurrentHashMap<>();

  CustomerProjection(CustomerCodec codec, Clock clock) {
    this.codec = codec;
    this.clock = clock;
  }

  /** A record of {@code customer.events.v1}, or empty (logged with every reason) if invalid. */
  public Optional<CustomerCodec.Upsert.Valid> decode(String record) {
    byte[] bytes = record == null ? null : record.getBytes(StandardCharsets.UTF_8);
    return switch (codec.decodeUpsert(bytes)) {
      case CustomerCodec.Upsert.Valid valid -> Optional.of(valid);
      case CustomerCodec.Upsert.Invalid invalid -> {
        LOG.errorf("ignoring an invalid customer record: %s", Violation.text(invalid.violations()));
        yield Optional.empty();
      }
    };
  }

  /**
   * Stores a version (once) and makes it the current record if it is newer than the current one.
   *
   * @param record the record as read from the topic (kept as it is)
   * @return whether the current record changed
   */
  public Uni<Boolean> apply(SqlClient conn, CustomerCodec.Upsert.Valid upsert, String record) {
    String id = upsert.customer().id().value();
    OffsetDateTime effective =
        OffsetDateTime.ofInstant(upsert.time().orElseGet(clock::instant), ZoneOffset.UTC);
    return conn.preparedQuery(
            "insert into customer_version (id, version, effective_at, body)"
                + " values ($1, $2, $3, $4) on conflict do nothing")
        .execute(Tuple.of(id, upsert.version(), effective, record))
        .flatMap(
            stored ->
                conn.preparedQuery(
                        "insert into customer (id, version, body) values ($1, $2, $3)"
                            + " on conflict (id) do update set version = excluded.version,"
                            + " body = excluded.body"
                            + " where customer.version < excluded.version returning id")
                    .execute(Tuple.of(id, upsert.version(), record)))
        .map(changed -> changed.size() > 0);
  }

  /** The current record of each of these customers that is known (one query). */
  public Uni<Map<String, Customer>> current(SqlClient conn, Collection<String> ids) {
    if (ids.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    return conn.preparedQuery("select id, version, body from customer where id = any($1)")
        .execute(Tuple.of((Object) ids.toArray(String[]::new)))
        .map(
            rows -> {
              Map<String, Customer> known = new HashMap<>();
              for (Row row : rows) {
                customer(row.getString(0), row.getLong(1), row.getString(2))
                    .ifPresent(c -> known.put(row.getString(0), c));
              }
              return known;
            });
  }

  /**
   * The current record of every customer that names report recipients (the compliance reports'
   * addressees), by id; the body's JSON is filtered in the database, so the others are not decoded.
   */
  public Uni<List<Customer>> withReportRecipients(SqlClient conn) {
    return conn.preparedQuery(
            "select id, version, body from customer"
                + " where jsonb_array_length(coalesce(body::jsonb -> 'data' -> 'report_recipients',"
                + " '[]'::jsonb)) > 0 order by id")
        .execute()
        .map(
            rows -> {
              List<Customer> found = new java.util.ArrayList<>();
              for (Row row : rows) {
                customer(row.getString(0), row.getLong(1), row.getString(2))
                    .filter(c -> !c.reportRecipients().isEmpty())
                    .ifPresent(found::add);
              }
              return found;
            });
  }

  /** Every version of each of these customers that is known, oldest first (one query). */
  public Uni<Map<String, List<Version>>> versions(SqlClient conn, Collection<String> ids) {
    if (ids.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    return conn.preparedQuery(
            "select id, version, effective_at, body from customer_version"
                + " where id = any($1) order by id, version")
        .execute(Tuple.of((Object) ids.toArray(String[]::new)))
        .map(
            rows -> {
              Map<String, List<Version>> versions = new HashMap<>();
              for (Row row : rows) {
                String id = row.getString(0);
                long version = row.getLong(1);
                customer(id, version, row.getString(3))
                    .ifPresent(
                        c ->
                            versions
                                .computeIfAbsent(id, k -> new ArrayList<>())
                                .add(
                                    new Version(version, row.getOffsetDateTime(2).toInstant(), c)));
              }
              return versions;
            });
  }

  private Optional<Customer> customer(String id, long version, String record) {
    return decoded.computeIfAbsent(
        id + "/" + version, key -> decode(record).map(CustomerCodec.Upsert.Valid::customer));
  }
}
