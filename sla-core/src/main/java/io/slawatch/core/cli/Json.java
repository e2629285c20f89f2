package io.slawatch.core.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** A tiny JSON object writer: fields in insertion order, strings escaped, one line. */
final class Json {
  private final Map<String, Object> fields = new LinkedHashMap<>();

  static Json object() {
    return new Json();
  }

  /** Adds a field; values are String, Number, Boolean, Json, a collection of strings or null. */
  Json put(String name, Object value) {
    fields.put(name, value);
    return this;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("{");
    boolean first = true;
    for (Map.Entry<String, Object> field : fields.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      quote(out, field.getKey());
      out.append(':');
      Object value = field.getValue();
      if (value == null
          || value instanceof Number
          || value instanceof Boolean
          || value instanceof Json) {
        out.append(value);
      } else if (value instanceof java.util.Collection<?> items) {
        out.append('[');
        boolean firstItem = true;
        for (Object item : items) {
          if (!firstItem) {
            out.append(',');
          }
          firstItem = false;
          quote(out, String.valueOf(item));
        }
        out.append(']');
      } else {
        quote(out, value.toString());
      }
    }
    return out.append('}').toString();
  }

  private static void quote(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
