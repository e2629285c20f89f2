package io.slawatch.testinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;

class TestInfraTest {

  @Test
  void one_infrastructure_per_jvm_with_every_topic_created() throws Exception {
    TestInfra infra = TestInfra.get();
    assertThat(TestInfra.get()).isSameAs(infra);
    System.out.println("test infrastructure: " + infra);
    if (!infra.usesDocker()) {
      assertThat(infra.bootstrapServers()).startsWith("127.0.0.1:");
    }
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, (Object) infra.bootstrapServers()))) {
      Map<String, Integer> partitions =
          admin.describeTopics(Topics.all().keySet()).allTopicNames().get().values().stream()
              .collect(Collectors.toMap(TopicDescription::name, d -> d.partitions().size()));
      assertThat(partitions).isEqualTo(Topics.all());
      var resource =
          new org.apache.kafka.common.config.ConfigResource(
              org.apache.kafka.common.config.ConfigResource.Type.TOPIC, Topics.CUSTOMER_EVENTS);
      var config = admin.describeConfigs(java.util.List.of(resource)).all().get().get(resource);
      assertThat(config.get("cleanup.policy").value())
          .as("customer records are compacted")
          .isEqualTo("compact");
    }
  }

  @Test
  void a_second_class_loader_uses_the_infrastructure_already_running_in_this_jvm()
      throws Exception {
    TestInfra infra = TestInfra.get();
    URL[] classpath =
        Arrays.stream(
                System.getProperty(
                        "surefire.test.class.path", System.getProperty("java.class.path"))
                    .split(File.pathSeparator))
            .map(entry -> Path.of(entry).toUri())
            .map(ClassLoaderTestSupport::url)
            .toArray(URL[]::new);
    // like Quarkus, which loads each test application in a class loader of its own
    try (URLClassLoader other =
        new URLClassLoader("other-app", classpath, ClassLoader.getPlatformClassLoader())) {
      Class<?> otherTestInfra = other.loadClass(TestInfra.class.getName());
      assertThat(otherTestInfra).isNotSameAs(TestInfra.class);
      Object otherInfra = otherTestInfra.getMethod("get").invoke(null);
      assertThat(otherTestInfra.getMethod("bootstrapServers").invoke(otherInfra))
          .isEqualTo(infra.bootstrapServers());
      assertThat(otherTestInfra.getMethod("jdbcUrl", String.class).invoke(otherInfra, "x"))
          .isEqualTo(infra.jdbcUrl("x"));
    }
  }

  @Test
  void the_quarkus_test_resource_points_at_a_database_it_created() throws Exception {
    RealInfraTestResource resource = new RealInfraTestResource();
    resource.init(Map.of(RealInfraTestResource.DATABASE_ARG, "slawatch_resource_check"));
    Map<String, String> config = resource.start();

    TestInfra infra = TestInfra.get();
    assertThat(config)
        .containsEntry("kafka.bootstrap.servers", infra.bootstrapServers())
        .containsEntry("quarkus.datasource.jdbc.url", infra.jdbcUrl("slawatch_resource_check"))
        .containsEntry(
            "quarkus.datasource.reactive.url", infra.reactiveUrl("slawatch_resource_check"))
        .containsEntry("quarkus.datasource.username", infra.user())
        .containsEntry("quarkus.datasource.password", infra.password())
        .containsEntry("quarkus.devservices.enabled", "false");
    try (Connection db =
            DriverManager.getConnection(
                config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"),
                config.get("quarkus.datasource.password"));
        Statement sql = db.createStatement();
        ResultSet rows = sql.executeQuery("SELECT current_database()")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("slawatch_resource_check");
    }
    resource.stop();
  }

  @Test
  void the_default_database_is_slawatch() throws Exception {
    RealInfraTestResource resource = new RealInfraTestResource();
    resource.init(Map.of());
    assertThat(resource.start())
        .containsEntry("quarkus.datasource.jdbc.url", TestInfra.get().jdbcUrl("slawatch"));
  }

  private static final class ClassLoaderTestSupport {
    static URL url(java.net.URI uri) {
      try {
        return uri.toURL();
      } catch (java.net.MalformedURLException e) {
        throw new IllegalArgumentException(e);
      }
    }
  }
}
