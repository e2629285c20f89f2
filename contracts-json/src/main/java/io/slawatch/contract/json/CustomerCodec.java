package io.slawatch.contract.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slawatch.core.calendar.CalendarReader;
import io.slawatch.core.config.ConfigException;
import io.slawatch.core.customer.Customer;
import io.slawatch.core.ticket.CustomerId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Customer records as JSON: the body of {@code /api/v1/customers} and the {@code data} of the
 * {@code customer.upserted} CloudEvents on the compacted {@code customer.events.v1} topic (key =
 * customer id). Decoding checks every field, the calendar with the sla-core calendar rules.
 */
public final class CustomerCodec {
  public static final String TYPE = "customer.upserted";
  public static final String SOURCE = "/slawatch/ticket-intake/customers";

  private static final Set<String> FIELDS =
      Set.of(
          "id",
          "name",
          "plan",
          "zone",
          "calendar",
          "language",
          "premium_contacts",
          "designated_engineer",
          "region",
          "us_persons_only",
          "report_recipients");

  /** The most report recipients a customer may have. */
  public static final int MAX_REPORT_RECIPIENTS = 20;

  /** An e-mail address as a report recipient: local@domain, no spaces, angle brackets or commas. */
  private static final java.util.regex.Pattern ADDRESS =
      java.util.regex.Pattern.compile(
          "[^\\s@<>,;\"]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z0-9-]{2,63}");

  private final ObjectMapper mapper;
  private final CalendarReader calendars;

  public CustomerCodec(ObjectMapper mapper, CalendarReader calendars) {
    this.mapper = mapper;
    this.calendars = calendars;
  }

  /** A decoded customer, or every violation found. */
  public sealed interface Result {
    record Valid(Customer customer) implements Result {}

    record Invalid(List<Violation> violations) implements Result {
      public Invalid {
        violations = List.copyOf(violations);
      }
    }
  }

  /**
   * Decodes a customer record coming in (the API's): {@code knownPlan} says which plan names exist.
   * The calendar may not name an iCalendar file (a path on the server); the id and the size must be
   * within the {@link Limits}.
   */
  public Result decode(JsonNode node, Predicate<String> knownPlan) {
    return decode(node, knownPlan, true);
  }

  private Result decode(JsonNode node, Predicate<String> knownPlan, boolean edge) {
    if (node == null || !node.isObject()) {
      return new Result.Invalid(List.of(new Violation("", "must be a JSON object")));
    }
    Fields fields = Fields.of(node);
    fields.violations().addAll(Limits.strings(node));
    node.fieldNames()
        .forEachRemaining(
            name -> {
              if (!FIELDS.contains(name)) {
                fields.violation(name, "is not a customer field (known: " + FIELDS + ")");
              }
            });
    Optional<String> id = fields.text("id");
    if (edge) {
      id.flatMap(Limits::customerId).ifPresent(problem -> fields.violation("id", problem));
    }
    Optional<String> name = fields.text("name");
    Optional<String> plan = fields.text("plan");
    plan.filter(knownPlan.negate())
        .ifPresent(p -> fields.violation("plan", "is not a known plan: " + p));
    Optional<ZoneId> zone = fields.parsed("zone", CustomerCodec::zone, "an IANA time zone id");
    String language = fields.optionalText("language").orElse("en");
    if (!Customer.LANGUAGES.contains(language)) {
      fields.violation("language", "must be one of " + Customer.LANGUAGES);
    }
    Optional<String> calendar = calendar(node.get("calendar"), fields);
    List<String> contacts = strings(node.get("premium_contacts"), "premium_contacts", fields);
    Optional<String> engineer = fields.optionalText("designated_engineer");
    Optional<String> region = fields.optionalText("region");
    List<String> recipients = strings(node.get("report_recipients"), "report_recipients", fields);
    if (recipients.size() > MAX_REPORT_RECIPIENTS) {
      fields.violation(
          "report_recipients", "may list at most " + MAX_REPORT_RECIPIENTS + " addresses");
    }
    for (int i = 0; i < recipients.size(); i++) {
      if (!ADDRESS.matcher(recipients.get(i)).matches()) {
        fields.violation("report_recipients[" + i + "]", "must be an e-mail address (name@domain)");
      }
    }
    if (recipients.stream().distinct().count() < recipients.size()) {
      fields.violation("report_recipients", "lists an address twice");
    }
    JsonNode us = node.get("us_persons_only");
    if (us != null && !us.isNull() && !us.isBoolean()) {
      fields.violation("us_persons_only", "must be true or false");
    }
    if (!fields.violations().isEmpty()) {
      return new Result.Invalid(fields.violations());
    }
    Customer customer =
        new Customer(
            new CustomerId(id.orElseThrow()),
            name.orElseThrow(),
            plan.orElseThrow(),
            zone.orElseThrow(),
            calendar,
            language,
            contacts,
            engineer,
            region,
            us != null && us.asBoolean(false),
            recipients);
    if (edge) {
      int bytes = encodeEvent(customer, Long.MAX_VALUE, Instant.EPOCH).length;
      if (bytes > Limits.MAX_RECORD_BYTES) {
        return new Result.Invalid(
            List.of(
                new Violation(
                    longestField(node),
                    "makes the record "
                        + bytes
                        + " bytes long; a customer record may be at most "
                        + Limits.MAX_RECORD_BYTES
                        + " bytes")));
      }
    }
    return new Result.Valid(customer);
  }

