package io.slawatch.testinfra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the real Kafka and PostgreSQL of {@link TestInfra}:
 * {@code @QuarkusTestResource(RealInfraTestResource.class)}. Creates the database {@code slawatch},
 * or the one named by the init arg {@code database}, and turns Dev Services off. The infrastructure
 * is shared by every test of the JVM and outlives {@link #stop()}.
 */
public class RealInfraTestResource implements QuarkusTestResourceLifecycleManager {
  /** The init arg naming the database to create and connect to. */
  public static final String DATABASE_ARG = "database";

  private String database = "slawatch";

  @Override
  public void init(Map<String, String> initArgs) {
    database = initArgs.getOrDefault(DATABASE_ARG, database);
  }

  @Override
  public Map<String, String> start() {
    TestInfra infra = TestInfra.get();
    infra.createDatabase(database);
    return Map.of(
        "kafka.bootstrap.servers", infra.bootstrapServers(),
        "quarkus.datasource.jdbc.url", infra.jdbcUrl(database),
        "quarkus.datasource.reactive.url", infra.reactiveUrl(database),
        "quarkus.datasource.username", infra.user(),
        "quarkus.datasource.password", infra.password(),
        "quarkus.devservices.enabled", "false");
  }

  @Override
  public void stop() {
    // shared with the other tests of this JVM: TestInfra's shutdown hook stops it
  }
}
