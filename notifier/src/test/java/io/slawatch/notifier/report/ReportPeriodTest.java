package io.slawatch.notifier.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.notifier.report.ReportPeriod.Cadence;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ReportPeriodTest {
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final ZoneId LA = ZoneId.of("America/Los_Angeles");

  @Test
  void the_month_due_is_the_last_one_ended_in_the_customers_zone_plus_the_delay() {
    // 2026-12-01T00:30Z: 09:30 in Tokyo (November over for 9.5 h), 16:30 on 30 November in LA
    Instant now = Instant.parse("2026-12-01T00:30:00Z");
    Duration delay = Duration.ofHours(6);
    assertThat(ReportPeriod.lastDue(Cadence.MONTHLY, TOKYO, now, delay).label())
        .isEqualTo("2026-11");
    assertThat(ReportPeriod.lastDue(Cadence.MONTHLY, LA, now, delay).label()).isEqualTo("2026-10");
    // Tokyo at 05:59 on 1 December: the delay is not over yet
    assertThat(
            ReportPeriod.lastDue(
                    Cadence.MONTHLY, TOKYO, Instant.parse("2026-11-30T20:59:00Z"), delay)
                .label())
        .isEqualTo("2026-10");
  }

  @Test
  void a_period_runs_from_midnight_to_midnight_in_the_zone() {
    ReportPeriod november = ReportPeriod.parse("2026-11").orElseThrow();
    assertThat(november.from(TOKYO)).isEqualTo(Instant.parse("2026-10-31T15:00:00Z"));
    assertThat(november.to(TOKYO)).isEqualTo(Instant.parse("2026-11-30T15:00:00Z"));
    // LA leaves DST on 1 November 2026: 1 Nov 00:00 is still PDT (UTC-7), 1 Dec PST (UTC-8)
    assertThat(november.from(LA)).isEqualTo(Instant.parse("2026-11-01T07:00:00Z"));
    assertThat(november.to(LA)).isEqualTo(Instant.parse("2026-12-01T08:00:00Z"));
  }

  @Test
  void a_day_without_midnight_starts_at_its_first_instant() {
    // São Paulo skipped 00:00-01:00 on 4 November 2018 (DST began at midnight)
    ReportPeriod week =
        ReportPeriod.containing(Cadence.WEEKLY, LocalDate.of(2018, 11, 7)); // Mon 5 Nov..
    ReportPeriod previous = week.previous();
    assertThat(previous.first()).isEqualTo(LocalDate.of(2018, 10, 29));
    assertThat(previous.to(ZoneId.of("America/Sao_Paulo")))
        .isEqualTo(Instant.parse("2018-11-05T02:00:00Z"));
    ReportPeriod month = ReportPeriod.parse("2018-11").orElseThrow();
    assertThat(month.first().plusDays(3).atStartOfDay(ZoneId.of("America/Sao_Paulo")).toInstant())
        .isEqualTo(Instant.parse("2018-11-04T03:00:00Z")); // 01:00 local, UTC-2
  }

  @Test
  void weeks_are_iso_weeks_across_the_year_end() {
    ReportPeriod week = ReportPeriod.containing(Cadence.WEEKLY, LocalDate.of(2027, 1, 1));
    assertThat(week.label()).isEqualTo("2026-W53");
    assertThat(week.first()).isEqualTo(LocalDate.of(2026, 12, 28));
    assertThat(ReportPeriod.parse("2026-W53")).contains(week);
    assertThat(ReportPeriod.parse("2025-W53")).isEmpty(); // 2025 has 52 weeks
    assertThat(ReportPeriod.parse("2027-W01").orElseThrow().first())
        .isEqualTo(LocalDate.of(2027, 1, 4));
  }

  @Test
  void labels_round_trip_and_nonsense_is_refused() {
    assertThat(ReportPeriod.parse("2026-02").orElseThrow().end())
        .isEqualTo(LocalDate.of(2026, 3, 1));
    assertThat(ReportPeriod.parse("2026-13")).isEmpty();
    assertThat(ReportPeriod.parse("2026-00")).isEmpty();
    assertThat(ReportPeriod.parse("2026-W00")).isEmpty();
    assertThat(ReportPeriod.parse("November")).isEmpty();
    assertThat(ReportPeriod.parse("2026-11").orElseThrow().previous().label()).isEqualTo("2026-10");
  }
}
