package io.slawatch.contract.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slawatch.core.engagement.Booking;
import io.slawatch.core.engagement.EngagementEvent;
import io.slawatch.core.engagement.EngagementId;
import io.slawatch.core.engagement.EngagementKind;
import io.slawatch.core.event.EventId;
import io.slawatch.core.ticket.CustomerId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Engagement events as CloudEvents 1.0 in structured JSON mode, in the style of ticket events:
 * {@code subject} = engagement id, {@code time} = when it happened, {@code data} holds the type's
 * fields:
 *
 * <ul>
 *   <li>{@code engagement.purchased}: {@code customer}, {@code kind} ({@code remote} or {@code
 *       on_site}), {@code hours} (a whole number), {@code purchased_at} (RFC 3339);
 *   <li>{@code engagement.scheduled}, {@code engagement.rescheduled}: {@code start} (RFC 3339),
 *       {@code duration} (ISO-8601, {@code PT8H});
 *   <li>the others ({@code contact_attempted}, {@code customer_responded}, {@code cancelled},
 *       {@code started}, {@code completed}): an empty {@code data} object.
 * </ul>
 *
 * A booking's {@code data.duration} must be positive and at most a week; for a remote engagement it
 * must also be whole 4-hour blocks. The event alone does not say whether the engagement is remote
 * (its purchase does), so that rule applies when the caller passes the engagement's kind.
 */
public final class EngagementEventCodec {
  /** Every engagement event type of the contract ({@link EngagementEvent#TYPES}). */
  public static final Set<String> TYPES = Set.copyOf(EngagementEvent.TYPES);

  /** The most hours one purchase may hold. */
  public static final int MAX_HOURS = 100_000;

  // what the data fields are checked with when the event's own attributes are invalid
  private static final EventId STAND_IN_ID = new EventId("invalid", "invalid");
  private static final EngagementId STAND_IN_ENGAGEMENT = new EngagementId("invalid");

  private static final Set<String> IDENTIFIERS = Set.of("id", "source", "subject", "data.customer");

  private final ObjectMapper mapper;

