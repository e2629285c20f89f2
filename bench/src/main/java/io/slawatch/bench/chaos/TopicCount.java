package io.slawatch.bench.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads {@code ticket.events.v1} to its end and counts the run's events found more than once. */
final class TopicCount {
  private static final String TOPIC = "ticket.events.v1";
  private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

  private TopicCount() {}

  static long publishedTwice(String bootstrapServers, String run) {
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrapServers);
    props.put("enable.auto.commit", "false");
    props.put("max.poll.records", "5000");
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(TOPIC).stream()
              .map(p -> new TopicPartition(TOPIC, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      Map<String, Integer> seen = new HashMap<>();
      Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
          && Instant.now().isBefore(deadline)) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          Matcher id = ID.matcher(record.value() == null ? "" : record.value());
          if (id.find() && id.group(1).startsWith(run + "-")) {
            seen.merge(id.group(1), 1, Integer::sum);
          }
        }
      }
      return seen.values().stream().mapToLong(n -> n - 1).sum();
    } catch (RuntimeException e) {
      ChaosSuite.say("could not read " + TOPIC + ": " + e.getMessage());
      return -1;
    }
  }
}
