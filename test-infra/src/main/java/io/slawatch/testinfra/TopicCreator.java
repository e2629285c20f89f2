package io.slawatch.testinfra;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Creates topics that do not exist yet and waits until every partition has a leader. */
final class TopicCreator {
  private TopicCreator() {}

  static void create(
      String bootstrapServers, Map<String, Integer> partitionsByTopic, Duration timeout) {
    if (partitionsByTopic.isEmpty()) {
      return;
    }
    Instant deadline = Instant.now().plus(timeout);
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(timeout.toMillis()));
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "slawatch-test-infra");
    try (Admin admin = Admin.create(props)) {
      List<NewTopic> topics =
          partitionsByTopic.entrySet().stream()
              .map(
                  e ->
                      new NewTopic(e.getKey(), e.getValue(), (short) 1)
                          .configs(Topics.config(e.getKey())))
              .toList();
      admin
          .createTopics(topics)
          .values()
          .forEach((topic, result) -> awaitCreated(topic, result, bootstrapServers, deadline));
      awaitLeaders(admin, partitionsByTopic.keySet(), bootstrapServers, deadline);
    }
  }

  private static void awaitCreated(
      String topic,
      org.apache.kafka.common.KafkaFuture<Void> result,
      String bootstrapServers,
      Instant deadline) {
    try {
      result.get(remaining(deadline), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException(
            "could not create topic " + topic + " on " + bootstrapServers, e.getCause());
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "creating topic " + topic + " on " + bootstrapServers + " timed out", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topic " + topic, e);
    }
  }

  private static void awaitLeaders(
      Admin admin, Set<String> topics, String bootstrapServers, Instant deadline) {
    Exception last = null;
    while (Instant.now().isBefore(deadline)) {
      try {
        Map<String, TopicDescription> descriptions =
            admin
                .describeTopics(topics)
                .allTopicNames()
                .get(remaining(deadline), TimeUnit.MILLISECONDS);
        boolean ready =
            descriptions.values().stream()
                .flatMap(d -> d.partitions().stream())
                .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
        if (ready && descriptions.keySet().containsAll(topics)) {
          return;
        }
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
          throw new IllegalStateException(
              "could not describe topics " + topics + " on " + bootstrapServers, e.getCause());
        }
        last = e;
      } catch (TimeoutException e) {
        last = e;
        break;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for topics " + topics, e);
      }
      pause();
    }
    throw new IllegalStateException(
        "topics " + topics + " on " + bootstrapServers + " have no leader for every partition yet",
        last);
  }

  private static long remaining(Instant deadline) {
    return Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
  }

  /** The metadata of a just-created topic reaches the broker within milliseconds; poll briskly. */
  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
