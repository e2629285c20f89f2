package io.slawatch.notifier.report;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A report's period: a calendar month ({@code 2026-11}) or an ISO week ({@code 2026-W47}) of the
 * customer's own calendar, from its first midnight to the next period's first midnight in the
 * customer's zone (so a Tokyo customer's November is not Paris's). {@code [first, end)} in dates;
 * {@link #from}/{@link #to} the instants.
 */
public record ReportPeriod(Cadence cadence, String label, LocalDate first, LocalDate end) {

  /** How often reports go out. */
  public enum Cadence {
    MONTHLY,
    WEEKLY
  }

  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

  /** The period of {@code cadence} that contains {@code day}. */
  public static ReportPeriod containing(Cadence cadence, LocalDate day) {
    return switch (cadence) {
      case MONTHLY -> {
        LocalDate first = day.withDayOfMonth(1);
        yield new ReportPeriod(
            cadence, first.toString().substring(0, 7), first, first.plusMonths(1));
      }
      case WEEKLY -> {
        LocalDate first = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        yield new ReportPeriod(
            cadence,
            String.format(
                "%04d-W%02d",
                first.get(IsoFields.WEEK_BASED_YEAR), first.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
            first,
            first.plusWeeks(1));
      }
    };
  }

  /**
   * The newest period whose report is due at {@code now}: the last one that ended at least {@code
   * delay} ago in the customer's zone (the delay lets late events of its last day arrive).
   */
  public static ReportPeriod lastDue(Cadence cadence, ZoneId zone, Instant now, Duration delay) {
    LocalDate today = now.minus(delay).atZone(zone).toLocalDate();
    return containing(cadence, today).previous();
  }

  /** A period by its label: {@code 2026-11} or {@code 2026-W47}. */
  public static Optional<ReportPeriod> parse(String label) {
    try {
      Matcher month = MONTH.matcher(label);
      if (month.matches()) {
        int m = Integer.parseInt(month.group(2));
        if (m < 1 || m > 12) {
          return Optional.empty();
        }
        return Optional.of(
            containing(Cadence.MONTHLY, LocalDate.of(Integer.parseInt(month.group(1)), m, 1)));
      }
      Matcher week = WEEK.matcher(label);
      if (week.matches()) {
        int year = Integer.parseInt(week.group(1));
        int number = Integer.parseInt(week.group(2));
        LocalDate monday =
            LocalDate.of(year, 1, 4)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .plusWeeks(number - 1L);
        ReportPeriod period = containing(Cadence.WEEKLY, monday);
        return number >= 1 && period.label().equals(label) ? Optional.of(period) : Optional.empty();
      }
    } catch (java.time.DateTimeException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** The period before this one. */
  public ReportPeriod previous() {
    return containing(cadence, first.minusDays(1));
  }

  /** Its first instant in {@code zone} (the first moment of the day when midnight is skipped). */
  public Instant from(ZoneId zone) {
    return first.atStartOfDay(zone).toInstant();
  }

  /** The first instant after it in {@code zone}. */
  public Instant to(ZoneId zone) {
    return end.atStartOfDay(zone).toInstant();
  }
}
