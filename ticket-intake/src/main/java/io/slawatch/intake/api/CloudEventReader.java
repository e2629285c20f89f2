package io.slawatch.intake.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slawatch.contract.json.Limits;
import io.slawatch.contract.json.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the three HTTP forms of CloudEvents 1.0 into structured-mode JSON objects: structured
 * ({@code application/cloudevents+json}), binary ({@code ce-*} headers, the body is {@code data})
 * and batch ({@code application/cloudevents-batch+json}, a JSON array).
 */
@ApplicationScoped
public class CloudEventReader {
  public static final int MAX_BATCH = 1000;

  private final ObjectMapper mapper;

  CloudEventReader(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** A parsed request body: the events, or what is wrong with the body as a whole. */
  public sealed interface Body {
    record Events(List<JsonNode> events) implements Body {}

    record Unreadable(Violation violation) implements Body {}
  }

  public Body binary(MultivaluedMap<String, String> headers, byte[] body) {
    ObjectNode event = mapper.createObjectNode();
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (name.startsWith("ce-") && !header.getValue().isEmpty()) {
        event.put(name.substring(3), header.getValue().getFirst());
      }
    }
    event.put("datacontenttype", "application/json");
    try {
      event.set("data", body.length == 0 ? null : mapper.readTree(body));
    } catch (JsonProcessingException e) {
      return new Body.Unreadable(Limits.unreadable("data", e.getOriginalMessage()));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return new Body.Events(List.of(event));
  }

  public Body batch(byte[] body) {
    JsonNode array;
    try {
      array = mapper.readTree(body);
    } catch (JsonProcessingException e) {
      return new Body.Unreadable(Limits.unreadable("", e.getOriginalMessage()));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    if (array == null || !array.isArray()) {
      return new Body.Unreadable(new Violation("", "must be a JSON array of CloudEvents"));
    }
    if (array.isEmpty()) {
      return new Body.Unreadable(new Violation("", "must hold at least one event"));
    }
    if (array.size() > MAX_BATCH) {
      return new Body.Unreadable(
          new Violation("", "holds " + array.size() + " events; at most " + MAX_BATCH));
    }
    List<JsonNode> events = new ArrayList<>(array.size());
    array.forEach(events::add);
    return new Body.Events(events);
  }
}
