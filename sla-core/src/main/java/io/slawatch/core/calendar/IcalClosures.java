package io.slawatch.core.calendar;

import io.slawatch.core.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStart;

/**
 * Closures read from an iCalendar file with ical4j: an all-day event closes its dates (like a
 * holiday), a timed event closes its span of real time. Floating times are in the calendar's zone.
 * Recurring events are rejected: list their occurrences.
 */
public final class IcalClosures {
  private IcalClosures() {}

  /** The closed dates and timed closures of one file. */
  public record Closures(Set<LocalDate> dates, List<TimeSpan> spans) {}

  public static Closures read(Path file, ZoneId zone, String field) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, zone, field);
    } catch (IOException e) {
      throw new ConfigException(
          field, 0, "cannot read iCalendar file " + file + ": " + e.getMessage());
    }
  }

  public static Closures read(InputStream in, ZoneId zone, String field) throws IOException {
    Calendar calendar;
    try {
      calendar = new CalendarBuilder().build(in);
    } catch (ParserException e) {
      throw new ConfigException(
          field, 0, "not a valid iCalendar file (line " + e.getLineNo() + "): " + e.getMessage());
    }
    Set<LocalDate> dates = new TreeSet<>();
    List<TimeSpan> spans = new ArrayList<>();
    List<VEvent> events = calendar.getComponents(Component.VEVENT);
    for (VEvent event : events) {
      String name = event.getProperty(Property.SUMMARY).map(Property::getValue).orElse("an event");
      if (event.getProperty(Property.RRULE).isPresent()
          || event.getProperty(Property.RDATE).isPresent()) {
        throw new ConfigException(
            field, 0, "\"" + name + "\" recurs: list each closed date as its own event");
      }
      Optional<DtStart<Temporal>> start = event.getStartDate();
      if (start.isEmpty()) {
        throw new ConfigException(field, 0, "\"" + name + "\" has no DTSTART");
      }
      Temporal from = start.get().getDate();
      Optional<DtEnd<Temporal>> end = event.getEndDate(true);
      if (from instanceof LocalDate first) {
        LocalDate until =
            end.map(e -> (Temporal) e.getDate())
                .filter(LocalDate.class::isInstance)
                .map(LocalDate.class::cast)
                .orElse(first.plusDays(1));
        for (LocalDate day = first; day.isBefore(until); day = day.plusDays(1)) {
          dates.add(day);
        }
        if (!until.isAfter(first)) {
          dates.add(first);
        }
      } else {
        Instant begin = instant(from, zone);
        Instant finish = end.map(e -> instant(e.getDate(), zone)).orElse(begin);
        if (finish.isAfter(begin)) {
          spans.add(new TimeSpan(begin, finish));
        }
      }
    }
    return new Closures(dates, TimeSpan.normalize(spans));
  }

  private static Instant instant(Temporal temporal, ZoneId zone) {
    return switch (temporal) {
      case Instant instant -> instant;
      case ZonedDateTime zoned -> zoned.toInstant();
      case OffsetDateTime offset -> offset.toInstant();
      case LocalDateTime local -> local.atZone(zone).toInstant();
      case LocalDate date -> LocalTimes.startOfDay(date, zone);
      default -> throw new IllegalArgumentException("unsupported iCalendar time " + temporal);
    };
  }
}
