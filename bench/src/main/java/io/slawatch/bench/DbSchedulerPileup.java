package io.slawatch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.slawatch.contract.json.SlaAlertCodec;
import io.slawatch.core.alert.SlaAlert;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The peer side by side ({@code ./slawatch bench ... --peer db-scheduler}, issue 16): the same
 * pile-up (N one-time executions due at one instant, each carrying the alert sla-timer would fire)
 * run through <a href="https://github.com/kagkarlsson/db-scheduler">db-scheduler</a> on the same
 * PostgreSQL database and broker. Its recommended setup for PostgreSQL throughput: a HikariCP pool,
 * the {@code lock-and-fetch} polling strategy ({@code select … for update skip locked}, fetching up
 * to the thread count, fetching again when half are done), the indexes of its PostgreSQL schema.
 * Each execution publishes its alert to Kafka with {@code acks=all} and completes only once the
 * broker acknowledged it (at-least-once, as sla-timer's), to a topic of its own so the notifier
 * stays idle. Each thread count given is one run; the figures are read like sla-timer's: alerts per
 * second from the due instant to the last alert's Kafka timestamp.
 */
final class DbSchedulerPileup {
  static final String TOPIC = "bench.peer.alerts.v1";
  private static final String TABLE = "bench_peer_tasks";

  private final Connection db;
  private final String jdbcUrl;
  private final String user;
  private final String password;
  private final String bootstrap;
  private final SlaAlertCodec codec = new SlaAlertCodec(new ObjectMapper());

  DbSchedulerPileup(Connection db, String jdbcUrl, String user, String password, String bootstrap) {
    this.db = db;
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.password = password;
    this.bootstrap = bootstrap;
  }

  /** One pile-up per thread count; each run's figures in {@code out} under {@code threads_N}. */
  void run(int count, List<Integer> threadCounts, Map<String, Object> out) throws Exception {
    createTopic();
    createTable();
    Map<String, Object> runs = new java.util.LinkedHashMap<>();
    try {
      for (int threads : threadCounts) {
        runs.put("threads_" + threads, pileup(count, threads));
      }
    } finally {
      try (Statement drop = db.createStatement()) {
        drop.execute("drop table if exists " + TABLE);
      }
    }
    out.put("db_scheduler", Benchmark.json(runs));
  }

  private String pileup(int count, int threads) throws Exception {
    String run = "PEER" + Long.toString(System.currentTimeMillis(), 36);
    String prefix = run + "-P";
    try (Statement truncate = db.createStatement()) {
      truncate.execute("truncate " + TABLE);
    }
    Instant due = Instant.now().plusSeconds(Math.max(10, count / 10_000));
    long t0 = System.nanoTime();
    copy(prefix, count, due);
    try (Statement analyze = db.createStatement()) {
      analyze.execute("analyze " + TABLE);
    }
    say(
        "db-scheduler, %d threads: %d executions due at %s, written in %.1f s"
            .formatted(threads, count, due, (System.nanoTime() - t0) / 1e9));
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrap);
    props.put("acks", "all");
    props.put("enable.idempotence", "true");
    props.put("linger.ms", "5");
    props.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
    props.put("value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(jdbcUrl);
    pool.setUsername(user);
    pool.setPassword(password);
    pool.setMaximumPoolSize(threads + 2); // an execution holds none; fetch, completion, heartbeat
    try (AlertListener alerts = new AlertListener(bootstrap, TOPIC, run);
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props);
        HikariDataSource dataSource = new HikariDataSource(pool)) {
      OneTimeTask<byte[]> publish =
          Tasks.oneTime("slawatch-alert", byte[].class)
              .execute(
                  (instance, context) -> {
                    try {
                      producer
                          .send(new ProducerRecord<>(TOPIC, instance.getId(), instance.getData()))
                          .get();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      throw new IllegalStateException(e);
                    } catch (ExecutionException e) {
                      throw new IllegalStateException(e.getCause());
                    }
                  });
      Scheduler scheduler =
          Scheduler.create(dataSource, publish)
              .tableName(TABLE)
              .threads(threads)
              .pollUsingLockAndFetch(0.5, 1.0)
              .pollingInterval(Duration.ofSeconds(1))
              .serializer(new Bytes())
              .build();
      scheduler.start();
      try {
        List<Double> lateness = alerts.await(prefix, count, Duration.ofMinutes(10));
        double last = lateness.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        say(
            "db-scheduler, %d threads: %d alerts, %.0f/s from the due instant"
                .formatted(threads, lateness.size(), rate(lateness.size(), last)));
        return "{\"threads\":%d,\"executions\":%d,\"published\":%d,\"alerts_per_s_from_due\":%.0f,\"lateness\":%s}"
            .formatted(
                threads,
                count,
                lateness.size(),
                rate(lateness.size(), last),
                Percentiles.of(lateness.stream().mapToDouble(Double::doubleValue).toArray())
                    .json());
      } finally {
        scheduler.stop();
      }
    }
  }

  private static double rate(int alerts, double lastMillis) {
    return lastMillis <= 0 ? 0 : alerts / (lastMillis / 1000.0);
  }

  /** The executions, each with the alert sla-timer would publish as its data, by COPY. */
  private void copy(String prefix, int count, Instant due) throws Exception {
    HexFormat hex = HexFormat.of();
    int chunk = 50_000;
    CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
    for (int from = 0; from < count; from += chunk) {
      StringBuilder rows = new StringBuilder(chunk * 1300);
      for (int i = from; i < Math.min(count, from + chunk); i++) {
        SlaAlert alert = TimerBenchmark.breach(prefix + "-" + i, due);
        rows.append("slawatch-alert\t")
            .append(alert.id())
            .append("\t\\\\x")
            .append(hex.formatHex(codec.encode(alert)))
            .append('\t')
            .append(due)
            .append("\tf\t1\n");
      }
      copy.copyIn(
          "copy "
              + TABLE
              + " (task_name, task_instance, task_data, execution_time, picked, version)"
              + " from stdin",
          new StringReader(rows.toString()));
    }
  }

  /** db-scheduler's PostgreSQL schema (its postgresql_tables.sql), under a table of the bench's. */
  private void createTable() throws Exception {
    try (Statement ddl = db.createStatement()) {
      ddl.execute("drop table if exists " + TABLE);
      ddl.execute(
          "create table "
              + TABLE
              + " (task_name text not null, task_instance text not null, task_data bytea,"
              + " execution_time timestamptz not null, picked boolean not null, picked_by text,"
              + " last_success timestamptz, last_failure timestamptz, consecutive_failures int,"
              + " last_heartbeat timestamptz, version bigint not null, priority smallint,"
              + " primary key (task_name, task_instance))");
      ddl.execute("create index " + TABLE + "_execution_time on " + TABLE + " (execution_time)");
      ddl.execute("create index " + TABLE + "_last_heartbeat on " + TABLE + " (last_heartbeat)");
      ddl.execute(
          "create index "
              + TABLE
              + "_priority_execution_time on "
              + TABLE
              + " (priority desc, execution_time asc)");
    }
  }

  private void createTopic() throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      int partitions =
          admin
              .describeTopics(List.of("sla.alerts.v1"))
              .allTopicNames()
              .get()
              .get("sla.alerts.v1")
              .partitions()
              .size();
      try {
        admin.createTopics(List.of(new NewTopic(TOPIC, partitions, (short) 1))).all().get();
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
    }
  }

  /** Execution data as it is stored: the alert's bytes. */
  private static final class Bytes implements Serializer {
    @Override
    public byte[] serialize(Object data) {
      return (byte[]) data;
    }

    @Override
    public <T> T deserialize(Class<T> type, byte[] bytes) {
      return type.cast(bytes);
    }
  }

  private static void say(String line) {
    System.out.println("[bench] peer " + line);
  }
}
