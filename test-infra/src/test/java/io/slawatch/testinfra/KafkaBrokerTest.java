package io.slawatch.testinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {
  private static KafkaBroker broker;

  @BeforeAll
  static void startBroker() {
    Instant start = Instant.now();
    broker = KafkaBroker.start(BuildDirs.fresh("kafka-broker-test"), 0);
    System.out.println(
        "broker "
            + broker
            + " ready in "
            + Duration.between(start, Instant.now()).toMillis()
            + " ms");
  }

  @AfterAll
  static void stopBroker() {
    long pid = broker.pid();
    broker.close();
    assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
        .as("broker process after close()")
        .isEmpty();
  }

  @Test
  void the_broker_listens_on_loopback_in_a_child_jvm_of_its_own() {
    assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + broker.port());
    assertThat(broker.pid()).isNotEqualTo(ProcessHandle.current().pid());
    assertThat(ProcessHandle.of(broker.pid()).flatMap(p -> p.info().commandLine()))
        .hasValueSatisfying(cmd -> assertThat(cmd).contains("io.slawatch.broker.BrokerMain"));
    assertThat(broker.logFile()).content().contains(KafkaBroker.READY_LINE);
  }

  @Test
  void the_broker_runs_the_kafka_version_the_parent_pom_declares() throws Exception {
    Properties images = new Properties();
    try (var in = TestInfra.class.getResourceAsStream("images.properties")) {
      images.load(in); // kafka=apache/kafka:${kafka.broker.version} of the parent pom
    }
    String version = images.getProperty("kafka").substring("apache/kafka:".length());
    assertThat(KafkaBroker.brokerClasspath()).contains("/kafka_2.13-" + version + ".jar");
    assertThat(broker.logFile()).content().contains("Kafka version: " + version);
  }

  @Test
  void the_canonical_topics_are_created_with_their_partition_counts_and_again_without_harm()
      throws Exception {
    broker.createTopics(Topics.all());
    broker.createTopics(Topics.all()); // idempotent

    try (Admin admin = admin()) {
      Map<String, TopicDescription> topics =
          admin.describeTopics(Topics.all().keySet()).allTopicNames().get();
      Map<String, Integer> partitions =
          topics.values().stream()
              .collect(Collectors.toMap(TopicDescription::name, d -> d.partitions().size()));
      assertThat(partitions)
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(
                  "ticket.events.v1", 6,
                  "sla.alerts.v1", 3,
                  "ticket.inbound.v1", 6,
                  "ticket.inbound.dlq.v1", 3,
                  "customer.events.v1", 3,
                  "sla.alerts.dlq.v1", 3,
                  "ticket.events.dlq.v1", 3));
      assertThat(topics.values())
          .allSatisfy(
              d -> assertThat(d.partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(1)));
    }
  }

  @Test
  void a_record_produced_is_consumed_back_by_a_consumer_group() throws Exception {
    String topic = "roundtrip." + UUID.randomUUID();
    broker.createTopics(Map.of(topic, 3));
    String key = "ticket-" + UUID.randomUUID();

    RecordMetadata sent;
    try (KafkaProducer<String, String> producer = producer()) {
      sent = producer.send(new ProducerRecord<>(topic, key, "{\"type\":\"created\"}")).get();
    }

    List<ConsumerRecord<String, String>> received = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = consumer("roundtrip-" + UUID.randomUUID())) {
      consumer.subscribe(List.of(topic));
      Instant deadline = Instant.now().plusSeconds(30);
      while (received.isEmpty() && Instant.now().isBefore(deadline)) {
        consumer.poll(Duration.ofMillis(200)).forEach(received::add);
      }
    }
    assertThat(received)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.key()).isEqualTo(key);
              assertThat(r.value()).isEqualTo("{\"type\":\"created\"}");
              assertThat(r.partition()).isEqualTo(sent.partition());
              assertThat(r.offset()).isEqualTo(sent.offset());
            });
  }

  private static Admin admin() {
    return Admin.create(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, (Object) broker.bootstrapServers()));
  }

  private static KafkaProducer<String, String> producer() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    return new KafkaProducer<>(props);
  }

  private static KafkaConsumer<String, String> consumer(String group) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    return new KafkaConsumer<>(props);
  }
}
