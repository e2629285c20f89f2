package io.slawatch.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slawatch.contract.json.Decoding;
import io.slawatch.contract.json.Limits;
import io.slawatch.contract.json.TicketEventCodec;
import io.slawatch.contract.json.Violation;
import io.slawatch.core.event.TicketEvent;
import io.slawatch.core.plan.SupportPlan;
import io.slawatch.core.ticket.Priority;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code slawatch simulate}'s input: one ticket event CloudEvent a line, decoded by the contract's
 * {@link TicketEventCodec}. The one thing the command line adds: a priority may be written in the
 * plan's own words ({@code urgent}, {@code S1}, {@code 1}), put in canonical form (P1..P4) before
 * the codec reads the event.
 */
final class TicketEventLines {
  private static final String PRIORITY = "data.priority";

  private final ObjectMapper mapper;
  private final TicketEventCodec codec;
  private final Function<Optional<String>, SupportPlan> planFor;

  /** {@code planFor} gives the plan whose words apply (the event's plan, or the default). */
  TicketEventLines(ObjectMapper mapper, Function<Optional<String>, SupportPlan> planFor) {
    this.mapper = mapper;
    this.codec = new TicketEventCodec(mapper);
    this.planFor = planFor;
  }

  /** The event on this line, or every offending field. */
  Decoding read(String line) {
    JsonNode node;
    try {
      node = mapper.readTree(line);
    } catch (JsonProcessingException e) {
      return new Decoding.Invalid(List.of(Limits.unreadable("", e.getOriginalMessage())));
    }
    Optional<Violation> notInPlanWords = canonicalPriority(node);
    Decoding decoded = codec.decode(node);
    if (notInPlanWords.isEmpty() || !(decoded instanceof Decoding.Invalid invalid)) {
      return decoded;
    }
    // say which plan's words were expected, not only P1..P4
    return new Decoding.Invalid(
        invalid.violations().stream()
            .map(v -> v.field().equals(PRIORITY) ? notInPlanWords.get() : v)
            .toList());
  }

  /** The violations in one line, each with its field: {@code data.url: must be ...; id: ...}. */
  static String describe(List<Violation> violations) {
    return violations.stream()
        .map(v -> v.field().isEmpty() ? v.message() : v.field() + ": " + v.message())
        .collect(Collectors.joining("; "));
  }

  /**
   * Rewrites the priority of a {@code ticket.created} (in its own plan's words, else the default
   * plan's) or a {@code ticket.priority_changed} (the default plan's) to P1..P4; the violation when
   * the plan has no such word.
   */
  private Optional<Violation> canonicalPriority(JsonNode node) {
    if (!(node instanceof ObjectNode event)
        || !(event.get("data") instanceof ObjectNode data)
        || data.get("priority") == null
        || !data.get("priority").isTextual()) {
      return Optional.empty();
    }
    String type = event.path("type").asText();
    Optional<String> planName;
    if (type.equals(TicketEvent.Created.TYPE)) {
      planName =
          Optional.ofNullable(data.get("plan")).filter(JsonNode::isTextual).map(JsonNode::asText);
    } else if (type.equals(TicketEvent.PriorityChanged.TYPE)) {
      planName = Optional.empty();
    } else {
      return Optional.empty();
    }
    SupportPlan plan = planFor.apply(planName);
    String word = data.get("priority").asText();
    Optional<Priority> priority = plan.priorityOf(word);
    if (priority.isEmpty()) {
      return Optional.of(
          new Violation(PRIORITY, "\"" + word + "\" is not a priority of plan " + plan.name()));
    }
    data.put("priority", priority.get().name());
    return Optional.empty();
  }
}
