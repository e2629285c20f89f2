package io.slawatch.core.plan;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes targets: {@code 4h}, {@code 30m}, {@code 1h30m}, ISO {@code PT4H}, {@code 1
 * business day}, {@code 2 business days}.
 */
final class Targets {
  private static final Pattern HOURS_MINUTES = Pattern.compile("(?:(\\d+)h)?\\s*(?:(\\d+)m)?");
  private static final Pattern DAYS = Pattern.compile("(\\d+) business days?");

  private Targets() {}

  static Optional<Target> parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    Matcher days = DAYS.matcher(t);
    if (days.matches()) {
      int n = Integer.parseInt(days.group(1));
      return n < 1 ? Optional.empty() : Optional.of(new Target.BusinessDays(n));
    }
    return parseDuration(t).map(Target.BusinessTime::new);
  }

  static Optional<Duration> parseDuration(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    Duration duration = null;
    if (t.startsWith("p")) {
      try {
        duration = Duration.parse(t.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    } else {
      Matcher m = HOURS_MINUTES.matcher(t);
      if (!t.isEmpty() && m.matches() && (m.group(1) != null || m.group(2) != null)) {
        long hours = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        long minutes = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
        duration = Duration.ofHours(hours).plusMinutes(minutes);
      }
    }
    return Optional.ofNullable(duration).filter(d -> !d.isNegative() && !d.isZero());
  }

  static String format(Duration duration) {
    long hours = duration.toHours();
    int minutes = duration.toMinutesPart();
    if (duration.toSecondsPart() != 0 || duration.toNanosPart() != 0) {
      return duration.toString();
    }
    if (minutes == 0) {
      return hours + "h";
    }
    return hours == 0 ? minutes + "m" : hours + "h" + minutes + "m";
  }
}
