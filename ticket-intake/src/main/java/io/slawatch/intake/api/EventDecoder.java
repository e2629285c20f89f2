package io.slawatch.intake.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slawatch.contract.json.Decoding;
import io.slawatch.contract.json.EngagementDecoding;
import io.slawatch.contract.json.EngagementEventCodec;
import io.slawatch.contract.json.Limits;
import io.slawatch.contract.json.TicketEventCodec;
import io.slawatch.contract.json.Violation;
import io.slawatch.core.engagement.EngagementEvent;
import io.slawatch.core.event.TicketEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Decodes a CloudEvent sent to the events API as what its {@code type} says it is: an engagement
 * event ({@code engagement.*}, {@link EngagementEventCodec}) or a ticket event ({@link
 * TicketEventCodec}, which also names an unknown type).
 */
@ApplicationScoped
public class EventDecoder {
  private final ObjectMapper mapper;
  private final TicketEventCodec tickets;
  private final EngagementEventCodec engagements;

  EventDecoder(ObjectMapper mapper, TicketEventCodec tickets, EngagementEventCodec engagements) {
    this.mapper = mapper;
    this.tickets = tickets;
    this.engagements = engagements;
  }

  /** A decoded event: a ticket's, an engagement's, or every violation found. */
  public sealed interface Decoded {
    record Ticket(TicketEvent event) implements Decoded {}

    record Engagement(EngagementEvent event) implements Decoded {}

    record Invalid(List<Violation> violations) implements Decoded {}
  }

  /** Decodes a structured-mode body. */
  public Decoded decode(byte[] json) {
    JsonNode node;
    try {
      node = mapper.readTree(json);
    } catch (JsonProcessingException e) {
      return new Decoded.Invalid(List.of(Limits.unreadable("", e.getOriginalMessage())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return decode(node);
  }

  public Decoded decode(JsonNode node) {
    if (node != null
        && node.isObject()
        && EngagementEventCodec.isEngagementType(node.path("type").asText(""))) {
      return switch (engagements.decode(node)) {
        case EngagementDecoding.Valid valid -> new Decoded.Engagement(valid.event());
        case EngagementDecoding.Invalid invalid -> new Decoded.Invalid(invalid.violations());
      };
    }
    return switch (tickets.decode(node)) {
      case Decoding.Valid valid -> new Decoded.Ticket(valid.event());
      case Decoding.Invalid invalid -> new Decoded.Invalid(invalid.violations());
    };
  }
}
