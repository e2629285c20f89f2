package io.slawatch.contract.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slawatch.core.alert.AlertKind;
import io.slawatch.core.alert.ClockKind;
import io.slawatch.core.alert.EndReason;
import io.slawatch.core.alert.SlaAlert;
import io.slawatch.core.ticket.CustomerId;
import io.slawatch.core.ticket.Priority;
import io.slawatch.core.ticket.TicketId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * SLA alerts as CloudEvents 1.0 (structured JSON): {@code id} = the alert's deterministic id,
 * {@code type} = {@code sla.<kind>}, {@code subject} = ticket id, {@code time} = firing instant.
 */
public final class SlaAlertCodec {
  public static final String SOURCE = "/slawatch/sla-timer";

  private final ObjectMapper mapper;

  public SlaAlertCodec(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public byte[] encode(SlaAlert alert) {
    ObjectNode node = mapper.createObjectNode();
    node.put("specversion", "1.0");
    node.put("id", alert.id());
    node.put("source", SOURCE);
    node.put("type", alert.kind().type());
    node.put("subject", alert.ticket().value());
    node.put("time", alert.firedAt().toString());
    node.put("datacontenttype", "application/json");
    ObjectNode data = node.putObject("data");
    data.put("ticket", alert.ticket().value());
    data.put("customer", alert.customer().value());
    data.put("plan", alert.plan());
    data.put("priority", alert.priority().name());
    data.put("clock", alert.clock().wireName());
    data.put("cycle", alert.cycle());
    data.put("target", alert.target().toString());
    data.put("due", alert.due().toString());
    alert.threshold().ifPresent(t -> data.put("threshold", t));
    alert.metAt().ifPresent(t -> data.put("met_at", t.toString()));
    alert.elapsed().ifPresent(e -> data.put("elapsed", e.toString()));
    alert.reason().ifPresent(r -> data.put("reason", r.wireName()));
    alert.terms().ifPresent(t -> data.put("terms", t));
    if (!alert.flags().isEmpty()) {
      alert.flags().forEach(data.putArray("flags")::add);
    }
    alert.ticketUrl().ifPresent(u -> data.put("ticket_url", u.toString()));
    try {
      return mapper.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Decodes an alert this codec encoded; a malformed one is a bug upstream, hence an exception. */
  public SlaAlert decode(byte[] json) {
    try {
      JsonNode node = mapper.readTree(json);
      JsonNode data = node.required("data");
      return new SlaAlert(
          AlertKind.ofType(node.required("type").asText()),
          new TicketId(data.required("ticket").asText()),
          new CustomerId(data.required("customer").asText()),
          data.required("plan").asText(),
          Priority.valueOf(data.required("priority").asText()),
          ClockKind.ofWireName(data.required("clock").asText()),
          data.required("cycle").asInt(),
          Duration.parse(data.required("target").asText()),
          Instant.parse(data.required("due").asText()),
          Instant.parse(node.required("time").asText()),
          Optional.ofNullable(data.get("threshold")).map(JsonNode::asDouble),
          Optional.ofNullable(data.get("met_at")).map(n -> Instant.parse(n.asText())),
          Optional.ofNullable(data.get("elapsed")).map(n -> Duration.parse(n.asText())),
          Optional.ofNullable(data.get("reason")).map(n -> EndReason.ofWireName(n.asText())),
          Optional.ofNullable(data.get("terms")).map(JsonNode::asText),
          flags(data.get("flags")),
          Optional.ofNullable(data.get("ticket_url")).map(n -> URI.create(n.asText())));
    } catch (IOException e) {
      throw new UncheckedIOException("not an SLA alert CloudEvent", e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not an SLA alert CloudEvent: " + e.getMessage(), e);
    }
  }

  private static Set<String> flags(JsonNode array) {
    Set<String> flags = new TreeSet<>();
    if (array != null) {
      array.forEach(flag -> flags.add(flag.asText()));
    }
    return flags;
  }
}
