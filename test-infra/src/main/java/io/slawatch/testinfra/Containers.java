package io.slawatch.testinfra;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Kafka and PostgreSQL as Docker containers. Kept apart from {@link TestInfra} so that the
 * Testcontainers classes load only when Docker is asked about or used.
 */
final class Containers {
  private static final String USER = "postgres";
  private static final String PASSWORD = "postgres";

  private final KafkaContainer kafka;
  private final PostgreSQLContainer postgres;

  private Containers(KafkaContainer kafka, PostgreSQLContainer postgres) {
    this.kafka = kafka;
    this.postgres = postgres;
  }

  static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  @SuppressWarnings("resource") // stopped by the shutdown hook (and Testcontainers' reaper)
  static Containers start(String kafkaImage, String postgresImage) {
    KafkaContainer kafka =
        new KafkaContainer(DockerImageName.parse(kafkaImage))
            .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
            .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
    PostgreSQLContainer postgres =
        new PostgreSQLContainer(DockerImageName.parse(postgresImage))
            .withDatabaseName("postgres")
            .withUsername(USER)
            .withPassword(PASSWORD);
    Startables.deepStart(kafka, postgres).join();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  kafka.stop();
                  postgres.stop();
                },
                "slawatch-test-infra-stop"));
    return new Containers(kafka, postgres);
  }

  String bootstrapServers() {
    return kafka.getBootstrapServers();
  }

  String pgHost() {
    return postgres.getHost();
  }

  int pgPort() {
    return postgres.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT);
  }

  String user() {
    return USER;
  }

  String password() {
    return PASSWORD;
  }
}
