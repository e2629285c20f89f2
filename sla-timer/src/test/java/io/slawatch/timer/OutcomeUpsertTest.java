package io.slawatch.timer;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slawatch.core.report.ClockOutcome;
import io.slawatch.core.report.ClockOutcome.Status;
import io.slawatch.testinfra.RealInfraTestResource;
import io.slawatch.timer.store.ClockOutcomeStore;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The outcome upsert on the real database (issue 16): a replay that leaves an outcome as it was
 * does not write its row again (same row version, {@code updated_at} untouched), one that changes
 * it does. Most events change one clock of a ticket, and every event replays all of them.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class OutcomeUpsertTest {
  private static final Instant START = Instant.parse("2026-11-30T09:00:00Z");

  @Inject Pool pool;
  @Inject ClockOutcomeStore store;

  @Test
  void an_outcome_a_replay_leaves_unchanged_is_not_written_again_and_a_changed_one_is()
      throws Exception {
    String ticket = "UPSERT-" + UUID.randomUUID();
    ClockOutcome response = open(ticket, "first_response", Set.of());
    ClockOutcome resolution = open(ticket, "resolution", Set.of());
    Instant first = Instant.parse("2026-11-30T09:00:01Z");
    replace(ticket, List.of(response, resolution), first);
    Map<String, Row> before = rows(ticket);
    assertThat(before).containsOnlyKeys("first_response", "resolution");

    replace(ticket, List.of(response, resolution), first.plusSeconds(60));
    Map<String, Row> same = rows(ticket);
    assertThat(same).as("the same outcomes again: no row written").isEqualTo(before);

    ClockOutcome met =
        outcome(
            ticket,
            "first_response",
            Status.MET,
            Optional.of(START.plusSeconds(600)),
            Duration.ofSeconds(600),
            Set.of());
    ClockOutcome flagged = open(ticket, "resolution", Set.of("paused"));
    Instant third = first.plusSeconds(120);
    replace(ticket, List.of(met, flagged), third);
    Map<String, Row> after = rows(ticket);
    for (String clock : List.of("first_response", "resolution")) {
      assertThat(after.get(clock).version())
          .as(clock + " changed: written")
          .isNotEqualTo(before.get(clock).version());
      assertThat(after.get(clock).updatedAt()).isEqualTo(third);
    }
    assertThat(after.get("first_response").status()).isEqualTo("met");
  }

  private void replace(String ticket, List<ClockOutcome> outcomes, Instant now) {
    pool.withTransaction(conn -> store.replace(conn, List.of(ticket), outcomes, now))
        .await()
        .atMost(Duration.ofSeconds(30));
  }

  private static ClockOutcome open(String ticket, String clock, Set<String> flags) {
    return outcome(ticket, clock, Status.OPEN, Optional.empty(), Duration.ZERO, flags);
  }

  private static ClockOutcome outcome(
      String ticket,
      String clock,
      Status status,
      Optional<Instant> metAt,
      Duration used,
      Set<String> flags) {
    return new ClockOutcome(
        ticket,
        clock,
        1,
        "acme",
        "standard",
        "P2",
        "api",
        START,
        Duration.ofHours(4),
        status,
        Optional.of(START.plus(Duration.ofHours(4))),
        Optional.empty(),
        metAt,
        Optional.empty(),
        Optional.empty(),
        used,
        Duration.ZERO,
        flags);
  }

  private record Row(String version, Instant updatedAt, String status) {}

  private static Map<String, Row> rows(String ticket) throws Exception {
    Map<String, Row> rows = new HashMap<>();
    try (Connection db = TimerDatabase.connect();
        PreparedStatement query =
            db.prepareStatement(
                "select clock, xmin::text, ctid::text, updated_at, status from clock_outcome"
                    + " where ticket_id = ? and subject_kind = 'ticket'")) {
      query.setString(1, ticket);
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          rows.put(
              result.getString(1),
              new Row(
                  result.getString(2) + "/" + result.getString(3),
                  result.getObject(4, OffsetDateTime.class).toInstant(),
                  result.getString(5)));
        }
      }
    }
    return rows;
  }
}
