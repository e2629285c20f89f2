package io.slawatch.cli;

import io.slawatch.core.config.Tree;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/** Parsing and printing the CLI's instants and durations, naming the field on a mistake. */
final class Inputs {
  private static final DateTimeFormatter OUT =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral('T')
          .appendPattern("HH:mm:ss")
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .appendOffsetId()
          .toFormatter();

  private Inputs() {}

  static Instant instant(Tree tree) {
    return instant(tree.text(), tree);
  }

  static Instant instant(String text, Tree at) {
    try {
      return OffsetDateTime.parse(text.trim()).toInstant();
    } catch (DateTimeParseException e) {
      throw at.error(
          "\"" + text + "\" is not an ISO-8601 instant with offset (2026-03-23T10:00:00+01:00)");
    }
  }

  static Duration duration(Tree tree) {
    String text = tree.text().trim();
    Duration duration;
    try {
      duration = Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw tree.error("\"" + text + "\" is not an ISO-8601 duration (PT4H, P1DT2H30M)");
    }
    if (duration.isNegative()) {
      throw tree.error("must not be negative");
    }
    return duration;
  }

  /** An instant with the zone's offset at that instant, seconds always shown. */
  static String format(Instant instant, ZoneId zone) {
    return OUT.format(instant.atZone(zone).toOffsetDateTime());
  }
}