  public EngagementEventCodec(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** Whether a CloudEvent type is an engagement event's (so a reader can route a line). */
  public static boolean isEngagementType(String type) {
    return TYPES.contains(type);
  }

  /** Decodes without knowing the engagement's kind (no 4-hour-block rule). */
  public EngagementDecoding decode(byte[] json) {
    return decode(json, Optional.empty());
  }

  /**
   * Decodes an event of an engagement of this kind, when known: a booking of a remote engagement
   * must then be whole 4-hour blocks ({@code data.duration}).
   */
  public EngagementDecoding decode(byte[] json, Optional<EngagementKind> kind) {
    JsonNode node;
    try {
      node = mapper.readTree(json);
    } catch (JsonProcessingException e) {
      return new EngagementDecoding.Invalid(List.of(Limits.unreadable("", e.getOriginalMessage())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return decode(node, kind);
  }

  public EngagementDecoding decode(JsonNode node) {
    return decode(node, Optional.empty());
  }

  public EngagementDecoding decode(JsonNode node, Optional<EngagementKind> kind) {
    if (node == null || !node.isObject()) {
      return new EngagementDecoding.Invalid(List.of(new Violation("", "must be a JSON object")));
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
                    "type",
                    "is not a known engagement event type: " + t + " (known: " + TYPES + ")"));
    Fields data = attrs.nested("data");
    Optional<EngagementEvent> event = Optional.empty();
    if (id.isPresent() && source.isPresent() && subject.isPresent() && time.isPresent()) {
      EventId eventId = new EventId(source.get(), id.get());
      EngagementId engagement = new EngagementId(subject.get());
      event = type.flatMap(t -> data(t, eventId, engagement, time.get(), data));
    } else {
      // the attributes are invalid: the data fields are still checked (and named), on stand-in
      // attributes, and no event is kept
      type.ifPresent(t -> data(t, STAND_IN_ID, STAND_IN_ENGAGEMENT, Instant.EPOCH, data));
    }
    if (!attrs.violations().isEmpty() || event.isEmpty()) {
      return new EngagementDecoding.Invalid(attrs.violations());
    }
    List<Violation> limits = check(event.get(), kind);
    return limits.isEmpty()
        ? new EngagementDecoding.Valid(event.get())
        : new EngagementDecoding.Invalid(limits);
  }

  /**
   * What breaks the {@link Limits} or the booking rules in an event built elsewhere or decoded:
   * identifiers, storable strings, a booking's {@code data.duration} (positive, at most a week,
   * whole 4-hour blocks when {@code kind} is remote), the encoded size. Empty when it may be stored
   * and published.
   */
  public List<Violation> check(EngagementEvent event, Optional<EngagementKind> kind) {
    List<Violation> violations = new ArrayList<>();
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("id", event.eventId().id());
    texts.put("source", event.eventId().source());
    texts.put("subject", event.engagement().value());
    Optional<Duration> duration = Optional.empty();
    switch (event) {
      case EngagementEvent.Purchased p -> texts.put("data.customer", p.customer().value());
      case EngagementEvent.Scheduled s -> duration = Optional.of(s.duration());
      case EngagementEvent.Rescheduled r -> duration = Optional.of(r.duration());
      default -> {}
    }
    for (Map.Entry<String, String> text : texts.entrySet()) {
      boolean identifier = IDENTIFIERS.contains(text.getKey());
      (identifier ? Limits.identifier(text.getValue()) : Limits.text(text.getValue()))
          .ifPresent(problem -> violations.add(new Violation(text.getKey(), problem)));
    }
    duration
        .flatMap(d -> Booking.durationProblem(kind.orElse(EngagementKind.ON_SITE), d))
        .ifPresent(problem -> violations.add(new Violation("data.duration", problem)));
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

  private static Optional<EngagementEvent> data(
      String type, EventId id, EngagementId engagement, Instant time, Fields data) {
    Optional<? extends EngagementEvent> event =
        switch (type) {
          case EngagementEvent.Purchased.TYPE -> {
            Optional<String> customer = data.identifier("customer");
            Optional<EngagementKind> kind =
                data.parsed("kind", EngagementKind::parse, "one of remote, on_site");
            Optional<Integer> hours = data.positiveInt("hours", MAX_HOURS);
            Optional<Instant> purchasedAt = data.instant("purchased_at");
            yield customer.flatMap(
                c ->
                    kind.flatMap(
                        k ->
                            hours.flatMap(
                                h ->
                                    purchasedAt.map(
                                        at ->
                                            new EngagementEvent.Purchased(
                                                id,
                                                engagement,
                                                time,
                                                new CustomerId(c),
                                                k,
                                                h,
                                                at)))));
          }
          case EngagementEvent.Scheduled.TYPE -> {
            Optional<Instant> start = data.instant("start");
            Optional<Duration> duration = data.duration("duration");
            yield start.flatMap(
                s -> duration.map(d -> new EngagementEvent.Scheduled(id, engagement, time, s, d)));
          }
          case EngagementEvent.Rescheduled.TYPE -> {
            Optional<Instant> start = data.instant("start");
            Optional<Duration> duration = data.duration("duration");
            yield start.flatMap(
                s ->
                    duration.map(d -> new EngagementEvent.Rescheduled(id, engagement, time, s, d)));
          }
          case EngagementEvent.ContactAttempted.TYPE ->
              Optional.of(new EngagementEvent.ContactAttempted(id, engagement, time));
          case EngagementEvent.CustomerResponded.TYPE ->
              Optional.of(new EngagementEvent.CustomerResponded(id, engagement, time));
          case EngagementEvent.Cancelled.TYPE ->
              Optional.of(new EngagementEvent.Cancelled(id, engagement, time));
          case EngagementEvent.Started.TYPE ->
              Optional.of(new EngagementEvent.Started(id, engagement, time));
          case EngagementEvent.Completed.TYPE ->
              Optional.of(new EngagementEvent.Completed(id, engagement, time));
          default -> Optional.empty();
        };
    return event.map(e -> (EngagementEvent) e);
  }

  public byte[] encode(EngagementEvent event) {
    ObjectNode node = mapper.createObjectNode();
    node.put("specversion", "1.0");
    node.put("id", event.eventId().id());
    node.put("source", event.eventId().source());
    node.put("type", event.type());
    node.put("subject", event.engagement().value());
    node.put("time", event.occurredAt().toString());
    node.put("datacontenttype", "application/json");
    ObjectNode data = node.putObject("data");
    switch (event) {
      case EngagementEvent.Purchased p -> {
        data.put("customer", p.customer().value());
        data.put("kind", p.kind().wireName());
        data.put("hours", p.hours());
        data.put("purchased_at", p.purchasedAt().toString());
      }
      case EngagementEvent.Scheduled s -> {
        data.put("start", s.start().toString());
        data.put("duration", s.duration().toString());
      }
      case EngagementEvent.Rescheduled r -> {
        data.put("start", r.start().toString());
        data.put("duration", r.duration().toString());
      }
      case EngagementEvent.ContactAttempted a -> {}
      case EngagementEvent.CustomerResponded r -> {}
      case EngagementEvent.Cancelled c -> {}
      case EngagementEvent.Started s -> {}
      case EngagementEvent.Completed c -> {}
    }
    try {
      return mapper.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode " + event, e);
    }
  }
}
