package io.slawatch.testinfra;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what is published on a topic from the moment it is opened (all partitions, no consumer
 * group), so a test can await records instead of sleeping.
 */
public final class TopicProbe implements AutoCloseable {
  private final KafkaConsumer<String, String> consumer;
  private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

  private TopicProbe(KafkaConsumer<String, String> consumer) {
    this.consumer = consumer;
  }

  /** Starts reading {@code topic} at its current end. */
  public static TopicProbe atEnd(String bootstrapServers, String topic) {
    return open(bootstrapServers, topic, true);
  }

  /** Reads {@code topic} from its first record. */
  public static TopicProbe fromBeginning(String bootstrapServers, String topic) {
    return open(bootstrapServers, topic, false);
  }

  private static TopicProbe open(String bootstrapServers, String topic, boolean atEnd) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    consumer.assign(partitions);
    if (atEnd) {
      consumer.seekToEnd(partitions);
    } else {
      consumer.seekToBeginning(partitions);
    }
    partitions.forEach(consumer::position); // resolve the end offsets now, not at the first poll
    return new TopicProbe(consumer);
  }

  /** Everything read so far. */
  public List<ConsumerRecord<String, String>> seen() {
    return List.copyOf(seen);
  }

  /** Polls until {@code count} records match, and returns them; fails after {@code timeout}. */
  public List<ConsumerRecord<String, String>> await(
      Predicate<ConsumerRecord<String, String>> match, int count, Duration timeout) {
    return awaitUntil(match, matching -> matching.size() >= count, count + " record(s)", timeout);
  }

  /**
   * Reads until the matching records satisfy {@code done} (e.g. "every ticket seen at least once",
   * duplicates allowed) and returns them; fails after the timeout, saying what was expected.
   */
  public List<ConsumerRecord<String, String>> awaitUntil(
      Predicate<ConsumerRecord<String, String>> match,
      Predicate<List<ConsumerRecord<String, String>>> done,
      String expected,
      Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      List<ConsumerRecord<String, String>> matching = seen.stream().filter(match).toList();
      if (done.test(matching)) {
        return matching;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "expected "
                + expected
                + " within "
                + timeout
                + ", got "
                + matching.size()
                + " matching record(s); the first 50 records seen: "
                + seen.stream().limit(50).map(r -> r.key() + "=" + r.value()).toList());
      }
      consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
    }
  }

  /** Polls for {@code duration} and returns what matched: for asserting that nothing came. */
  public List<ConsumerRecord<String, String>> during(
      Predicate<ConsumerRecord<String, String>> match, Duration duration) {
    Instant end = Instant.now().plus(duration);
    while (Instant.now().isBefore(end)) {
      consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
    }
    return seen.stream().filter(match).toList();
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(2));
  }
}
