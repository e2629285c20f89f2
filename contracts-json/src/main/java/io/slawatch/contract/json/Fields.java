package io.slawatch.contract.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.slawatch.core.event.EventTimes;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** Reads fields of a JSON object, collecting a {@link Violation} for each missing or bad one. */
final class Fields {
  private final JsonNode node;
  private final String prefix;
  private final List<Violation> violations;

  Fields(JsonNode node, String prefix, List<Violation> violations) {
    this.node = node;
    this.prefix = prefix;
    this.violations = violations;
  }

  static Fields of(JsonNode node) {
    return new Fields(node, "", new ArrayList<>());
  }

  Fields nested(String name) {
    JsonNode child = node.get(name);
    if (child == null || child.isNull()) {
      violations.add(new Violation(path(name), "is required"));
      child = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    } else if (!child.isObject()) {
      violations.add(new Violation(path(name), "must be a JSON object"));
      child = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
    return new Fields(child, path(name) + ".", violations);
  }

  List<Violation> violations() {
    return violations;
  }

  void violation(String name, String message) {
    violations.add(new Violation(path(name), message));
  }

  String path(String name) {
    return prefix + name;
  }

  Optional<String> optionalText(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      violation(name, "must be a string");
      return Optional.empty();
    }
    if (value.asText().isBlank()) {
      violation(name, "must not be blank");
      return Optional.empty();
    }
    return Optional.of(value.asText());
  }

  /** An optional array of non-blank strings (empty when absent). */
  Set<String> optionalTexts(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return Set.of();
    }
    if (!value.isArray()) {
      violation(name, "must be an array of strings");
      return Set.of();
    }
    Set<String> texts = new TreeSet<>();
    for (JsonNode item : value) {
      if (!item.isTextual() || item.asText().isBlank()) {
        violation(name, "must hold only non-blank strings");
        return Set.of();
      }
      texts.add(item.asText());
    }
    return texts;
  }

  Optional<String> text(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      violation(name, "is required");
      return Optional.empty();
    }
    return optionalText(name);
  }

  /** A required text that is a valid identifier ({@link Limits#identifier}), else a violation. */
  Optional<String> identifier(String name) {
    return text(name).flatMap(value -> limited(name, value, Limits.identifier(value)));
  }

  /** An optional text that is a valid identifier ({@link Limits#identifier}). */
  Optional<String> optionalIdentifier(String name) {
    return optionalText(name).flatMap(value -> limited(name, value, Limits.identifier(value)));
  }

  private Optional<String> limited(String name, String value, Optional<String> problem) {
    if (problem.isPresent()) {
      violation(name, problem.get());
      return Optional.empty();
    }
    return Optional.of(value);
  }

  /** A required milestone name within {@link Limits#milestoneName}, else a violation. */
  Optional<String> milestoneName(String name) {
    return text(name).flatMap(value -> limited(name, value, Limits.milestoneName(value)));
  }

  /** An optional ticket URL within {@link Limits#url} (absolute http(s), not too long). */
  Optional<URI> optionalUrl(String name) {
    return optionalText(name)
        .flatMap(value -> limited(name, value, Limits.url(value)))
        .map(URI::create);
  }

  <T> Optional<T> parsed(String name, Function<String, Optional<T>> parser, String expected) {
    return text(name)
        .flatMap(
            raw -> {
              Optional<T> result = parser.apply(raw);
              if (result.isEmpty()) {
                violation(name, "must be " + expected + " (was \"" + raw + "\")");
              }
              return result;
            });
  }

  <T> Optional<T> optionalParsed(
      String name, Function<String, Optional<T>> parser, String expected) {
    return optionalText(name)
        .flatMap(
            raw -> {
              Optional<T> result = parser.apply(raw);
              if (result.isEmpty()) {
                violation(name, "must be " + expected + " (was \"" + raw + "\")");
              }
              return result;
            });
  }

  /** An RFC 3339 instant within {@link EventTimes} (the engine's range), else a violation. */
  Optional<Instant> instant(String name) {
    return parsed(name, Fields::parseInstant, "an RFC 3339 timestamp with an offset")
        .flatMap(
            t -> {
              if (EventTimes.accepted(t)) {
                return Optional.of(t);
              }
              violation(name, "must be " + EventTimes.expected() + " (was \"" + t + "\")");
              return Optional.empty();
            });
  }

  Optional<Boolean> bool(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      violation(name, "is required");
      return Optional.empty();
    }
    if (!value.isBoolean()) {
      violation(name, "must be true or false");
      return Optional.empty();
    }
    return Optional.of(value.booleanValue());
  }

  /** A required ISO-8601 duration ({@code PT4H}), else a violation. */
  Optional<Duration> duration(String name) {
    return parsed(name, Fields::parseDuration, "an ISO-8601 duration such as PT4H");
  }

  /** A required whole number from 1 to {@code max}, else a violation. */
  Optional<Integer> positiveInt(String name, int max) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      violation(name, "is required");
      return Optional.empty();
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      violation(name, "must be a whole number from 1 to " + max);
      return Optional.empty();
    }
    int number = value.intValue();
    if (number < 1 || number > max) {
      violation(name, "must be a whole number from 1 to " + max + " (was " + number + ")");
      return Optional.empty();
    }
    return Optional.of(number);
  }

  static Optional<Duration> parseDuration(String raw) {
    try {
      return Optional.of(Duration.parse(raw));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  static Optional<Instant> parseInstant(String raw) {
    try {
      return Optional.of(OffsetDateTime.parse(raw).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
