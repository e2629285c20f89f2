package io.slawatch.core.calendar;

import static io.slawatch.core.testing.Calendars.calendar;
import static io.slawatch.core.testing.Calendars.officeHours;
import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.core.testing.Calendars;
import io.slawatch.core.testing.ZoneSensitive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@ZoneSensitive
class BusinessCalendarTest {
  static Instant at(String offsetDateTime) {
    return OffsetDateTime.parse(offsetDateTime).toInstant();
  }

  static Duration hours(double h) {
    return Duration.ofMinutes(Math.round(h * 60));
  }

  private final BusinessCalendar paris = officeHours("Europe/Paris").build();

  @Nested
  class Adding {
    @Test
    void four_business_hours_from_monday_afternoon_end_tuesday_morning() {
      assertThat(paris.add(at("2026-03-23T15:00+01:00"), hours(4)))
          .isEqualTo(at("2026-03-24T11:00+01:00"));
    }

    @Test
    void a_deadline_landing_on_the_closing_time_is_that_closing_instant() {
      assertThat(paris.add(at("2026-03-23T15:00+01:00"), hours(2)))
          .isEqualTo(at("2026-03-23T17:00+01:00"));
    }

    @Test
    void a_start_outside_hours_counts_from_the_next_opening() {
      assertThat(paris.add(at("2026-03-28T10:00+01:00"), hours(1)))
          .isEqualTo(at("2026-03-30T10:00+02:00"));
    }

    @Test
    void zero_from_an_open_instant_is_that_instant() {
      assertThat(paris.add(at("2026-03-27T10:00+01:00"), Duration.ZERO))
          .isEqualTo(at("2026-03-27T10:00+01:00"));
    }

    @Test
    void zero_from_a_closed_instant_is_the_next_opening() {
      assertThat(paris.add(at("2026-03-28T10:00+01:00"), Duration.ZERO))
          .isEqualTo(at("2026-03-30T09:00+02:00"));
      assertThat(paris.add(at("2026-03-27T17:00+01:00"), Duration.ZERO))
          .isEqualTo(at("2026-03-30T09:00+02:00"));
    }

    @Test
    void subtracting_zero_from_a_closed_instant_is_the_previous_closing() {
      assertThat(paris.subtract(at("2026-03-28T10:00+01:00"), Duration.ZERO))
          .isEqualTo(at("2026-03-27T17:00+01:00"));
      assertThat(paris.subtract(at("2026-03-24T08:00+01:00"), Duration.ZERO))
          .isEqualTo(at("2026-03-23T17:00+01:00"));
      assertThat(paris.subtract(at("2026-03-24T10:00+01:00"), Duration.ZERO))
          .isEqualTo(at("2026-03-24T10:00+01:00"));
    }

    @Test
    void subtracting_zero_on_new_years_morning_finds_the_closing_of_the_previous_year() {
      assertThat(paris.subtract(at("2027-01-01T08:00+01:00"), Duration.ZERO))
          .isEqualTo(at("2026-12-31T17:00+01:00"));
    }

    @Test
    void a_lunch_break_is_skipped() {
      BusinessCalendar split = calendar().weekdays("09:00", "12:00", "13:00", "17:00").build();
      assertThat(split.add(at("2026-03-23T11:00+01:00"), hours(2)))
          .isEqualTo(at("2026-03-23T14:00+01:00"));
    }

    @Test
    void thirty_business_days_of_hours_cross_the_year_and_its_holidays() {
      BusinessCalendar withHolidays =
          officeHours("Europe/Paris").yearly("12-25").yearly("01-01").build();
      Instant start = at("2026-12-01T09:00+01:00");
      Instant due = withHolidays.add(start, hours(30 * 8));
      assertThat(due).isEqualTo(at("2027-01-13T17:00+01:00"));
      assertThat(withHolidays.elapsed(start, due)).isEqualTo(hours(240));
    }

    @Test
    void subtracting_goes_back_over_the_night() {
      assertThat(paris.subtract(at("2026-03-24T10:00+01:00"), hours(2)))
          .isEqualTo(at("2026-03-23T16:00+01:00"));
    }

