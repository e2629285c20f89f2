package io.slawatch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.slawatch.contract.json.SlaAlertCodec;
import io.slawatch.core.alert.AlertKind;
import io.slawatch.core.alert.ClockKind;
import io.slawatch.core.alert.SlaAlert;
import io.slawatch.core.ticket.CustomerId;
import io.slawatch.core.ticket.Priority;
import io.slawatch.core.ticket.TicketId;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * sla-timer's firing loop at scale ({@code ./slawatch bench --timers N}): timers are written
 * straight into sla-timer's {@code timer} table (as its scheduler writes them, with real alert
 * payloads), so what is measured is the firing loop alone: claim, publish to {@code sla.alerts.v1},
 * mark fired.
 *
 * <ol>
 *   <li>{@code --timers} pending timers spread over the next 30 days (the load that must not slow
 *       firing down, nor sit in sla-timer's heap);
 *   <li>steady load: {@code --steady-rate} timers per second falling due for {@code
 *       --steady-duration}; lateness = the alert record's Kafka timestamp minus its due instant;
 *   <li>pile-up: {@code --timer-pileup} timers due at the same instant; alerts per second from that
 *       instant to the last alert, and their lateness.
 * </ol>
 *
 * Every timer of the run is removed afterwards.
 */
final class TimerBenchmark {

  private final Connection db;
  private final String bootstrap;
  private final String run = "TB" + Long.toString(System.currentTimeMillis(), 36);
  private final SlaAlertCodec codec = new SlaAlertCodec(new ObjectMapper());

  TimerBenchmark(Connection db, String bootstrap) {
    this.db = db;
    this.bootstrap = bootstrap;
  }

  void run(
      int pending, int steadyRate, Duration steadyDuration, int pileup, Map<String, Object> out)
      throws Exception {
    Map<String, Object> result = new java.util.LinkedHashMap<>();
    try (AlertListener alerts = new AlertListener(bootstrap, "sla.alerts.v1", run)) {
      Instant start = Instant.now();
      long t0 = System.nanoTime();
      copy(
          pending, i -> start.plus(Duration.ofDays(1)).plusSeconds((long) i * 2_592_000 / pending));
      double seconds = (System.nanoTime() - t0) / 1e9;
      say("pending: %d timers written in %.1f s".formatted(pending, seconds));
      result.put("pending_timers", count());

      if (steadyRate > 0) {
        result.put("steady", steady(alerts, steadyRate, steadyDuration));
      }
      if (pileup > 0) {
        result.put("pileup", pileup(alerts, pileup));
      }
    } finally {
      cleanUp();
    }
    out.put("timers", Benchmark.json(result));
  }

  private String steady(AlertListener alerts, int rate, Duration duration) throws Exception {
    say("steady: %d timers/s falling due for %s".formatted(rate, duration));
    Duration lead = Duration.ofSeconds(2);
    int ticks = (int) (duration.toMillis() / 100);
    int perTick = Math.max(1, rate / 10);
    String prefix = run + "-S";
    long begin = System.nanoTime();
    int written = 0;
    for (int tick = 0; tick < ticks; tick++) {
      Instant base = Instant.now().plus(lead);
      int from = written;
      // spread over the tick's 100 ms, 2 s ahead: the firing loop sees them as they fall due
      copy(prefix, from, perTick, i -> base.plusMillis((i - from) * 100L / perTick));
      written += perTick;
      long next = begin + (tick + 1) * 100_000_000L;
      long wait = next - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
    }
    List<Double> lateness = alerts.await(prefix, written, Duration.ofSeconds(60));
    return "{\"timers\":%d,\"per_s\":%d,\"lateness\":%s}"
        .formatted(written, rate, Percentiles.of(toArray(lateness)).json());
  }

  private String pileup(AlertListener alerts, int count) throws Exception {
    String prefix = run + "-P";
    Instant due = Instant.now().plusSeconds(Math.max(10, count / 10_000));
    long t0 = System.nanoTime();
    copy(prefix, 0, count, i -> due);
    say(
        "pile-up: %d timers due at %s, written in %.1f s"
            .formatted(count, due, (System.nanoTime() - t0) / 1e9));
    if (Instant.now().isAfter(due)) {
      say("pile-up: writing took past the due instant; the figures include that");
    }
    List<Double> lateness = alerts.await(prefix, count, Duration.ofMinutes(5));
    double last = lateness.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    double first = lateness.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    return ("{\"timers\":%d,\"fired\":%d,\"alerts_per_s_from_due\":%.0f,"
            + "\"alerts_per_s_first_to_last\":%.0f,\"lateness\":%s}")
        .formatted(
            count,
            lateness.size(),
            last <= 0 ? 0 : lateness.size() / (last / 1000.0),
            last <= first ? 0 : lateness.size() / ((last - first) / 1000.0),
            Percentiles.of(toArray(lateness)).json());
  }

  private interface DueAt {
    Instant at(int index);
  }

  private void copy(int count, DueAt due) throws Exception {
    int chunk = 100_000;
    for (int from = 0; from < count; from += chunk) {
      copy(run + "-F", from, Math.min(chunk, count - from), due);
    }
  }

  /** Writes timers with COPY, each a real breach alert of its own ticket. */
  private void copy(String prefix, int from, int count, DueAt due) throws Exception {
    StringBuilder rows = new StringBuilder(count * 600);
    for (int i = from; i < from + count; i++) {
      Instant at = due.at(i);
      SlaAlert alert = breach(prefix + "-" + i, at);
      String payload = new String(codec.encode(alert), StandardCharsets.UTF_8);
      rows.append(alert.id())
          .append('\t')
          .append(alert.ticket().value())
          .append('\t')
          .append(at)
          .append('\t')
          .append(payload.replace("\\", "\\\\"))
          .append("\tsla.breached\tbench\tjamf-standard\tP2\tfirst_response\t")
          .append(at)
          .append("\t\\N\n");
    }
    CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
    copy.copyIn(
        "copy timer (alert_id, ticket_id, fire_at, payload, kind, customer_id, plan, priority,"
            + " clock, due, elapsed_ms) from stdin",
        new StringReader(rows.toString()));
  }

  /** A first-response breach of its own ticket, due at {@code at}, as sla-timer would fire it. */
  static SlaAlert breach(String ticket, Instant at) {
    return new SlaAlert(
        AlertKind.BREACHED,
        new TicketId(ticket),
        new CustomerId("bench"),
        "jamf-standard",
        Priority.P2,
        ClockKind.FIRST_RESPONSE,
        1,
        Duration.ofHours(8),
        at,
        at,
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  private long count() throws SQLException {
    try (PreparedStatement query = db.prepareStatement("select count(*) from timer");
        ResultSet rows = query.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private void cleanUp() throws SQLException {
    try (PreparedStatement timers =
            db.prepareStatement("delete from timer where ticket_id like ? || '-%'");
        PreparedStatement fired =
            db.prepareStatement("delete from fired_alert where ticket_id like ? || '-%'")) {
      timers.setString(1, run);
      fired.setString(1, run);
      say(
          "removed %d pending and %d fired timers of the run"
              .formatted(timers.executeUpdate(), fired.executeUpdate()));
    }
  }

  private static double[] toArray(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static void say(String line) {
    System.out.println("[bench] timers " + line);
  }
}
