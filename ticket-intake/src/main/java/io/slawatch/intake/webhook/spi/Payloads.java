package io.slawatch.intake.webhook.spi;

import com.fasterxml.jackson.databind.JsonNode;
import io.slawatch.contract.json.Violation;
import io.slawatch.core.event.EventTimes;
import io.slawatch.core.event.TicketEvent;
import io.slawatch.core.event.TicketUrls;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading vendor payloads: times in the vendors' formats, texts, and results. */
public final class Payloads {
  /** Jira's {@code 2019-02-15T19:01:52.971-0800} (offset without a colon). */
  private static final DateTimeFormatter JIRA =
      new DateTimeFormatterBuilder()
          .appendPattern("yyyy-MM-dd'T'HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .appendPattern("xx")
          .toFormatter();

  /** GitLab's older {@code 2016-08-18 17:47:36 UTC}. */
  private static final DateTimeFormatter GITLAB =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private Payloads() {}

  /**
   * The field as an instant: ISO-8601 ({@code …Z} or with an offset), Jira's {@code …-0800},
   * GitLab's {@code … UTC}, or epoch milliseconds (a number within a long); empty when absent,
   * unreadable or outside the instants slawatch accepts ({@link EventTimes}).
   */
  public static Optional<Instant> instant(JsonNode node, String field) {
    return parseInstant(node.path(field)).filter(EventTimes::accepted);
  }

  private static Optional<Instant> parseInstant(JsonNode value) {
    if (value.isIntegralNumber()) {
      // a number past a long would wrap around to some other, plausible instant
      return value.canConvertToLong()
          ? Optional.of(Instant.ofEpochMilli(value.asLong()))
          : Optional.empty();
    }
    String text = value.asText("").trim();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException notIso) {
      try {
        return Optional.of(OffsetDateTime.parse(text, JIRA).toInstant());
      } catch (DateTimeParseException notJira) {
        try {
          return Optional.of(GITLAB.parse(text, Instant::from));
        } catch (DateTimeParseException notGitLab) {
          return Optional.empty();
        }
      }
    }
  }

  /** The texts of one field of each element of an array (label names, say), blanks left out. */
  public static List<String> texts(JsonNode array, String field) {
    List<String> texts = new ArrayList<>();
    array.forEach(element -> text(element, field).ifPresent(texts::add));
    return texts;
  }

  /**
   * A ticket's tags: an array of texts, or one text of tags separated by commas (how a placeholder
   * such as Freshdesk's {@code {{ticket.tags}}} renders them); blanks and anything else left out.
   */
  public static List<String> tags(JsonNode value) {
    List<String> tags = new ArrayList<>();
    if (value.isArray()) {
      value.forEach(
          tag -> {
            if (tag.isTextual() && !tag.asText().isBlank()) {
              tags.add(tag.asText().strip());
            }
          });
    } else if (value.isTextual()) {
      for (String tag : value.asText().split(",")) {
        if (!tag.isBlank()) {
          tags.add(tag.strip());
        }
      }
    }
    return tags;
  }

  /** The field's text, empty when absent, null or blank. */
  public static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull() || value.isContainerNode()) {
      return Optional.empty();
    }
    // whitespace around a value is dropped; any other control character (trim() would drop a
    // trailing NUL or BEL too, turning "T-1\u0000" into another ticket's id) is the codec's to
    // refuse
    String text = value.asText().strip();
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  /**
   * The field as a ticket's URL in its helpdesk ({@link TicketUrls}: absolute http(s), at most
   * 2,048 characters); empty when absent or not such a URL (the ticket is kept without it).
   */
  public static Optional<URI> url(JsonNode node, String field) {
    return text(node, field).flatMap(TicketUrls::parse);
  }

  public static WebhookResult events(List<TicketEvent> events) {
    return new WebhookResult.Events(List.copyOf(events));
  }

  public static WebhookResult events(TicketEvent event) {
    return new WebhookResult.Events(List.of(event));
  }

  /**
   * The delivery's result with these events (the milestones its ticket's tags mark) after its own:
   * a delivery ignored otherwise means them alone; an invalid one stays invalid.
   */
  public static WebhookResult with(WebhookResult result, List<TicketEvent> more) {
    if (more.isEmpty()) {
      return result;
    }
    return switch (result) {
      case WebhookResult.Events events -> {
        List<TicketEvent> all = new ArrayList<>(events.events());
        all.addAll(more);
        yield events(all);
      }
      case WebhookResult.Ignored ignored -> events(more);
      case WebhookResult.Invalid invalid -> invalid;
    };
  }

  public static WebhookResult invalid(String field, String message) {
    return new WebhookResult.Invalid(List.of(new Violation(field, message)));
  }

  /** A vendor word the source's vocabulary does not know: the key that would map it is named. */
  public static WebhookResult unknownWord(
      String field, String vocabulary, String word, SourceSettings settings) {
    return word == null || word.isBlank()
        ? invalid(field, "is required")
        : invalid(
            field,
            "'"
                + word
                + "' is not in the source's vocabulary: set "
                + settings.key(vocabulary, word));
  }

  public static WebhookResult ignored(String reason) {
    return new WebhookResult.Ignored(reason);
  }
}
