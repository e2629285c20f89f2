package io.slawatch.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.core.calendar.BusinessCalendar;
import io.slawatch.core.calendar.CalendarDefinition;
import io.slawatch.core.testing.Calendars;
import io.slawatch.core.testing.ZoneSensitive;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Section 5 of support-plans.md: the words used in the plans and their meaning. */
@ZoneSensitive
class PlanInterpretationTest {
  static final CalendarDefinition CUSTOMER =
      Calendars.officeHours("Europe/Warsaw").yearly("12-25").definition();

  @ParameterizedTest(name = "{0}: {1} + {2} = {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          business_hours            | 2026-03-20T16:00+01:00 | 2h              | 2026-03-23T10:00+01:00
          business_hours            | 2026-03-21T10:00+01:00 | 1h              | 2026-03-23T10:00+01:00
          business_days 08:00-20:00 | 2026-03-20T19:00+01:00 | 4h              | 2026-03-23T11:00+01:00
          business_days 08:00-21:00 | 2026-03-20T20:00+01:00 | 2h              | 2026-03-23T09:00+01:00
          business_days 00:00-24:00 | 2026-03-20T23:00+01:00 | 2h              | 2026-03-23T01:00+01:00
          24x7                      | 2026-03-20T23:00+01:00 | 24h             | 2026-03-21T23:00+01:00
          business_hours            | 2026-03-24T15:00+01:00 | 1 business day  | 2026-03-25T15:00+01:00
          business_hours            | 2026-03-20T15:00+01:00 | 2 business days | 2026-03-24T15:00+01:00
          business_hours            | 2026-03-21T15:00+01:00 | 1 business day  | 2026-03-24T09:00+01:00
          business_hours            | 2026-12-24T15:00+01:00 | 1 business day  | 2026-12-28T15:00+01:00
          business_days 08:00-20:00 | 2026-12-24T19:00+01:00 | 2h              | 2026-12-28T09:00+01:00
          """)
  void a_target_on_a_plan_calendar_is_due_at(
      String calendar, String start, String target, String due) {
    BusinessCalendar resolved =
        BusinessCalendar.of(Coverage.parse(calendar).orElseThrow().resolve(CUSTOMER));
    Instant from = OffsetDateTime.parse(start).toInstant();
    Target parsed = Targets.parse(target).orElseThrow();
    Duration business = parsed.businessTime(resolved, from);
    assertThat(parsed.due(resolved, from, business))
        .isEqualTo(OffsetDateTime.parse(due).toInstant());
  }
}
