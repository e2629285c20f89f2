package io.slawatch.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.core.testing.ZoneSensitive;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Calendar invariants across DST in zones with 60- and 30-minute shifts and offsets, both
 * hemispheres, on random weekly calendars (overnight intervals, 24:00, holidays) and on 24x7.
 */
@ZoneSensitive
class CalendarPropertiesTest {
  static final List<String> ZONES =
      List.of(
          "Europe/Paris",
          "America/New_York",
          "Asia/Kolkata", // +05:30, no DST
          "Australia/Adelaide", // +09:30/+10:30, southern hemisphere
          "Australia/Lord_Howe", // a 30-minute DST shift
          "America/Santiago", // southern hemisphere, DST at midnight
          "Pacific/Chatham"); // +12:45/+13:45

  record Case(BusinessCalendar calendar, Instant start, Duration duration) {}

  @Property(tries = 400)
  void elapsed_from_the_start_to_the_added_deadline_is_the_duration(@ForAll("cases") Case c) {
    Instant due = c.calendar().add(c.start(), c.duration());
    assertThat(c.calendar().elapsed(c.start(), due)).isEqualTo(c.duration());
  }

  @Property(tries = 300)
  void add_is_monotonic_in_the_duration_and_in_the_start(
      @ForAll("cases") Case c, @ForAll("minutes") long more) {
    BusinessCalendar calendar = c.calendar();
    Instant due = calendar.add(c.start(), c.duration());
    assertThat(calendar.add(c.start(), c.duration().plusMinutes(more))).isAfterOrEqualTo(due);
    assertThat(calendar.add(c.start().plus(Duration.ofMinutes(more)), c.duration()))
        .isAfterOrEqualTo(due);
  }

  @Property(tries = 400)
  void subtract_inverts_add_back_to_the_first_open_instant(@ForAll("cases") Case c) {
    BusinessCalendar calendar = c.calendar();
    Instant due = calendar.add(c.start(), c.duration());
    assertThat(calendar.subtract(due, c.duration())).isEqualTo(calendar.nextOpen(c.start()));
    Instant back = calendar.subtract(c.start(), c.duration());
    assertThat(calendar.elapsed(back, c.start())).isEqualTo(c.duration());
  }

  @Property(tries = 300)
  void pauses_are_excluded_consistently(@ForAll("cases") Case c, @ForAll("minutes") long pause) {
    BusinessCalendar calendar = c.calendar();
    Instant from = c.start().plus(Duration.ofMinutes(pause / 2));
    List<TimeSpan> pauses = List.of(new TimeSpan(from, from.plus(Duration.ofMinutes(pause))));
    Instant due = calendar.add(c.start(), c.duration(), pauses);
    assertThat(calendar.elapsed(c.start(), due, pauses)).isEqualTo(c.duration());
    assertThat(due).isAfterOrEqualTo(calendar.add(c.start(), c.duration()));
  }

  @Property(tries = 120)
  void elapsed_agrees_with_counting_minute_by_minute(
      @ForAll("weekly") Weekly weekly, @ForAll("starts") Instant start) {
    BusinessCalendar calendar = weekly.calendar();
    Instant end = start.plus(Duration.ofHours(50));
    long open = 0;
    for (Instant m = start; m.isBefore(end); m = m.plusSeconds(60)) {
      if (weekly.isOpenByDefinition(m)) {
        open++;
      }
    }
    assertThat(calendar.elapsed(start, end)).isEqualTo(Duration.ofMinutes(open));
  }

  // ---- generators

