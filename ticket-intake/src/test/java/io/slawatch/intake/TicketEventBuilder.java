package io.slawatch.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slawatch.contract.json.TicketEventCodec;
import io.slawatch.core.event.EventId;
import io.slawatch.core.event.TicketEvent;
import io.slawatch.core.ticket.CustomerId;
import io.slawatch.core.ticket.Priority;
import io.slawatch.core.ticket.TicketId;
import io.slawatch.core.ticket.TicketStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A new ticket for tests, sent as the CloudEvent the codec writes (never hand-written JSON): by
 * default {@code c-<ticket>} from {@code helpdesk/test}, customer {@code acme}, P3, at
 * 2026-11-24T10:00:00Z, no channel, requester or plan (what intake reads when they are absent).
 */
public final class TicketEventBuilder {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final TicketEventCodec CODEC = new TicketEventCodec(MAPPER);

  private final String ticket;
  private String id;
  private String source = "helpdesk/test";
  private Instant at = Instant.parse("2026-11-24T10:00:00Z");
  private String customer = "acme";
  private Priority priority = Priority.P3;
  private String channel = "unknown";
  private String requester = "";
  private final Map<String, String> attributes = new LinkedHashMap<>();

  private TicketEventBuilder(String ticket) {
    this.ticket = ticket;
    this.id = "c-" + ticket;
  }

  /** A {@code ticket.created} event of this ticket. */
  public static TicketEventBuilder created(String ticket) {
    return new TicketEventBuilder(ticket);
  }

  public TicketEventBuilder id(String id) {
    this.id = id;
    return this;
  }

  public TicketEventBuilder source(String source) {
    this.source = source;
    return this;
  }

  /** When it happened in the helpdesk (ISO-8601 instant). */
  public TicketEventBuilder at(String instant) {
    this.at = Instant.parse(instant);
    return this;
  }

  public TicketEventBuilder customer(String customer) {
    this.customer = customer;
    return this;
  }

  public TicketEventBuilder priority(Priority priority) {
    this.priority = priority;
    return this;
  }

  public TicketEventBuilder channel(String channel) {
    this.channel = channel;
    return this;
  }

  public TicketEventBuilder requester(String requester) {
    this.requester = requester;
    return this;
  }

  /**
   * An attribute of the written CloudEvent replaced by this text, for a test of how intake reads
   * what the codec itself never writes (a time with an offset, say).
   */
  public TicketEventBuilder attribute(String name, String text) {
    attributes.put(name, text);
    return this;
  }

  public TicketEvent.Created build() {
    return new TicketEvent.Created(
        new EventId(source, id),
        new TicketId(ticket),
        at,
        new CustomerId(customer),
        priority,
        Optional.empty(),
        TicketStatus.NEW,
        channel,
        requester,
        Set.of());
  }

  /** The event as the codec writes it (a structured-mode CloudEvent). */
  public String json() {
    byte[] encoded = CODEC.encode(build());
    if (attributes.isEmpty()) {
      return new String(encoded, StandardCharsets.UTF_8);
    }
    try {
      ObjectNode node = (ObjectNode) MAPPER.readTree(encoded);
      attributes.forEach(node::put);
      return MAPPER.writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Events as a batch ({@code application/cloudevents-batch+json}). */
  public static String batch(String... events) {
    return "[" + String.join(",", events) + "]";
  }
}
