package io.slawatch.core.engagement;

import static io.slawatch.core.testing.EngagementStory.at;
import static io.slawatch.core.testing.EngagementStory.engagement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.slawatch.core.alert.EndReason;
import io.slawatch.core.calendar.CalendarDefinition;
import io.slawatch.core.report.ClockOutcome;
import io.slawatch.core.report.ClockOutcome.Status;
import io.slawatch.core.testing.Calendars;
import io.slawatch.core.testing.EngagementStory;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An engagement's obligations as the compliance reports count them: one outcome per obligation and
 * cycle, on a Jamf Gold customer in Paris (Easter Monday 2026-04-06 closed).
 */
class EngagementOutcomesTest {
  static final CalendarDefinition PARIS =
      Calendars.officeHours("Europe/Paris").holidaySet("FR").definition();
  static final Duration FOUR_HOURS = Duration.ofHours(4);

  static EngagementStory booked(String id) {
    return engagement(id)
        .onPlan("jamf-gold")
        .customerCalendar(PARIS)
        .purchased("2026-03-02T10:00+01:00", EngagementKind.REMOTE, 8)
        .scheduled("2026-03-20T11:00+01:00", "2026-04-14T10:00+02:00", FOUR_HOURS);
  }

  static List<ClockOutcome> outcomes(EngagementStory story, String asOf) {
    return EngagementOutcomes.of(story.asOf(asOf), at(asOf));
  }