  @Provide
  Arbitrary<Long> minutes() {
    return Arbitraries.longs().between(0, 60L * 24 * 10);
  }

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<BusinessCalendar> calendars =
        Arbitraries.oneOf(
            weekly().map(Weekly::calendar),
            Arbitraries.of(ZONES)
                .map(z -> BusinessCalendar.of(CalendarDefinition.alwaysOpen(ZoneId.of(z)))));
    Arbitrary<Duration> durations =
        Arbitraries.longs().between(1, 60L * 8 * 30).map(Duration::ofMinutes);
    return Combinators.combine(calendars, starts(), durations).as(Case::new);
  }

  /** Instants within three days of a DST transition, or anywhere in 2024-2028. */
  @Provide
  Arbitrary<Instant> starts() {
    Arbitrary<Instant> nearTransitions =
        Combinators.combine(
                Arbitraries.of(ZONES),
                Arbitraries.integers().between(2024, 2028),
                Arbitraries.integers().between(0, 1),
                Arbitraries.longs().between(-3L * 24 * 60, 3L * 24 * 60))
            .as(
                (zone, year, which, offset) -> {
                  List<ZoneOffsetTransition> transitions = transitionsIn(ZoneId.of(zone), year);
                  Instant base =
                      transitions.isEmpty()
                          ? LocalDate.of(year, 3, 1).atStartOfDay(ZoneId.of(zone)).toInstant()
                          : transitions.get(which % transitions.size()).getInstant();
                  return base.plus(Duration.ofMinutes(offset));
                });
    Arbitrary<Instant> anywhere =
        Arbitraries.longs()
            .between(
                Instant.parse("2024-01-01T00:00:00Z").getEpochSecond() / 60,
                Instant.parse("2028-12-31T00:00:00Z").getEpochSecond() / 60)
            .map(m -> Instant.ofEpochSecond(m * 60));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, nearTransitions), net.jqwik.api.Tuple.of(1, anywhere));
  }

  static List<ZoneOffsetTransition> transitionsIn(ZoneId zone, int year) {
    List<ZoneOffsetTransition> result = new ArrayList<>();
    Instant t = LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
    Instant end = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant();
    ZoneOffsetTransition next;
    while ((next = zone.getRules().nextTransition(t)) != null && next.getInstant().isBefore(end)) {
      result.add(next);
      t = next.getInstant();
    }
    return result;
  }

  /** A random weekly calendar on a 30-minute grid, with an oracle that reads the definition. */
  record Weekly(ZoneId zone, Map<DayOfWeek, List<OpeningHours>> week, Set<LocalDate> holidays) {
    BusinessCalendar calendar() {
      return BusinessCalendar.of(
          new CalendarDefinition(
              zone, false, week, holidays, Set.of(), Map.of(), List.of(), List.of()));
    }

    /** Open at {@code t}: inside an interval that starts on t's local day or the day before. */
    boolean isOpenByDefinition(Instant t) {
      LocalDate today = LocalDateTime.ofInstant(t, zone).toLocalDate();
      for (LocalDate day : List.of(today.minusDays(1), today)) {
        if (holidays.contains(day)) {
          continue;
        }
        for (OpeningHours h : week.getOrDefault(day.getDayOfWeek(), List.of())) {
          Instant from = LocalTimes.resolve(day, h.start(), zone);
          LocalDate endDay = h.endsNextDay() ? day.plusDays(1) : day;
          Instant to = LocalTimes.resolve(endDay, h.end(), zone);
          if (h.endsNextDay() && holidays.contains(endDay)) {
            Instant midnight = LocalTimes.startOfDay(endDay, zone);
            to = to.isAfter(midnight) ? midnight : to;
          }
          if (!t.isBefore(from) && t.isBefore(to)) {
            return true;
          }
        }
      }
      return false;
    }
  }

  @Provide
  Arbitrary<Weekly> weekly() {
    Arbitrary<OpeningHours> interval =
        Combinators.combine(
                Arbitraries.integers().between(0, 47), Arbitraries.integers().between(1, 48))
            .as(
                (start, length) -> {
                  LocalTime from = LocalTime.MIN.plusMinutes(30L * start);
                  int endSlot = start + length;
                  if (endSlot == 48) {
                    return OpeningHours.of(from.toString(), "24:00");
                  }
                  return OpeningHours.of(
                      from.toString(), LocalTime.MIN.plusMinutes(30L * (endSlot % 48)).toString());
                });
    Arbitrary<List<OpeningHours>> day = interval.list().ofMinSize(0).ofMaxSize(2);
    Arbitrary<Map<DayOfWeek, List<OpeningHours>>> week =
        day.list()
            .ofSize(7)
            .filter(days -> days.stream().anyMatch(d -> !d.isEmpty()))
            .map(
                days -> {
                  Map<DayOfWeek, List<OpeningHours>> map = new EnumMap<>(DayOfWeek.class);
                  for (int i = 0; i < 7; i++) {
                    map.put(DayOfWeek.of(i + 1), days.get(i));
                  }
                  return map;
                });
    Arbitrary<Set<LocalDate>> holidays =
        Arbitraries.integers()
            .between(0, 5 * 366)
            .map(d -> LocalDate.of(2024, 1, 1).plusDays(d))
            .set()
            .ofMaxSize(40)
            .map(HashSet::new);
    return Combinators.combine(Arbitraries.of(ZONES).map(ZoneId::of), week, holidays)
        .as(Weekly::new);
  }
}
