package io.slawatch.contract.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.slawatch.core.event.TicketEvent;
import io.slawatch.core.event.TicketUrls;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The domain's limits on what may come in: checked once, at the edge, by the codecs (and by
 * intake's webhooks for what they build), so that input that can never be stored or published is
 * refused with a field named instead of failing later (PostgreSQL refuses NUL characters and index
 * rows over ~2.7 KB, Kafka records over 1 MB).
 *
 * <ul>
 *   <li>every string, and every key, anywhere in a request: no NUL character, no lone surrogate
 *       (half of a UTF-16 pair, which cannot be written as UTF-8);
 *   <li>identifiers (an event's {@code id}, {@code source}, {@code subject}, {@code
 *       data.customer}): at most {@value #MAX_ID_LENGTH} characters, no control characters (CR, LF,
 *       tab...);
 *   <li>alert ids ({@code ticket/clock/cycle/type[/threshold]}, in the notifier's API): at most
 *       {@value #MAX_ALERT_ID_LENGTH} characters, no control characters;
 *   <li>customer ids in the registry: {@value #CUSTOMER_ID_CHARS} characters, 1 to {@value
 *       #MAX_CUSTOMER_ID_LENGTH}, not {@code .} or {@code ..};
 *   <li>webhook delivery ids: {@value #DELIVERY_ID_CHARS} characters, 1 to {@value #MAX_ID_LENGTH}
 *       (no {@code /}, so {@code <delivery>/<item>} event ids cannot collide);
 *   <li>a milestone's name ({@code ticket.milestone}'s {@code data.name}): {@value
 *       #MILESTONE_NAME_CHARS} characters, 1 to {@value #MAX_MILESTONE_NAME_LENGTH} ({@code
 *       replacement_shipped});
 *   <li>a ticket's URL in its helpdesk ({@code data.url}): an absolute {@code http} or {@code
 *       https} URL with a host, at most {@value #MAX_URL_LENGTH} characters ({@link TicketUrls});
 *   <li>an encoded ticket event or customer record: at most {@value #MAX_RECORD_BYTES} bytes (Kafka
 *       refuses records over 1 MB).
 * </ul>
 */
public final class Limits {
  public static final int MAX_ID_LENGTH = 256;

  /** A ticket id and room for {@code /<clock>/<cycle>/<type>/<threshold>}. */
  public static final int MAX_ALERT_ID_LENGTH = MAX_ID_LENGTH + 128;

  public static final int MAX_CUSTOMER_ID_LENGTH = 128;
  public static final int MAX_RECORD_BYTES = 512 * 1024;
  public static final int MAX_URL_LENGTH = TicketUrls.MAX_LENGTH;
  public static final String CUSTOMER_ID_CHARS = "A-Z a-z 0-9 . _ : @ -";
  public static final String DELIVERY_ID_CHARS = "A-Z a-z 0-9 . _ : @ + = -";
  public static final int MAX_MILESTONE_NAME_LENGTH = TicketEvent.Milestone.MAX_NAME_LENGTH;
  public static final String MILESTONE_NAME_CHARS = TicketEvent.Milestone.NAME_CHARS;

  private static final Pattern CUSTOMER_ID =
      Pattern.compile("[A-Za-z0-9._:@-]{1," + MAX_CUSTOMER_ID_LENGTH + "}");
  private static final Pattern DELIVERY_ID =
      Pattern.compile("[A-Za-z0-9._:@+=-]{1," + MAX_ID_LENGTH + "}");
  private static final Pattern DUPLICATE_KEY = Pattern.compile("Duplicate field '(.*)'");

  private Limits() {}

  /**
   * Every string value and key of the tree that cannot be stored: a violation per offending field
   * (its path, {@code data.customer}, {@code premium_contacts[2]}).
   */
  public static List<Violation> strings(JsonNode node) {
    List<Violation> violations = new ArrayList<>();
    walk(node, "", violations);
    return violations;
  }

  private static void walk(JsonNode node, String path, List<Violation> violations) {
    if (node == null) {
      return;
    }
    if (node.isTextual()) {
      text(node.textValue()).ifPresent(m -> violations.add(new Violation(path, m)));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), path + "[" + i + "]", violations);
      }
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        Optional<String> badKey = text(field.getKey());
        if (badKey.isPresent()) {
          violations.add(
              new Violation(
                  path.isEmpty()
                      ? printable(field.getKey())
                      : path + "." + printable(field.getKey()),
                  "is a key that " + badKey.get()));
        } else {
          walk(field.getValue(), child, violations);
        }
      }
    }
  }

  /** Why a string cannot be stored (a NUL character, a lone surrogate), if it cannot. */
  public static Optional<String> text(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\u0000') {
        return Optional.of("must not contain a NUL character (\\u0000) (at " + i + ")");
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
          i++;
          continue;
        }
        return Optional.of("must not contain a lone surrogate (at " + i + ")");
      }
      if (Character.isLowSurrogate(c)) {
        return Optional.of("must not contain a lone surrogate (at " + i + ")");
      }
    }
    return Optional.empty();
  }

  /**
   * Why a string cannot be an identifier (an event id, source, subject, customer reference), if it
   * cannot: longer than {@value #MAX_ID_LENGTH}, a control character, or not storable.
   */
  public static Optional<String> identifier(String value) {
    if (value.length() > MAX_ID_LENGTH) {
      return Optional.of(
          "is " + value.length() + " characters long; at most " + MAX_ID_LENGTH + " are accepted");
    }
    Optional<String> control = control(value);
    return control.isPresent() ? control : text(value);
  }

  /**
   * Why a string cannot be a ticket's URL, if it cannot: not an absolute http(s) URL with a host,
   * longer than {@value #MAX_URL_LENGTH}, or not storable.
   */
  public static Optional<String> url(String value) {
    Optional<String> stored = text(value);
    return stored.isPresent() ? stored : TicketUrls.problem(value);
  }

  /**
   * Why a string cannot be an alert id ({@code ticket/clock/cycle/type[/threshold]}: a ticket id
   * and a few short parts), if it cannot: longer than {@value #MAX_ALERT_ID_LENGTH}, a control
   * character, or not storable.
   */
  public static Optional<String> alertId(String value) {
    if (value.length() > MAX_ALERT_ID_LENGTH) {
      return Optional.of(
          "is "
              + value.length()
              + " characters long; an alert id is at most "
              + MAX_ALERT_ID_LENGTH);
    }
    Optional<String> control = control(value);
    return control.isPresent() ? control : text(value);
  }

  /** Why a string cannot be a customer id of the registry, if it cannot. */
  public static Optional<String> customerId(String value) {
    if (value.length() > MAX_CUSTOMER_ID_LENGTH) {
      return Optional.of(
          "is "
              + value.length()
              + " characters long; at most "
              + MAX_CUSTOMER_ID_LENGTH
              + " are accepted");
    }
    if (!CUSTOMER_ID.matcher(value).matches() || value.equals(".") || value.equals("..")) {
      return Optional.of(
          "must be 1 to "
              + MAX_CUSTOMER_ID_LENGTH
              + " of the characters "
              + CUSTOMER_ID_CHARS
              + ", not . or .. (was \""
              + printable(value)
              + "\")");
    }
    return Optional.empty();
  }

  /** Why a string cannot name a milestone ({@code ticket.milestone}'s {@code data.name}). */
  public static Optional<String> milestoneName(String value) {
    if (!TicketEvent.Milestone.isName(value)) {
      return Optional.of(
          "must be 1 to "
              + MAX_MILESTONE_NAME_LENGTH
              + " of the characters "
              + MILESTONE_NAME_CHARS
              + " (was \""
              + printable(value.length() > 80 ? value.substring(0, 80) + "…" : value)
              + "\")");
    }
    return Optional.empty();
  }

  /** Why a string cannot be a webhook delivery id, if it cannot. */
  public static Optional<String> deliveryId(String value) {
    if (!DELIVERY_ID.matcher(value).matches()) {
      return Optional.of(
          "must be 1 to "
              + MAX_ID_LENGTH
              + " of the characters "
              + DELIVERY_ID_CHARS
              + " (was \""
              + printable(value.length() > 64 ? value.substring(0, 64) + "…" : value)
              + "\")");
    }
    return Optional.empty();
  }

  private static Optional<String> control(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (Character.getType(value.charAt(i)) == Character.CONTROL) {
        return Optional.of(
            "must not contain control characters (CR, LF, tab, NUL...): U+"
                + String.format("%04X", (int) value.charAt(i))
                + " at "
                + i);
      }
    }
    return Optional.empty();
  }

  /**
   * A violation for a body Jackson could not read: a duplicate key names that key (duplicate keys
   * are refused: two readers could pick different values), anything else the body as a whole.
   */
  public static Violation unreadable(String field, String originalMessage) {
    Matcher duplicate = DUPLICATE_KEY.matcher(originalMessage == null ? "" : originalMessage);
    if (duplicate.find()) {
      String key = duplicate.group(1);
      return new Violation(
          field.isEmpty() ? key : field + "." + key, "appears twice: duplicate keys are refused");
    }
    return new Violation(field, "is not valid JSON: " + originalMessage);
  }

  /** The value with control characters and surrogates escaped, for messages. */
  static String printable(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.getType(c) == Character.CONTROL || Character.isSurrogate(c)) {
        out.append(String.format("\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
