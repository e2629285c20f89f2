package io.slawatch.service.messaging;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The headers of a dead-lettered record, the same on every dead-letter topic: why it was refused
 * ({@code dead-letter-reason}) and where it came from ({@code dead-letter-topic}, {@code
 * -partition}, {@code -offset}).
 */
public final class DeadLetters {
  private DeadLetters() {}

  public static RecordHeaders headers(ConsumerRecord<?, ?> record, String reason) {
    RecordHeaders headers = new RecordHeaders();
    headers.add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
    headers.add("dead-letter-topic", record.topic().getBytes(StandardCharsets.UTF_8));
    headers.add(
        "dead-letter-partition",
        Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
    headers.add(
        "dead-letter-offset", Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
    return headers;
  }
}