  static ClockOutcome find(List<ClockOutcome> outcomes, String clock, int cycle) {
    return outcomes.stream()
        .filter(o -> o.clock().equals(clock) && o.cycle() == cycle)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void a_session_that_never_started_is_a_breached_no_show_of_the_engagement_without_priority() {
    List<ClockOutcome> outcomes = outcomes(booked("E-1"), "2026-04-14T11:00+02:00");

    ClockOutcome noShow = find(outcomes, "no_show", 1);
    assertThat(noShow.ticket()).isEqualTo("E-1");
    assertThat(noShow.customer()).isEqualTo("acme");
    assertThat(noShow.plan()).isEqualTo("jamf-gold");
    assertThat(noShow.priority()).isEqualTo(EngagementOutcomes.NO_PRIORITY);
    assertThat(noShow.source()).isEqualTo("crm/jamf");
    assertThat(noShow.status()).isEqualTo(Status.BREACHED);
    assertThat(noShow.start()).isEqualTo(at("2026-04-14T10:00+02:00"));
    assertThat(noShow.target()).isEqualTo(Duration.ofMinutes(20));
    assertThat(noShow.due()).contains(at("2026-04-14T10:20+02:00"));
    assertThat(noShow.breachedAt()).contains(at("2026-04-14T10:20+02:00"));
    assertThat(noShow.late())
        .as("40 minutes past due as of 11:00")
        .isEqualTo(Duration.ofMinutes(40));
    assertThat(noShow.flags()).contains("engagement", "no_show");

    ClockOutcome expiry = find(outcomes, "expiry", 1);
    assertThat(expiry.status()).isEqualTo(Status.OPEN);
    assertThat(expiry.due()).contains(at("2027-03-02T10:00+01:00"));
    assertThat(expiry.start()).isEqualTo(at("2026-03-02T10:00+01:00"));
  }

  @Test
  void a_late_start_is_met_late_and_a_completion_in_time_meets_the_expiry() {
    List<ClockOutcome> outcomes =
        outcomes(
            booked("E-2").started("2026-04-14T10:30+02:00").completed("2026-04-14T14:30+02:00"),
            "2026-04-15T00:00Z");

    ClockOutcome noShow = find(outcomes, "no_show", 1);
    assertThat(noShow.status()).isEqualTo(Status.MET_LATE);
    assertThat(noShow.metAt()).contains(at("2026-04-14T10:30+02:00"));
    assertThat(noShow.late()).isEqualTo(Duration.ofMinutes(10));
    assertThat(noShow.used()).isEqualTo(Duration.ofMinutes(30));
    ClockOutcome expiry = find(outcomes, "expiry", 1);
    assertThat(expiry.status()).isEqualTo(Status.MET);
    assertThat(expiry.metAt()).contains(at("2026-04-14T14:30+02:00"));
    assertThat(expiry.late()).isZero();
  }

  @Test
  void a_late_reschedule_is_a_breached_late_notice_and_ends_the_moved_bookings_no_show() {
    // deadline for Tue 14 Apr 10:00: Tue 7 Apr 10:00 (Easter Monday closed); moved 1 h after it
    List<ClockOutcome> outcomes =
        outcomes(
            booked("E-3")
                .rescheduled("2026-04-07T11:00+02:00", "2026-04-21T10:00+02:00", FOUR_HOURS),
            "2026-04-08T00:00Z");

    ClockOutcome late = find(outcomes, "late_notice", 1);
    assertThat(late.status()).isEqualTo(Status.BREACHED);
    assertThat(late.start()).isEqualTo(at("2026-04-07T11:00+02:00"));
    assertThat(late.due()).contains(at("2026-04-07T10:00+02:00"));
    assertThat(late.breachedAt()).contains(at("2026-04-07T11:00+02:00"));
    assertThat(late.late()).as("the change came an hour too late").isEqualTo(Duration.ofHours(1));
    assertThat(late.used()).isZero();

    ClockOutcome moved = find(outcomes, "no_show", 1);
    assertThat(moved.status()).isEqualTo(Status.ENDED);
    assertThat(moved.endedAt()).contains(at("2026-04-07T11:00+02:00"));
    assertThat(moved.endReason()).contains(EndReason.CLOCK_REMOVED);
    assertThat(find(outcomes, "no_show", 2).status()).isEqualTo(Status.OPEN);
  }

  @Test
  void a_no_show_then_moved_stays_breached_and_ends_when_moved() {
    List<ClockOutcome> outcomes =
        outcomes(
            booked("E-4")
                .rescheduled("2026-04-14T12:00+02:00", "2026-04-28T10:00+02:00", FOUR_HOURS),
            "2026-04-15T00:00Z");

    ClockOutcome noShow = find(outcomes, "no_show", 1);
    assertThat(noShow.status()).isEqualTo(Status.BREACHED);
    assertThat(noShow.endedAt()).contains(at("2026-04-14T12:00+02:00"));
    assertThat(noShow.endReason()).contains(EndReason.CLOCK_REMOVED);
    assertThat(noShow.late()).isEqualTo(Duration.ofMinutes(100));
  }

  @Test
  void a_forfeit_risk_is_open_without_a_deadline_until_the_customer_answers() {
    EngagementStory story =
        booked("E-5")
            .contactAttempted("2026-05-04T10:00+02:00")
            .contactAttempted("2026-05-05T10:00+02:00")
            .contactAttempted("2026-05-06T10:00+02:00");
    ClockOutcome risk = find(outcomes(story, "2026-05-20T00:00Z"), "forfeit_risk", 1);
    assertThat(risk.status()).isEqualTo(Status.OPEN);
    assertThat(risk.due()).as("a risk, never a breach").isEmpty();
    assertThat(risk.start()).isEqualTo(at("2026-05-04T10:00+02:00"));

    story.customerResponded("2026-05-21T10:00+02:00");
    ClockOutcome answered = find(outcomes(story, "2026-05-22T00:00Z"), "forfeit_risk", 1);
    assertThat(answered.status()).isEqualTo(Status.MET);
    assertThat(answered.metAt()).contains(at("2026-05-21T10:00+02:00"));
  }

  @Test
  void every_obligation_of_the_engagement_has_one_outcome_and_none_before_the_purchase() {
    List<ClockOutcome> outcomes =
        outcomes(
            booked("E-6")
                .rescheduled("2026-03-25T10:00+01:00", "2026-04-28T10:00+02:00", FOUR_HOURS),
            "2026-03-26T00:00Z");
    assertThat(outcomes)
        .extracting(ClockOutcome::clock, ClockOutcome::cycle, ClockOutcome::status)
        .containsExactly(
            tuple("expiry", 1, Status.OPEN),
            tuple("no_show", 1, Status.ENDED),
            tuple("no_show", 2, Status.OPEN));

    EngagementEvaluation nothing =
        engagement("E-7").contactAttempted("2026-03-02T10:00Z").asOf("2026-03-03T00:00Z");
    assertThat(EngagementOutcomes.of(nothing, at("2026-03-03T00:00Z"))).isEmpty();
  }
}