    @Test
    void subtracting_to_an_opening_is_that_opening_instant() {
      assertThat(paris.subtract(at("2026-03-24T11:00+01:00"), hours(2)))
          .isEqualTo(at("2026-03-24T09:00+01:00"));
    }
  }

  @Nested
  class Elapsed {
    @Test
    void is_zero_when_the_end_is_not_after_the_start() {
      assertThat(paris.elapsed(at("2026-03-24T11:00+01:00"), at("2026-03-24T10:00+01:00")))
          .isZero();
    }

    @Test
    void counts_only_open_time() {
      assertThat(paris.elapsed(at("2026-03-20T16:00+01:00"), at("2026-03-23T10:30+01:00")))
          .isEqualTo(hours(2.5));
    }

    @Test
    void next_open_is_the_instant_itself_when_open_else_the_next_opening() {
      assertThat(paris.nextOpen(at("2026-03-23T10:00+01:00")))
          .isEqualTo(at("2026-03-23T10:00+01:00"));
      assertThat(paris.nextOpen(at("2026-03-23T17:00+01:00")))
          .isEqualTo(at("2026-03-24T09:00+01:00"));
      assertThat(paris.isOpen(at("2026-03-23T17:00+01:00"))).isFalse();
    }
  }

  @Nested
  class DaylightSaving {
    private final BusinessCalendar allDay = calendar().everyDay("00:00", "24:00").build();

    @Test
    void a_spring_forward_day_open_all_day_holds_23_hours() {
      assertThat(allDay.elapsed(at("2026-03-29T00:00+01:00"), at("2026-03-30T00:00+02:00")))
          .isEqualTo(hours(23));
    }

    @Test
    void a_fall_back_day_open_all_day_holds_25_hours() {
      assertThat(allDay.elapsed(at("2026-10-25T00:00+02:00"), at("2026-10-26T00:00+01:00")))
          .isEqualTo(hours(25));
    }

    @Test
    void a_local_opening_time_in_a_dst_gap_moves_later_by_the_gap_length() {
      BusinessCalendar night = calendar().on(DayOfWeek.SUNDAY, "02:30", "05:00").build();
      assertThat(night.nextOpen(at("2026-03-29T00:00+01:00")))
          .isEqualTo(at("2026-03-29T03:30+02:00"));
      assertThat(night.elapsed(at("2026-03-29T00:00+01:00"), at("2026-03-30T00:00+02:00")))
          .isEqualTo(hours(1.5));
    }

    @Test
    void an_interval_that_the_gap_leaves_empty_is_skipped_that_day() {
      BusinessCalendar night = calendar().on(DayOfWeek.SUNDAY, "02:15", "03:00").build();
      assertThat(night.elapsed(at("2026-03-29T00:00+01:00"), at("2026-03-30T00:00+02:00")))
          .isZero();
      assertThat(night.nextOpen(at("2026-03-29T00:00+01:00")))
          .isEqualTo(at("2026-04-05T02:15+02:00"));
    }

    @Test
    void a_closing_time_in_the_gap_moves_later_too() {
      BusinessCalendar night = calendar().on(DayOfWeek.SUNDAY, "01:00", "02:30").build();
      assertThat(night.elapsed(at("2026-03-29T00:00+01:00"), at("2026-03-30T00:00+02:00")))
          .isEqualTo(hours(1.5));
    }

    @Test
    void an_ambiguous_local_time_takes_the_earlier_offset() {
      BusinessCalendar night = calendar().on(DayOfWeek.SUNDAY, "02:30", "05:00").build();
      assertThat(night.nextOpen(at("2026-10-25T00:00+02:00")))
          .isEqualTo(at("2026-10-25T02:30+02:00"));
      assertThat(night.elapsed(at("2026-10-25T00:00+02:00"), at("2026-10-26T00:00+01:00")))
          .isEqualTo(hours(3.5));
    }

