package io.slawatch.core.engagement;

import static io.slawatch.core.testing.EngagementStory.at;
import static io.slawatch.core.testing.EngagementStory.engagement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.slawatch.core.alert.AlertKind;
import io.slawatch.core.alert.SlaAlert;
import io.slawatch.core.calendar.CalendarDefinition;
import io.slawatch.core.testing.Calendars;
import io.slawatch.core.testing.EngagementStory;
import io.slawatch.core.testing.ZoneSensitive;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * An engagement replayed on its customer's terms over time (support-plans.md section 6: a change of
 * the customer record applies from its instant on, never back-dated), as a ticket is. A Jamf Gold
 * customer in Paris (French holidays, Easter Monday 2026-04-06) adds two closed days, Thursday 9
 * and Thursday 16 April, and moves to Jamf Platinum at 12:00 on Tuesday 7 April.
 */
@ZoneSensitive
class EngagementTermsOverTimeTest {
  static final CalendarDefinition PARIS =
      Calendars.officeHours("Europe/Paris").holidaySet("FR").definition();
  static final CalendarDefinition PARIS_WITH_CLOSURES =
      Calendars.officeHours("Europe/Paris")
          .holidaySet("FR")
          .holiday("2026-04-09")
          .holiday("2026-04-16")
          .definition();
  static final Duration FOUR_HOURS = Duration.ofHours(4);

  /**
   * Booked for Tuesday 14 April 10:00, moved at 09:00 on Tuesday 7 April (before the change) to
   * Tuesday 21 April 10:00, then cancelled at 10:00:01 on Monday 13 April (after it).
   */
  static EngagementStory movedThenCancelled(String id) {
    return engagement(id)
        .onPlan("jamf-gold")
        .customerCalendar(PARIS)
        .customerChanged("2026-04-07T12:00+02:00", "jamf-platinum", PARIS_WITH_CLOSURES)
        .purchased("2026-03-02T10:00+01:00", EngagementKind.REMOTE, 8)
        .scheduled("2026-03-20T11:00+01:00", "2026-04-14T10:00+02:00", FOUR_HOURS)
        .rescheduled("2026-04-07T09:00+02:00", "2026-04-21T10:00+02:00", FOUR_HOURS)
        .cancelled("2026-04-13T10:00:01+02:00");
  }

  @Test
  void a_notice_given_before_the_calendar_changed_keeps_the_deadline_of_the_earlier_calendar() {
    // Tue 14 Apr 10:00 on the earlier calendar: Mon 13, Fri 10, Thu 9, Wed 8, Tue 7 -> Tue 7 Apr
    // 10:00, so a move at 09:00 that day gave notice. With 9 April closed the deadline would be Fri
    // 3 April (Easter Monday is closed too) and the move late: the change must not reach back.
    EngagementEvaluation result = movedThenCancelled("E-T1").asOf("2026-04-30T00:00Z");

    assertThat(
            result.alerts().stream()
                .filter(a -> a.clock().equals(Obligations.LATE_NOTICE))
                .map(SlaAlert::firedAt))
        .as("only the cancellation after the change was late")
        .containsExactly(at("2026-04-13T10:00:01+02:00"));
    assertThat(result.engagement().orElseThrow().lateNotices()).isEqualTo(1);
  }

  @Test
  void a_change_after_the_calendar_changed_is_judged_on_the_new_calendar() {
    // Tue 21 Apr 10:00 on the new calendar: Mon 20, Fri 17, Wed 15, Tue 14, Mon 13 -> Mon 13 Apr
    // 10:00 (on the earlier one it would be Tue 14 Apr, and the cancellation in time)
    EngagementEvaluation result = movedThenCancelled("E-T2").asOf("2026-04-30T00:00Z");

    SlaAlert late =
        result.alerts().stream()
            .filter(a -> a.clock().equals(Obligations.LATE_NOTICE))
            .findFirst()
            .orElseThrow();
    assertThat(late.kind()).isEqualTo(AlertKind.BREACHED);
    assertThat(late.due()).isEqualTo(at("2026-04-13T10:00+02:00"));
    assertThat(late.plan()).as("fired after the change: the new plan").isEqualTo("jamf-platinum");
    assertThat(result.timeline())
        .anySatisfy(e -> assertThat(e.cause()).contains("plan jamf-gold -> jamf-platinum"));
  }

  @Test
  void each_obligation_counts_under_the_plan_in_force_when_it_began() {
    EngagementEvaluation result = movedThenCancelled("E-T3").asOf("2026-04-30T00:00Z");

    assertThat(result.obligations())
        .extracting(o -> o.clock().wireName(), Obligation::cycle, Obligation::plan)
        .containsExactly(
            tuple("expiry", 1, "jamf-gold"),
            tuple("no_show", 1, "jamf-gold"),
            tuple("no_show", 2, "jamf-gold"),
            tuple("late_notice", 1, "jamf-platinum"));
  }

  @Test
  void the_expiry_is_fixed_at_the_purchase_in_the_zone_then_in_force() {
    EngagementEvaluation result =
        engagement("E-T4")
            .onPlan("jamf-gold")
            .customerCalendar(PARIS)
            .customerChanged(
                "2026-06-01T00:00Z",
                "jamf-gold",
                Calendars.officeHours("America/New_York").definition())
            .purchased("2026-03-02T10:00+01:00", EngagementKind.REMOTE, 8)
            .asOf("2027-04-01T00:00Z");

    assertThat(result.engagement().orElseThrow().expiresAt())
        .isEqualTo(at("2027-03-02T10:00+01:00"));
    assertThat(
            result.alerts().stream()
                .filter(a -> a.clock().equals(Obligations.EXPIRY))
                .map(SlaAlert::firedAt))
        .containsExactly(
            at("2026-12-02T10:00+01:00"),
            at("2027-01-31T10:00+01:00"),
            at("2027-02-23T10:00+01:00"),
            at("2027-03-02T10:00+01:00"));
  }

  @Test
  void a_change_before_the_purchase_is_the_engagements_terms_from_the_start() {
    EngagementEvaluation result =
        engagement("E-T5")
            .onPlan("jamf-gold")
            .customerCalendar(PARIS)
            .customerChanged("2026-01-01T00:00Z", "jamf-platinum", PARIS)
            .purchased("2026-03-02T10:00+01:00", EngagementKind.REMOTE, 8)
            .asOf("2026-03-03T00:00Z");

    assertThat(result.obligation(Obligations.EXPIRY).orElseThrow().plan())
        .isEqualTo("jamf-platinum");
    assertThat(result.upcoming()).allSatisfy(a -> assertThat(a.plan()).isEqualTo("jamf-platinum"));
  }
}
