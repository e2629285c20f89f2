package io.slawatch.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slawatch.core.config.ConfigException;
import io.slawatch.core.config.YamlTrees;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CalendarReaderTest {
  static final String YAML =
      """
      zone: Europe/Paris
      week:
        MON: [["09:00", "17:00"]]
        TUE: [["09:00", "12:00"], ["13:00", "17:00"]]
        FRI: [["22:00", "06:00"]]
        SAT: [["10:00", "24:00"]]
      holidays: ["2026-12-25", "05-01"]
      overrides:
        "2026-12-24": [["09:00", "12:00"]]
        "2026-12-31": []
      holiday_sets: ["FR", "de-by"]
      """;

  static CalendarDefinition read(String text) {
    return CalendarReader.relativeTo(Path.of("")).read(YamlTrees.parse(text));
  }

  @Test
  void reads_every_field_of_the_calendar_structure() {
    CalendarDefinition calendar = read(YAML);
    assertThat(calendar.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(calendar.hoursOf(DayOfWeek.TUESDAY))
        .extracting(Object::toString)
        .containsExactly("09:00-12:00", "13:00-17:00");
    assertThat(calendar.hoursOf(DayOfWeek.FRIDAY).getFirst().endsNextDay()).isTrue();
    assertThat(calendar.hoursOf(DayOfWeek.SATURDAY).getFirst().endText()).isEqualTo("24:00");
    assertThat(calendar.holidays()).containsExactly(LocalDate.parse("2026-12-25"));
    assertThat(calendar.annualHolidays()).containsExactly(MonthDay.of(5, 1));
    assertThat(calendar.overrides().get(LocalDate.parse("2026-12-31"))).isEmpty();
    assertThat(calendar.holidaySets()).containsExactly("FR", "DE-BY");
    assertThat(BusinessCalendar.of(calendar).isBusinessDay(LocalDate.parse("2026-07-14")))
        .isFalse();
  }

  @Test
  void the_24x7_preset_is_always_open_and_json_works_too() {
    CalendarDefinition calendar = read("{\"zone\": \"Asia/Kolkata\", \"preset\": \"24x7\"}");
    assertThat(calendar.alwaysOpen()).isTrue();
    assertThat(calendar.zone()).isEqualTo(ZoneId.of("Asia/Kolkata"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          a bad zone            | zone: Europe/Paris          | zone: Europe/Pariss       | line 1, zone: "Europe/Pariss" is not an IANA time zone
          a bad time            | ["13:00", "17:00"]          | ["13:00", "5pm"]          | line 4, week.TUE[1][1]: "5pm" is not a time
          a start of 24:00      | [["10:00", "24:00"]]        | [["24:00", "10:00"]]      | line 6, week.SAT[0][0]: "24:00" is not a time
          a bad weekday         | FRI:                        | FRY:                      | line 5, week.FRY: not a weekday
          a bad holiday         | "05-01"]                    | "13-01"]                  | line 7, holidays[1]: "13-01" is not a date
          an unknown set        | "de-by"                     | "XX"                      | line 11, holiday_sets[1]: unknown holiday set "XX"
          an unknown field      | holidays:                   | holliday:                 | line 7, holliday: unknown field
          a missing ical file   | 'holiday_sets: ["FR", "de-by"]' | 'ical: nowhere.ics'   | line 11, ical: cannot read iCalendar file
          """)
  void a_mistake_is_rejected_naming_its_line_and_field(
      String mistake, String from, String to, String message) {
    String broken = YAML.replace(from, to);
    assertThat(broken).isNotEqualTo(YAML);
    assertThatThrownBy(() -> read(broken))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(message);
  }

  @Test
  void a_calendar_whose_holidays_close_every_day_is_refused_naming_the_year() {
    StringBuilder every = new StringBuilder("[");
    for (LocalDate d = LocalDate.of(2024, 1, 1); d.getYear() == 2024; d = d.plusDays(1)) {
      every.append(every.length() > 1 ? ", " : "").append('"').append(MonthDay.from(d)).append('"');
    }
    String never =
        """
        zone: UTC
        week: {MON: [["09:00", "17:00"]]}
        holidays: %s]
        """
            .formatted(every.toString().replace("--", ""));
    assertThatThrownBy(() -> read(never))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("never open in 2025");
  }
}
