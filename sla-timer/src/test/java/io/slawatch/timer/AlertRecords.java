package io.slawatch.timer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Alerts read off {@code sla.alerts.v1} as JSON, to assert on their fields (not on substrings). */
final class AlertRecords {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private AlertRecords() {}

  /** The alert CloudEvent a record carries. */
  static JsonNode json(ConsumerRecord<String, String> record) {
    try {
      return MAPPER.readTree(record.value());
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("not a JSON alert: " + record.value(), e);
    }
  }

  /** Whether the record is an alert of this type about this ticket (keyed by it). */
  static boolean is(ConsumerRecord<String, String> record, String ticket, String type) {
    return ticket.equals(record.key()) && type.equals(json(record).path("type").asText());
  }
}