  /** The top-level field whose JSON is the longest (what to shorten). */
  private static String longestField(JsonNode node) {
    String longest = "";
    int length = -1;
    for (var it = node.fields(); it.hasNext(); ) {
      var field = it.next();
      int size = field.getValue().toString().length();
      if (size > length) {
        longest = field.getKey();
        length = size;
      }
    }
    return longest;
  }

  private Optional<String> calendar(JsonNode calendar, Fields fields) {
    if (calendar == null || calendar.isNull()) {
      return Optional.empty();
    }
    if (!calendar.isObject()) {
      fields.violation("calendar", "must be a calendar object (zone, week, holidays...)");
      return Optional.empty();
    }
    if (calendar.has("ical")) {
      fields.violation("calendar.ical", "is not allowed in a customer record; list the closures");
      return Optional.empty();
    }
    String text = calendar.toString();
    try {
      calendars.read(io.slawatch.core.config.YamlTrees.parse(text));
      return Optional.of(text);
    } catch (ConfigException e) {
      fields.violation(e.field().isEmpty() ? "calendar" : "calendar." + e.field(), e.getMessage());
      return Optional.empty();
    }
  }

  private static List<String> strings(JsonNode array, String name, Fields fields) {
    if (array == null || array.isNull()) {
      return List.of();
    }
    List<String> values = new ArrayList<>();
    if (!array.isArray()) {
      fields.violation(name, "must be an array of strings");
      return values;
    }
    for (int i = 0; i < array.size(); i++) {
      if (!array.get(i).isTextual() || array.get(i).asText().isBlank()) {
        fields.violation(name + "[" + i + "]", "must be a non-blank string");
      } else {
        values.add(array.get(i).asText());
      }
    }
    return values;
  }

  private static Optional<ZoneId> zone(String text) {
    try {
      return Optional.of(ZoneId.of(text));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** The customer as a JSON object (the API's representation). */
  public ObjectNode toJson(Customer customer) {
    ObjectNode node = mapper.createObjectNode();
    node.put("id", customer.id().value());
    node.put("name", customer.name());
    node.put("plan", customer.plan());
    node.put("zone", customer.zone().getId());
    customer.calendar().ifPresent(text -> node.set("calendar", readTree(text)));
    node.put("language", customer.language());
    ArrayNode contacts = node.putArray("premium_contacts");
    customer.premiumContacts().forEach(contacts::add);
    customer.designatedEngineer().ifPresent(e -> node.put("designated_engineer", e));
    customer.region().ifPresent(r -> node.put("region", r));
    node.put("us_persons_only", customer.usPersonsOnly());
    if (!customer.reportRecipients().isEmpty()) {
      ArrayNode recipients = node.putArray("report_recipients");
      customer.reportRecipients().forEach(recipients::add);
    }
    return node;
  }

  /** The {@code customer.upserted} CloudEvent published on {@code customer.events.v1}. */
  public byte[] encodeEvent(Customer customer, long version, Instant at) {
    ObjectNode event = mapper.createObjectNode();
    event.put("specversion", "1.0");
    event.put("id", customer.id().value() + "/" + version);
    event.put("source", SOURCE);
    event.put("type", TYPE);
    event.put("subject", customer.id().value());
    event.put("time", at.toString());
    event.put("datacontenttype", "application/json");
    event.set("data", toJson(customer));
    try {
      return mapper.writeValueAsBytes(event);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Decodes a {@code customer.upserted} event this codec encoded (any plan name accepted). */
  public Result decodeEvent(byte[] json) {
    return decode(readTree(json).get("data"), plan -> true, false);
  }

  /**
   * A {@code customer.upserted} record of {@code customer.events.v1}: the customer, its version
   * (the suffix of the event id, {@code <customer>/<version>}; 0 without one) and the instant the
   * change took effect (the event's {@code time}, absent when missing or unreadable).
   */
  public sealed interface Upsert {
    record Valid(Customer customer, long version, Optional<Instant> time) implements Upsert {}

    record Invalid(List<Violation> violations) implements Upsert {
      public Invalid {
        violations = List.copyOf(violations);
      }
    }
  }

  /** Decodes a record of {@code customer.events.v1}; anything else is invalid, never thrown. */
  public Upsert decodeUpsert(byte[] json) {
    JsonNode event;
    try {
      event = json == null ? null : mapper.readTree(json);
    } catch (IOException e) {
      return new Upsert.Invalid(List.of(new Violation("", "is not JSON: " + e.getMessage())));
    }
    if (event == null || !event.isObject()) {
      return new Upsert.Invalid(List.of(new Violation("", "must be a JSON object")));
    }
    if (!event.path("data").isObject()) {
      return new Upsert.Invalid(List.of(new Violation("data", "must be a customer object")));
    }
    return switch (decode(event.get("data"), plan -> true, false)) {
      case Result.Invalid invalid -> new Upsert.Invalid(invalid.violations());
      case Result.Valid valid -> {
        String id = event.path("id").asText("");
        int slash = id.lastIndexOf('/');
        long version = 0;
        if (slash >= 0 && id.substring(slash + 1).matches("\\d{1,18}")) {
          version = Long.parseLong(id.substring(slash + 1));
        }
        Optional<Instant> time = Optional.empty();
        if (event.path("time").isTextual()) {
          try {
            time =
                Optional.of(java.time.OffsetDateTime.parse(event.get("time").asText()).toInstant());
          } catch (DateTimeException e) {
            // an unreadable time: the consumer takes the change as of now
          }
        }
        yield new Upsert.Valid(valid.customer(), version, time);
      }
    };
  }

  private JsonNode readTree(String text) {
    try {
      return mapper.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode readTree(byte[] json) {
    try {
      return mapper.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
