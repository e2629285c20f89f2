package io.slawatch.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads an alert topic from its end: each alert of the run (its subject starts with the run's
 * name), with its lateness (the record's Kafka timestamp minus the alert's {@code time}), by the
 * subject's prefix (the part before its last {@code -}).
 */
final class AlertListener implements AutoCloseable {
  private static final Pattern SUBJECT = Pattern.compile("\"subject\":\"([^\"]+)\"");
  private static final Pattern TIME = Pattern.compile("\"time\":\"([^\"]+)\"");

  private final Map<String, List<Double>> latenessByPrefix = new ConcurrentHashMap<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread thread;
  private final String run;

  AlertListener(String bootstrap, String topic, String run) throws InterruptedException {
    this.run = run;
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrap);
    props.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
    props.put("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
    props.put("enable.auto.commit", "false");
    props.put("max.poll.records", "5000");
    KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position); // resolve the end now, before any timer is written
    var ready = new java.util.concurrent.CountDownLatch(1);
    thread =
        Thread.ofPlatform()
            .name("alert-listener")
            .start(
                () -> {
                  try (consumer) {
                    ready.countDown();
                    while (running.get()) {
                      for (ConsumerRecord<String, String> record :
                          consumer.poll(Duration.ofMillis(100))) {
                        accept(record);
                      }
                    }
                  }
                });
    ready.await();
  }

  private void accept(ConsumerRecord<String, String> record) {
    String value = record.value();
    Matcher subject = SUBJECT.matcher(value);
    Matcher time = TIME.matcher(value);
    if (!subject.find() || !subject.group(1).startsWith(run) || !time.find()) {
      return;
    }
    String ticket = subject.group(1);
    String prefix = ticket.substring(0, ticket.lastIndexOf('-'));
    double late = record.timestamp() - Instant.parse(time.group(1)).toEpochMilli();
    latenessByPrefix
        .computeIfAbsent(prefix, p -> java.util.Collections.synchronizedList(new ArrayList<>()))
        .add(late);
  }

  List<Double> await(String prefix, int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Double> seen = latenessByPrefix.getOrDefault(prefix, List.of());
    while (System.nanoTime() < deadline) {
      seen = latenessByPrefix.getOrDefault(prefix, List.of());
      if (seen.size() >= count) {
        break;
      }
      Thread.sleep(100); // polling a counter the listener thread fills
    }
    if (seen.size() < count) {
      System.out.println(
          "[bench] " + "only %d of %d alerts within %s".formatted(seen.size(), count, timeout));
    }
    synchronized (seen) {
      return new ArrayList<>(seen);
    }
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    thread.join();
  }
}