    @Test
    void the_southern_hemisphere_falls_back_in_april() {
      BusinessCalendar sydney =
          calendar().in("Australia/Sydney").everyDay("00:00", "24:00").build();
      assertThat(sydney.elapsed(at("2026-04-05T00:00+11:00"), at("2026-04-06T00:00+10:00")))
          .isEqualTo(hours(25));
    }

    @Test
    void business_days_keep_the_local_time_across_a_clock_change() {
      assertThat(paris.addBusinessDays(at("2026-03-27T15:00+01:00"), 1))
          .isEqualTo(at("2026-03-30T15:00+02:00"));
    }
  }

  @Nested
  class Hours {
    @Test
    void an_interval_ending_before_its_start_runs_past_midnight() {
      BusinessCalendar nights = calendar().on(DayOfWeek.MONDAY, "22:00", "06:00").build();
      assertThat(nights.add(at("2026-03-23T23:30+01:00"), hours(1)))
          .isEqualTo(at("2026-03-24T00:30+01:00"));
      assertThat(nights.elapsed(at("2026-03-23T00:00+01:00"), at("2026-03-25T00:00+01:00")))
          .isEqualTo(hours(8));
    }

    @Test
    void an_end_of_24_00_is_midnight() {
      BusinessCalendar evenings = calendar().on(DayOfWeek.FRIDAY, "18:00", "24:00").build();
      assertThat(evenings.add(at("2026-03-27T18:00+01:00"), hours(6)))
          .isEqualTo(at("2026-03-28T00:00+01:00"));
    }

    @Test
    void dated_and_yearly_holidays_close_whole_days() {
      BusinessCalendar closed =
          officeHours("Europe/Paris").holiday("2026-05-04").yearly("05-01").build();
      assertThat(closed.add(at("2026-04-30T16:00+02:00"), hours(2)))
          .isEqualTo(at("2026-05-05T10:00+02:00"));
      assertThat(closed.isBusinessDay(java.time.LocalDate.parse("2027-05-03"))).isTrue();
      assertThat(closed.isBusinessDay(java.time.LocalDate.parse("2028-05-01"))).isFalse();
    }

    @Test
    void an_override_replaces_the_hours_of_one_date_and_an_empty_one_closes_it() {
      BusinessCalendar christmas =
          officeHours("Europe/Paris")
              .override("2026-12-24", "09:00", "12:00")
              .override("2026-12-28")
              .yearly("12-25")
              .build();
      assertThat(christmas.add(at("2026-12-24T09:00+01:00"), hours(4)))
          .isEqualTo(at("2026-12-29T10:00+01:00"));
    }

    @Test
    void an_override_wins_over_a_holiday() {
      BusinessCalendar open =
          officeHours("Europe/Paris")
              .yearly("05-01")
              .override("2026-05-01", "10:00", "11:00")
              .build();
      assertThat(open.nextOpen(at("2026-05-01T00:00+02:00")))
          .isEqualTo(at("2026-05-01T10:00+02:00"));
    }

    @Test
    void a_holiday_cuts_an_overnight_interval_at_midnight() {
      BusinessCalendar nights =
          calendar().on(DayOfWeek.THURSDAY, "22:00", "06:00").holiday("2026-05-01").build();
      assertThat(nights.elapsed(at("2026-04-30T00:00+02:00"), at("2026-05-02T00:00+02:00")))
          .isEqualTo(hours(2));
    }

    @Test
    void a_public_holiday_set_closes_bastille_day() {
      BusinessCalendar france = officeHours("Europe/Paris").holidaySet("FR").build();
      assertThat(france.add(at("2026-07-13T16:30+02:00"), hours(1)))
          .isEqualTo(at("2026-07-15T09:30+02:00"));
      assertThat(paris.add(at("2026-07-13T16:30+02:00"), hours(1)))
          .isEqualTo(at("2026-07-14T09:30+02:00"));
    }

