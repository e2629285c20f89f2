package io.slawatch.testinfra;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * A stand-in for a test JVM or the local runner, run as its own process by the lifecycle tests:
 * starts a Kafka broker ({@code kafka <dir> <topic>}) or PostgreSQL ({@code postgres <dir>}),
 * prints {@code ready <pid>}, and waits until it is killed (or its stdin closes).
 */
public final class Holder {
  static final String READY_PREFIX = "ready ";

  private Holder() {}

  public static void main(String[] args) throws Exception {
    AutoCloseable held =
        switch (args[0]) {
          case "kafka" -> {
            KafkaBroker broker = KafkaBroker.start(Path.of(args[1]), 0);
            broker.createTopics(Map.of(args[2], 2));
            System.out.println(READY_PREFIX + broker.pid());
            yield broker;
          }
          case "postgres" -> {
            Postgres postgres = Postgres.start(Path.of(args[1]), 0, true);
            postgres.createDatabase("held");
            System.out.println(READY_PREFIX + postgres.port());
            yield postgres;
          }
          default -> throw new IllegalArgumentException(args[0]);
        };
    System.out.flush();
    System.in.transferTo(OutputStream.nullOutputStream()); // until the test JVM goes away
    held.close();
  }
}
