package io.slawatch.contract.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slawatch.core.event.EventId;
import io.slawatch.core.event.TicketEvent;
import io.slawatch.core.ticket.CustomerId;
import io.slawatch.core.ticket.Priority;
import io.slawatch.core.ticket.TicketId;
import io.slawatch.core.ticket.TicketStatus;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Ticket events as CloudEvents 1.0 in structured JSON mode: {@code subject} = ticket id, {@code
 * time} = when it happened in the helpdesk, {@code data} holds the type's fields.
 */
public final class TicketEventCodec {
  /** Every ticket event type of the contract ({@link TicketEvent#TYPES}). */
  public static final Set<String> TYPES = Set.copyOf(TicketEvent.TYPES);

  private final ObjectMapper mapper;

  public TicketEventCodec(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public Decoding decode(byte[] json) {
    JsonNode node;
    try {
      node = mapper.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return new Decoding.Invalid(List.of(Limits.unreadable("", e.getOriginalMessage())));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return decode(node);
  }

  public Decoding decode(JsonNode node) {
    if (node == null || !node.isObject()) {
      return new Decoding.Invalid(List.of(new Violation("", "must be a JSON object")));
    }
    Fields attrs = Fields.of(node);
    attrs.violations().addAll(Limits.strings(node));
    attrs
        .text("specversion")
        .filter(v -> !v.equals("1.0"))
        .ifPresent(v -> attrs.violation("specversion", "must be \"1.0\" (was \"" + v + "\")"));
    Optional<String> id = attrs.identifier("id");
    Optional<String> source = attrs.identifier("source");
    Optional<String> type = attrs.text("type");
    Optional<String> subject = attrs.identifier("subject");
    Optional<Instant> time = attrs.instant("time");
    attrs
        .optionalText("datacontenttype")
        .filter(ct -> !ct.startsWith("application/json"))
        .ifPresent(ct -> attrs.violation("datacontenttype", "must be application/json"));
    type.filter(t -> !TYPES.contains(t))
        .ifPresent(
            t ->
                attrs.violation(
                    "type", "is not a known ticket event type: " + t + " (known: " + TYPES + ")"));
    Fields data = attrs.nested("data");
    Optional<TicketEvent> event = Optional.empty();
    if (id.isPresent() && source.isPresent() && subject.isPresent() && time.isPresent()) {
      EventId eventId = new EventId(source.get(), id.get());
      TicketId ticket = new TicketId(subject.get());
      event = type.flatMap(t -> data(t, eventId, ticket, time.get(), data));
    } else {
      type.ifPresent(t -> data(t, null, null, null, data));
    }
    if (!attrs.violations().isEmpty() || event.isEmpty()) {
      return new Decoding.Invalid(attrs.violations());
    }
    List<Violation> limits = check(event.get());
    return limits.isEmpty() ? new Decoding.Valid(event.get()) : new Decoding.Invalid(limits);
  }

  /**
   * What breaks the {@link Limits} in an event built elsewhere (a webhook adapter's) or decoded:
   * identifiers too long or with control characters, strings that cannot be stored, an encoded
   * record over {@link Limits#MAX_RECORD_BYTES} (naming its longest field). Empty when it may be
   * stored and published.
   */
  public List<Violation> check(TicketEvent event) {
    List<Violation> violations = new ArrayList<>();
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("id", event.eventId().id());
    texts.put("source", event.eventId().source());
    texts.put("subject", event.ticket().value());
    switch (event) {
      case TicketEvent.Created c -> {
        texts.put("data.customer", c.customer().value());
        c.plan().ifPresent(p -> texts.put("data.plan", p));
        texts.put("data.channel", c.channel());
        texts.put("data.requester", c.requester());
        int i = 0;
        for (String flag : c.flags()) {
          texts.put("data.flags[" + i++ + "]", flag);
        }
        c.url().ifPresent(u -> texts.put("data.url", u.toString()));
      }
      case TicketEvent.PlanChanged p -> texts.put("data.plan", p.plan());
      default -> {}
    }
    for (Map.Entry<String, String> text : texts.entrySet()) {
      boolean identifier = IDENTIFIERS.contains(text.getKey());
      (identifier ? Limits.identifier(text.getValue()) : Limits.text(text.getValue()))
          .ifPresent(problem -> violations.add(new Violation(text.getKey(), problem)));
    }
    if (violations.isEmpty()) {
      int bytes = encode(event).length;
      if (bytes > Limits.MAX_RECORD_BYTES) {
        String longest =
            texts.entrySet().stream()
                .max(Comparator.comparingInt(e -> e.getValue().length()))
                .map(Map.Entry::getKey)
                .orElse("");
        violations.add(
            new Violation(
                longest,
                "makes the event "
                    + bytes
                    + " bytes long; an event may be at most "
                    + Limits.MAX_RECORD_BYTES
                    + " bytes"));
      }
    }
    return violations;
  }

  private static final Set<String> IDENTIFIERS = Set.of("id", "source", "subject", "data.customer");

  private static Optional<TicketEvent> data(
      String type, EventId id, TicketId ticket, Instant time, Fields data) {
    Optional<? extends TicketEvent> event =
        switch (type) {
          case TicketEvent.Created.TYPE -> {
            Optional<String> customer = data.identifier("customer");
            Optional<Priority> priority =
                data.parsed("priority", Priority::parse, "one of P1, P2, P3, P4");
            Optional<String> plan = data.optionalText("plan");
            Optional<TicketStatus> status =
                data.optionalParsed("status", TicketStatus::parse, statusNames());
            Optional<String> channel = data.optionalText("channel");
            Optional<String> requester = data.optionalText("requester");
            Set<String> flags = data.optionalTexts("flags");
            Optional<URI> url = data.optionalUrl("url");
            yield customer.flatMap(
                c ->
                    priority.map(
                        p ->
                            new TicketEvent.Created(
                                id,
                                ticket,
                                time,
                                new CustomerId(c),
                                p,
                                plan,
                                status.orElse(TicketStatus.NEW),
                                channel.orElse("unknown"),
                                requester.orElse(""),
                                flags,
                                url)));
          }
          case TicketEvent.CustomerReplied.TYPE ->
              Optional.of(new TicketEvent.CustomerReplied(id, ticket, time));
          case TicketEvent.AgentReplied.TYPE ->
              data.bool("public").map(p -> new TicketEvent.AgentReplied(id, ticket, time, p));
          case TicketEvent.StatusChanged.TYPE ->
              data.parsed("status", TicketStatus::parse, statusNames())
                  .map(s -> new TicketEvent.StatusChanged(id, ticket, time, s));
          case TicketEvent.PriorityChanged.TYPE ->
              data.parsed("priority", Priority::parse, "one of P1, P2, P3, P4")
                  .map(p -> new TicketEvent.PriorityChanged(id, ticket, time, p));
          case TicketEvent.PlanChanged.TYPE ->
              data.text("plan").map(p -> new TicketEvent.PlanChanged(id, ticket, time, p));
          case TicketEvent.Milestone.TYPE ->
              data.milestoneName("name").map(n -> new TicketEvent.Milestone(id, ticket, time, n));
          default -> Optional.empty();
        };
    // the attributes were invalid: fields were checked, but no event is built
    return id == null ? Optional.empty() : event.map(e -> (TicketEvent) e);
  }

  private static String statusNames() {
    return "one of new, open, pending, on_hold, solved, closed";
  }

  public byte[] encode(TicketEvent event) {
    ObjectNode node = mapper.createObjectNode();
    node.put("specversion", "1.0");
    node.put("id", event.eventId().id());
    node.put("source", event.eventId().source());
    node.put("type", event.type());
    node.put("subject", event.ticket().value());
    node.put("time", event.occurredAt().toString());
    node.put("datacontenttype", "application/json");
    ObjectNode data = node.putObject("data");
    switch (event) {
      case TicketEvent.Created c -> {
        data.put("customer", c.customer().value());
        data.put("priority", c.priority().name());
        c.plan().ifPresent(p -> data.put("plan", p));
        data.put("status", c.status().wireName());
        data.put("channel", c.channel());
        if (!c.requester().isBlank()) {
          data.put("requester", c.requester());
        }
        if (!c.flags().isEmpty()) {
          c.flags().forEach(data.putArray("flags")::add);
        }
        c.url().ifPresent(u -> data.put("url", u.toString()));
      }
      case TicketEvent.CustomerReplied r -> {}
      case TicketEvent.AgentReplied r -> data.put("public", r.isPublic());
      case TicketEvent.StatusChanged s -> data.put("status", s.status().wireName());
      case TicketEvent.PriorityChanged p -> data.put("priority", p.priority().name());
      case TicketEvent.PlanChanged p -> data.put("plan", p.plan());
      case TicketEvent.Milestone m -> data.put("name", m.name());
    }
    try {
      return mapper.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode " + event, e);
    }
  }
}
