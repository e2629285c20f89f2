package io.slawatch.core.config;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A parsed YAML or JSON document that remembers where each value came from, so that readers can
 * reject a mistake by naming the field and the line.
 */
public sealed interface Tree {
  /** Dotted path from the document root, e.g. {@code clocks.P1.first_response}. */
  String path();

  /** 1-based line, 0 when unknown. */
  int line();

  default ConfigException error(String problem) {
    return new ConfigException(path(), line(), problem);
  }

  default Mapping asMapping() {
    if (this instanceof Mapping mapping) {
      return mapping;
    }
    throw error("must be a mapping of fields");
  }

  default Sequence asSequence() {
    if (this instanceof Sequence sequence) {
      return sequence;
    }
    throw error("must be a list");
  }

  default String text() {
    if (this instanceof Scalar scalar && scalar.value() != null) {
      return scalar.value();
    }
    throw error("must be a single value");
  }

  default int integer() {
    String text = text();
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw error("\"" + text + "\" is not a whole number");
    }
  }

  default boolean bool() {
    return switch (text().trim()) {
      case "true", "yes" -> true;
      case "false", "no" -> false;
      default -> throw error("\"" + text() + "\" is not true or false");
    };
  }

  /** A scalar; {@code value} is null for an explicit null ({@code ~}, {@code null}, nothing). */
  record Scalar(String path, int line, String value) implements Tree {}

  record Sequence(String path, int line, List<Tree> items) implements Tree {
    public Sequence {
      items = List.copyOf(items);
    }
  }

  /** Fields in document order. */
  record Mapping(String path, int line, Map<String, Tree> fields) implements Tree {
    public Mapping {
      fields = Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }

    public Optional<Tree> get(String key) {
      return Optional.ofNullable(fields.get(key));
    }

    public Tree require(String key) {
      Tree value = fields.get(key);
      if (value == null) {
        throw new ConfigException(child(key), line, "is required");
      }
      return value;
    }

    public String child(String key) {
      return path.isEmpty() ? key : path + "." + key;
    }

    /** Rejects any field not in {@code allowed}, naming it and listing what is allowed. */
    public Mapping allowOnly(Set<String> allowed) {
      for (Map.Entry<String, Tree> field : fields.entrySet()) {
        if (!allowed.contains(field.getKey())) {
          throw field
              .getValue()
              .error(
                  "unknown field (expected one of "
                      + String.join(", ", new TreeSet<>(allowed))
                      + ")");
        }
      }
      return this;
    }
  }
}