    @Test
    void regional_holiday_sets_differ_from_the_national_one() {
      BusinessCalendar bavaria = officeHours("Europe/Berlin").holidaySet("DE-BY").build();
      BusinessCalendar berlin = officeHours("Europe/Berlin").holidaySet("DE").build();
      java.time.LocalDate epiphany = java.time.LocalDate.parse("2027-01-06");
      assertThat(bavaria.isBusinessDay(epiphany)).isFalse();
      assertThat(berlin.isBusinessDay(epiphany)).isTrue();
    }
  }

  @Nested
  class Pauses {
    private final List<TimeSpan> lunchMeeting =
        List.of(new TimeSpan(at("2026-03-23T10:00+01:00"), at("2026-03-23T12:00+01:00")));

    @Test
    void a_paused_span_consumes_no_time() {
      assertThat(paris.add(at("2026-03-23T09:00+01:00"), hours(4), lunchMeeting))
          .isEqualTo(at("2026-03-23T15:00+01:00"));
      assertThat(
              paris.elapsed(
                  at("2026-03-23T09:00+01:00"), at("2026-03-23T15:00+01:00"), lunchMeeting))
          .isEqualTo(hours(4));
    }

    @Test
    void subtract_and_next_open_skip_pauses_too() {
      assertThat(paris.subtract(at("2026-03-23T15:00+01:00"), hours(4), lunchMeeting))
          .isEqualTo(at("2026-03-23T09:00+01:00"));
      assertThat(paris.nextOpen(at("2026-03-23T10:30+01:00"), lunchMeeting))
          .isEqualTo(at("2026-03-23T12:00+01:00"));
    }
  }

  @Nested
  class BusinessDays {
    @Test
    void one_business_day_is_the_same_local_time_on_the_next_business_day() {
      assertThat(paris.addBusinessDays(at("2026-03-24T15:00+01:00"), 1))
          .isEqualTo(at("2026-03-25T15:00+01:00"));
      assertThat(paris.addBusinessDays(at("2026-03-20T15:00+01:00"), 2))
          .isEqualTo(at("2026-03-24T15:00+01:00"));
    }

    @Test
    void outside_hours_they_count_from_the_next_opening() {
      assertThat(paris.addBusinessDays(at("2026-03-21T15:00+01:00"), 1))
          .isEqualTo(at("2026-03-24T09:00+01:00"));
    }

    @Test
    void on_an_always_open_calendar_a_day_is_the_next_day_at_the_same_time() {
      assertThat(
              Calendars.alwaysOpen("Europe/Paris").addBusinessDays(at("2026-03-28T12:00+01:00"), 1))
          .isEqualTo(at("2026-03-29T12:00+02:00"));
    }
  }

  @Nested
  class Ical {
    @TempDir Path dir;

    @Test
    void all_day_events_close_dates_and_timed_events_close_their_span() throws IOException {
      Files.writeString(
          dir.resolve("closures.ics"),
          """
          BEGIN:VCALENDAR
          VERSION:2.0
          PRODID:-//slawatch//test//EN
          BEGIN:VEVENT
          UID:1@test
          DTSTAMP:20260101T000000Z
          SUMMARY:Company day
          DTSTART;VALUE=DATE:20260324
          DTEND;VALUE=DATE:20260325
          END:VEVENT
          BEGIN:VEVENT
          UID:2@test
          DTSTAMP:20260101T000000Z
          SUMMARY:Office move
          DTSTART:20260325T090000Z
          DTEND:20260325T110000Z
          END:VEVENT
          END:VCALENDAR
          """
              .replace("\n", "\r\n"));
      CalendarDefinition definition =
          CalendarReader.relativeTo(dir)
              .read(
                  io.slawatch.core.config.YamlTrees.parse(
                      """
                      zone: Europe/Paris
                      week: {MON: [["09:00","17:00"]], TUE: [["09:00","17:00"]], WED: [["09:00","17:00"]]}
                      ical: closures.ics
                      """));
      BusinessCalendar calendar = BusinessCalendar.of(definition);
      assertThat(calendar.add(at("2026-03-23T16:00+01:00"), hours(3)))
          .isEqualTo(at("2026-03-25T13:00+01:00"));
    }
  }
}
