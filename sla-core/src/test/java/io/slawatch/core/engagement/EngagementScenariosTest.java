package io.slawatch.core.engagement;

import static io.slawatch.core.testing.EngagementStory.at;
import static io.slawatch.core.testing.EngagementStory.engagement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.slawatch.core.alert.AlertKind;
import io.slawatch.core.alert.ClockKind;
import io.slawatch.core.alert.EndReason;
import io.slawatch.core.alert.SlaAlert;
import io.slawatch.core.calendar.BusinessCalendar;
import io.slawatch.core.calendar.CalendarDefinition;
import io.slawatch.core.testing.Calendars;
import io.slawatch.core.testing.EngagementStory;
import io.slawatch.core.testing.ZoneSensitive;
import io.slawatch.core.ticket.Priority;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Jamf's services policy (seed 003) on a real customer calendar: a Jamf Gold customer in Paris
 * working 09:00-17:00, Monday to Friday, with the French public holidays (Easter Monday
 * 2026-04-06). Clocks go forward on Sunday 2026-03-29 and back on Sunday 2026-10-25.
 */
@ZoneSensitive
class EngagementScenariosTest {
  static final CalendarDefinition PARIS =
      Calendars.officeHours("Europe/Paris").holidaySet("FR").definition();

  static final Duration FOUR_HOURS = Duration.ofHours(4);

  static EngagementStory story(String id) {
    return engagement(id).onPlan("jamf-gold").customerCalendar(PARIS);
  }

  /** A remote engagement bought on 2026-03-02, first booked for Tuesday 2026-04-14 10:00. */
  static EngagementStory bookedForTuesdayAfterEaster(String id) {
    return story(id)
        .purchased("2026-03-02T10:00+01:00", EngagementKind.REMOTE, 8)
        .scheduled("2026-03-20T11:00+01:00", "2026-04-14T10:00+02:00", FOUR_HOURS);
  }

  static List<SlaAlert> alertsOf(EngagementEvaluation result, ClockKind clock) {
    return result.alerts().stream().filter(a -> a.clock().equals(clock)).toList();
  }

  @Test
  void the_calendar_really_has_the_easter_monday_holiday() {
    BusinessCalendar paris = BusinessCalendar.of(PARIS);
    assertThat(paris.isBusinessDay(LocalDate.parse("2026-04-06"))).isFalse();
    assertThat(paris.isBusinessDay(LocalDate.parse("2026-04-07"))).isTrue();
  }

  /** "Moved or cancelled without 5 business days' notice can forfeit the service." */
  @Nested
  class LateNotice {
    // Tue 14 Apr 10:00 <- Mon 13, Fri 10, Thu 9, Wed 8, Tue 7 (Easter Monday and the weekend are no
    // business days): the deadline is Tuesday 7 April at 10:00.

    @Test
    void a_reschedule_at_the_deadline_across_a_weekend_and_a_holiday_gives_enough_notice() {
      EngagementEvaluation result =
          bookedForTuesdayAfterEaster("E-1")
              .rescheduled("2026-04-07T10:00+02:00", "2026-04-21T10:00+02:00", FOUR_HOURS)
              .asOf("2026-04-08T00:00Z");
      assertThat(alertsOf(result, Obligations.LATE_NOTICE)).isEmpty();
      assertThat(result.engagement().orElseThrow().flags()).doesNotContain("late_notice");
    }

    @Test
    void a_reschedule_one_second_after_the_deadline_is_late_notice() {
      EngagementEvaluation result =
          bookedForTuesdayAfterEaster("E-2")
              .rescheduled("2026-04-07T10:00:01+02:00", "2026-04-21T10:00+02:00", FOUR_HOURS)
              .asOf("2026-04-08T00:00Z");
      assertThat(alertsOf(result, Obligations.LATE_NOTICE))
          .extracting(SlaAlert::kind, SlaAlert::firedAt, SlaAlert::due, SlaAlert::cycle)
          .containsExactly(
              tuple(
                  AlertKind.BREACHED,
                  at("2026-04-07T10:00:01+02:00"),
                  at("2026-04-07T10:00+02:00"),
                  1));
      SlaAlert late = alertsOf(result, Obligations.LATE_NOTICE).getFirst();
      assertThat(late.id()).isEqualTo("E-2/late_notice/1/sla.breached/1.0");
      assertThat(late.flags()).contains("late_notice", "engagement");
      assertThat(late.terms().orElseThrow()).contains("5 business days' notice");
      assertThat(result.engagement().orElseThrow().flags()).contains("late_notice");
      assertThat(result.engagement().orElseThrow().lateNotices()).isEqualTo(1);
    }

    @Test
    void a_cancellation_on_the_wednesday_before_is_late_though_seven_calendar_days_remain() {
      EngagementEvaluation result =
          bookedForTuesdayAfterEaster("E-3")
              .cancelled("2026-04-08T09:30+02:00")
              .asOf("2026-04-20T00:00Z");
      assertThat(alertsOf(result, Obligations.LATE_NOTICE))
          .extracting(SlaAlert::kind, SlaAlert::firedAt)
          .containsExactly(tuple(AlertKind.BREACHED, at("2026-04-08T09:30+02:00")));
      assertThat(result.engagement().orElseThrow().stage())
          .isEqualTo(new EngagementStage.Unscheduled());
      assertThat(alertsOf(result, Obligations.NO_SHOW))
          .as("a cancelled booking owes no start")
          .isEmpty();
    }

    @Test
    void a_change_on_the_holiday_counts_from_the_next_opening() {
      // Easter Monday 15:00 -> Tuesday 09:00 opening + 5 business days = Tuesday 14 Apr 09:00
      EngagementEvaluation result =
          bookedForTuesdayAfterEaster("E-4")
              .rescheduled("2026-04-06T15:00+02:00", "2026-04-21T10:00+02:00", FOUR_HOURS)
              .asOf("2026-04-08T00:00Z");
      assertThat(alertsOf(result, Obligations.LATE_NOTICE)).isEmpty();
    }

    @Test
    void the_deadline_keeps_the_local_time_across_the_spring_dst_change() {
      // Tue 31 Mar 10:00 CEST <- Mon 30, Fri 27, Thu 26, Wed 25, Tue 24 Mar 10:00 CET
      EngagementStory booked =
          story("E-5")
              .purchased("2026-03-02T10:00+01:00", EngagementKind.REMOTE, 8)
              .scheduled("2026-03-03T11:00+01:00", "2026-03-31T10:00+02:00", FOUR_HOURS);
      assertThat(
              alertsOf(
                  booked
                      .rescheduled("2026-03-24T10:00+01:00", "2026-04-21T10:00+02:00", FOUR_HOURS)
                      .asOf("2026-03-25T00:00Z"),
                  Obligations.LATE_NOTICE))
          .isEmpty();
      EngagementEvaluation late =
          story("E-6")
              .purchased("2026-03-02T10:00+01:00", EngagementKind.REMOTE, 8)
              .scheduled("2026-03-03T11:00+01:00", "2026-03-31T10:00+02:00", FOUR_HOURS)
              .rescheduled("2026-03-24T10:01+01:00", "2026-04-21T10:00+02:00", FOUR_HOURS)
              .asOf("2026-03-25T00:00Z");
      assertThat(alertsOf(late, Obligations.LATE_NOTICE))
          .extracting(SlaAlert::due)
          .containsExactly(at("2026-03-24T10:00+01:00"));
    }

    @Test
    void the_notice_deadline_is_exactly_where_the_rule_turns() {
      BusinessCalendar paris = BusinessCalendar.of(PARIS);
      var start = at("2026-04-14T10:00+02:00");
      var deadline = Notice.deadline(paris, start);
      assertThat(deadline).isEqualTo(at("2026-04-07T10:00+02:00"));
      assertThat(Notice.late(paris, deadline, start)).isFalse();
      assertThat(Notice.late(paris, deadline.plusNanos(1), start)).isTrue();
    }
  }

  /** "Joining more than 20 minutes late counts as a no-show." */
  @Nested
  class NoShow {
    @Test
    void starting_exactly_twenty_minutes_late_is_no_no_show() {
      EngagementEvaluation result =
          bookedForTuesdayAfterEaster("E-10")
              .started("2026-04-14T10:20+02:00")
              .asOf("2026-04-15T00:00Z");
      assertThat(alertsOf(result, Obligations.NO_SHOW)).isEmpty();
      assertThat(result.obligation(Obligations.NO_SHOW).orElseThrow().status())
          .isEqualTo(Obligation.Status.MET);
    }

    @Test
    void starting_twenty_minutes_and_one_second_late_is_a_no_show_met_late() {
      EngagementEvaluation result =
          bookedForTuesdayAfterEaster("E-11")
              .started("2026-04-14T10:20:01+02:00")
              .asOf("2026-04-15T00:00Z");
      assertThat(alertsOf(result, Obligations.NO_SHOW))
          .extracting(SlaAlert::kind, SlaAlert::firedAt, SlaAlert::reason)
          .containsExactly(
              tuple(AlertKind.BREACHED, at("2026-04-14T10:20+02:00"), java.util.Optional.empty()),
              tuple(
                  AlertKind.ENDED,
                  at("2026-04-14T10:20:01+02:00"),
                  java.util.Optional.of(EndReason.MET_LATE)));
      SlaAlert breach = alertsOf(result, Obligations.NO_SHOW).getFirst();
      assertThat(breach.id()).isEqualTo("E-11/no_show/1/sla.breached/1.0");
      assertThat(breach.ticket().value()).isEqualTo("E-11");
      assertThat(breach.plan()).isEqualTo("jamf-gold");
      assertThat(breach.priority()).isEqualTo(Priority.P4);
      assertThat(result.engagement().orElseThrow().flags()).contains("no_show");
    }

    @Test
    void never_starting_is_a_no_show_that_a_timer_would_fire_at_start_plus_twenty_minutes() {
      EngagementStory story = bookedForTuesdayAfterEaster("E-12");
      EngagementEvaluation before = story.asOf("2026-04-14T10:19:59+02:00");
      assertThat(before.upcoming())
          .filteredOn(a -> a.clock().equals(Obligations.NO_SHOW))
          .extracting(SlaAlert::kind, SlaAlert::firedAt)
          .containsExactly(tuple(AlertKind.BREACHED, at("2026-04-14T10:20+02:00")));
      assertThat(before.dueInstants()).contains(at("2026-04-14T10:20+02:00"));
      EngagementEvaluation after = story.asOf("2026-04-14T10:20+02:00");
      assertThat(alertsOf(after, Obligations.NO_SHOW)).hasSize(1);
      assertThat(after.upcoming()).noneMatch(a -> a.clock().equals(Obligations.NO_SHOW));
    }

    @Test
    void after_a_reschedule_the_new_start_counts() {
      EngagementEvaluation result =
          bookedForTuesdayAfterEaster("E-13")
              .rescheduled("2026-04-01T09:00+02:00", "2026-04-21T14:00+02:00", FOUR_HOURS)
              .started("2026-04-21T14:15+02:00")
              .asOf("2026-04-22T00:00Z");
      assertThat(alertsOf(result, Obligations.NO_SHOW)).isEmpty();
      assertThat(alertsOf(result, Obligations.LATE_NOTICE)).isEmpty();
      assertThat(result.obligations())
          .filteredOn(o -> o.clock().equals(Obligations.NO_SHOW))
          .extracting(Obligation::cycle, Obligation::due, Obligation::status)
          .containsExactly(
              tuple(1, at("2026-04-14T10:20+02:00"), Obligation.Status.VOID),
              tuple(2, at("2026-04-21T14:20+02:00"), Obligation.Status.MET));
    }

    @Test
    void a_start_at_the_old_time_after_a_reschedule_is_not_the_booked_session() {
      EngagementEvaluation result =
          bookedForTuesdayAfterEaster("E-14")
              .rescheduled("2026-04-01T09:00+02:00", "2026-04-21T14:00+02:00", FOUR_HOURS)
              .asOf("2026-04-21T14:20:01+02:00");
      assertThat(alertsOf(result, Obligations.NO_SHOW))
          .extracting(SlaAlert::cycle, SlaAlert::firedAt)
          .containsExactly(tuple(2, at("2026-04-21T14:20+02:00")));
    }

    @Test
    void the_twenty_minutes_are_real_minutes_across_the_autumn_dst_change() {
      // 02:50 CEST on 25 Oct 2026; 20 min later the clocks read 02:10 CET
      EngagementEvaluation result =
          story("E-15")
              .purchased("2026-09-01T10:00+02:00", EngagementKind.ON_SITE, 8)
              .scheduled("2026-09-02T10:00+02:00", "2026-10-25T02:50+02:00", FOUR_HOURS)
              .asOf("2026-10-26T00:00Z");
      assertThat(alertsOf(result, Obligations.NO_SHOW))
          .extracting(SlaAlert::firedAt)
          .containsExactly(at("2026-10-25T02:10+01:00"));
    }
  }

  /** "Purchased services expire one year after purchase and must be finished before then." */
  @Nested
  class Expiry {
    @Test
    void bought_on_29_february_it_expires_on_28_february_with_warnings_90_30_and_7_days_before() {
      EngagementEvaluation result =
          story("E-20")
              .purchased("2028-02-29T09:30+01:00", EngagementKind.REMOTE, 24)
              .asOf("2029-03-01T00:00Z");
      assertThat(result.engagement().orElseThrow().expiresAt())
          .isEqualTo(at("2029-02-28T09:30+01:00"));
      assertThat(alertsOf(result, Obligations.EXPIRY))
          .extracting(SlaAlert::kind, SlaAlert::firedAt, SlaAlert::due)
          .containsExactly(
              tuple(AlertKind.WARNING, at("2028-11-30T09:30+01:00"), at("2029-02-28T09:30+01:00")),
              tuple(AlertKind.WARNING, at("2029-01-29T09:30+01:00"), at("2029-02-28T09:30+01:00")),
              tuple(AlertKind.WARNING, at("2029-02-21T09:30+01:00"), at("2029-02-28T09:30+01:00")),
              tuple(
                  AlertKind.BREACHED, at("2029-02-28T09:30+01:00"), at("2029-02-28T09:30+01:00")));
      assertThat(alertsOf(result, Obligations.EXPIRY).getFirst().target())
          .as("365 days: 29 Feb 2028 to 28 Feb 2029")
          .isEqualTo(Duration.ofDays(365));
    }

    @Test
    void a_year_across_29_february_is_366_days() {
      EngagementEvaluation result =
          story("E-21")
              .purchased("2027-06-15T10:00+02:00", EngagementKind.ON_SITE, 8)
              .asOf("2027-06-16T00:00Z");
      assertThat(result.engagement().orElseThrow().expiresAt())
          .isEqualTo(at("2028-06-15T10:00+02:00"));
      assertThat(result.upcoming())
          .filteredOn(a -> a.kind() == AlertKind.BREACHED)
          .extracting(SlaAlert::target)
          .containsExactly(Duration.ofDays(366));
    }

    @Test
    void completed_exactly_at_expiry_is_met_and_one_second_later_is_met_late() {
      EngagementEvaluation inTime =
          story("E-22")
              .purchased("2028-02-29T09:30+01:00", EngagementKind.REMOTE, 24)
              .completed("2029-02-28T09:30+01:00")
              .asOf("2029-03-01T00:00Z");
      assertThat(alertsOf(inTime, Obligations.EXPIRY))
          .extracting(SlaAlert::kind)
          .containsExactly(AlertKind.WARNING, AlertKind.WARNING, AlertKind.WARNING, AlertKind.MET);
      EngagementEvaluation late =
          story("E-23")
              .purchased("2028-02-29T09:30+01:00", EngagementKind.REMOTE, 24)
              .completed("2029-02-28T09:30:01+01:00")
              .asOf("2029-03-01T00:00Z");
      assertThat(alertsOf(late, Obligations.EXPIRY))
          .extracting(SlaAlert::kind, SlaAlert::reason)
          .endsWith(
              tuple(AlertKind.BREACHED, java.util.Optional.empty()),
              tuple(AlertKind.ENDED, java.util.Optional.of(EndReason.MET_LATE)));
      assertThat(late.obligation(Obligations.EXPIRY).orElseThrow().status())
          .isEqualTo(Obligation.Status.MET_LATE);
    }

    @Test
    void warnings_keep_the_local_time_when_the_offset_differs_from_the_expiry() {
      // bought in winter (CET); 90 days before expiry is 17 October, still summer time (CEST)
      EngagementEvaluation result =
          story("E-24")
              .purchased("2026-01-15T10:00+01:00", EngagementKind.REMOTE, 8)
              .asOf("2026-01-16T00:00Z");
      assertThat(result.upcoming())
          .extracting(SlaAlert::kind, SlaAlert::firedAt)
          .containsExactly(
              tuple(AlertKind.WARNING, at("2026-10-17T10:00+02:00")),
              tuple(AlertKind.WARNING, at("2026-12-16T10:00+01:00")),
              tuple(AlertKind.WARNING, at("2027-01-08T10:00+01:00")),
              tuple(AlertKind.BREACHED, at("2027-01-15T10:00+01:00")));
    }

    @Test
    void completed_before_any_warning_owes_no_expiry_alert_and_ends_every_obligation() {
      EngagementEvaluation result =
          bookedForTuesdayAfterEaster("E-25")
              .started("2026-04-14T10:05+02:00")
              .completed("2026-04-14T14:00+02:00")
              .asOf("2027-06-01T00:00Z");
      assertThat(result.alerts()).isEmpty();
      assertThat(result.upcoming()).isEmpty();
      assertThat(result.obligation(Obligations.EXPIRY).orElseThrow().status())
          .isEqualTo(Obligation.Status.MET);
    }

    @Test
    void a_purchase_recorded_late_fires_only_the_highest_warning_it_missed_when_recorded() {
      EngagementEvaluation result =
          story("E-26")
              .add(
                  new EngagementEvent.Purchased(
                      new io.slawatch.core.event.EventId("crm/jamf", "late-1"),
                      new EngagementId("E-26"),
                      at("2026-12-20T12:00+01:00"),
                      new io.slawatch.core.ticket.CustomerId("acme"),
                      EngagementKind.REMOTE,
                      8,
                      at("2026-01-15T10:00+01:00")))
              .asOf("2026-12-21T00:00Z");
      assertThat(alertsOf(result, Obligations.EXPIRY))
          .extracting(SlaAlert::kind, SlaAlert::firedAt, SlaAlert::threshold)
          .containsExactly(
              tuple(AlertKind.WARNING, at("2026-12-20T12:00+01:00"), java.util.Optional.of(0.918)));
    }
  }

  /** "Jamf tries three times to reach the customer; no answer can forfeit the service." */
  @Nested
  class ContactAttempts {
    @Test
    void three_attempts_without_a_response_put_the_service_at_risk_until_the_customer_answers() {
      EngagementEvaluation result =
          story("E-30")
              .purchased("2026-03-02T10:00+01:00", EngagementKind.REMOTE, 8)
              .contactAttempted("2026-03-03T10:00+01:00")
              .contactAttempted("2026-03-06T10:00+01:00")
              .contactAttempted("2026-03-11T10:00+01:00")
              .contactAttempted("2026-03-16T10:00+01:00")
              .customerResponded("2026-03-17T15:00+01:00")
              .asOf("2026-03-18T00:00Z");
      assertThat(alertsOf(result, Obligations.FORFEIT_RISK))
          .extracting(SlaAlert::kind, SlaAlert::firedAt, SlaAlert::cycle)
          .containsExactly(
              tuple(AlertKind.WARNING, at("2026-03-11T10:00+01:00"), 1),
              tuple(AlertKind.MET, at("2026-03-17T15:00+01:00"), 1));
      assertThat(result.engagement().orElseThrow().unansweredAttempts()).isZero();
      assertThat(result.engagement().orElseThrow().flags()).doesNotContain("forfeit_risk");
      assertThat(result.obligation(Obligations.FORFEIT_RISK).orElseThrow())
          .extracting(Obligation::status, Obligation::since, Obligation::due)
          .containsExactly(
              Obligation.Status.MET, at("2026-03-03T10:00+01:00"), at("2026-03-11T10:00+01:00"));
      assertThat(
              EngagementEngine.customer(
                  story("E-30")
                      .purchased("2026-03-02T10:00+01:00", EngagementKind.REMOTE, 8)
                      .events()))
          .contains(new io.slawatch.core.ticket.CustomerId("acme"));
    }

    @Test
    void while_unanswered_the_risk_stays_open() {
      EngagementEvaluation result =
          story("E-33")
              .purchased("2026-03-02T10:00+01:00", EngagementKind.REMOTE, 8)
              .contactAttempted("2026-03-03T10:00+01:00")
              .contactAttempted("2026-03-04T10:00+01:00")
              .contactAttempted("2026-03-05T10:00+01:00")
              .asOf("2026-03-07T00:00Z");
      assertThat(result.obligation(Obligations.FORFEIT_RISK).orElseThrow().status())
          .isEqualTo(Obligation.Status.OPEN);
      assertThat(result.engagement().orElseThrow().flags()).contains("forfeit_risk");
      assertThat(result.engagement().orElseThrow().unansweredAttempts()).isEqualTo(3);
    }

    @Test
    void a_response_resets_the_count_and_three_more_attempts_are_a_new_risk() {
      EngagementEvaluation result =
          story("E-31")
              .purchased("2026-03-02T10:00+01:00", EngagementKind.REMOTE, 8)
              .contactAttempted("2026-03-03T10:00+01:00")
              .contactAttempted("2026-03-04T10:00+01:00")
              .customerResponded("2026-03-04T12:00+01:00")
              .contactAttempted("2026-03-05T10:00+01:00")
              .contactAttempted("2026-03-06T10:00+01:00")
              .asOf("2026-03-07T00:00Z");
      assertThat(alertsOf(result, Obligations.FORFEIT_RISK)).as("2 + 2 attempts").isEmpty();
      assertThat(result.engagement().orElseThrow().unansweredAttempts()).isEqualTo(2);

      EngagementEvaluation third =
          story("E-31")
              .purchased("2026-03-02T10:00+01:00", EngagementKind.REMOTE, 8)
              .contactAttempted("2026-03-03T10:00+01:00")
              .contactAttempted("2026-03-04T10:00+01:00")
              .contactAttempted("2026-03-04T11:00+01:00")
              .customerResponded("2026-03-04T12:00+01:00")
              .contactAttempted("2026-03-05T10:00+01:00")
              .contactAttempted("2026-03-06T10:00+01:00")
              .contactAttempted("2026-03-09T10:00+01:00")
              .asOf("2026-03-10T00:00Z");
      assertThat(alertsOf(third, Obligations.FORFEIT_RISK))
          .extracting(SlaAlert::kind, SlaAlert::cycle, SlaAlert::firedAt)
          .containsExactly(
              tuple(AlertKind.WARNING, 1, at("2026-03-04T11:00+01:00")),
              tuple(AlertKind.MET, 1, at("2026-03-04T12:00+01:00")),
              tuple(AlertKind.WARNING, 2, at("2026-03-09T10:00+01:00")));
      assertThat(third.engagement().orElseThrow().flags()).contains("forfeit_risk");
    }

    @Test
    void booking_a_session_is_a_response() {
      EngagementEvaluation result =
          story("E-32")
              .purchased("2026-03-02T10:00+01:00", EngagementKind.REMOTE, 8)
              .contactAttempted("2026-03-03T10:00+01:00")
              .contactAttempted("2026-03-04T10:00+01:00")
              .scheduled("2026-03-05T10:00+01:00", "2026-04-14T10:00+02:00", FOUR_HOURS)
              .contactAttempted("2026-03-06T10:00+01:00")
              .asOf("2026-03-07T00:00Z");
      assertThat(alertsOf(result, Obligations.FORFEIT_RISK)).isEmpty();
      assertThat(result.engagement().orElseThrow().unansweredAttempts()).isEqualTo(1);
    }
  }

  /** "Remote engagements are booked in 4-hour blocks; nothing shorter." */
  @Nested
  class FourHourBlocks {
    @Test
    void a_remote_booking_of_eight_hours_is_two_blocks() {
      assertThat(Booking.durationProblem(EngagementKind.REMOTE, Duration.ofHours(8))).isEmpty();
      EngagementEvaluation result =
          story("E-40")
              .purchased("2026-03-02T10:00+01:00", EngagementKind.REMOTE, 8)
              .scheduled("2026-03-03T10:00+01:00", "2026-04-14T09:00+02:00", Duration.ofHours(8))
              .asOf("2026-03-04T00:00Z");
      assertThat(result.violations()).isEmpty();
      assertThat(result.engagement().orElseThrow().stage())
          .isEqualTo(
              new EngagementStage.Scheduled(
                  new Booking(1, at("2026-04-14T09:00+02:00"), Duration.ofHours(8))));
    }

    @Test
    void a_remote_booking_of_six_hours_is_refused_naming_data_duration() {
      assertThat(Booking.durationProblem(EngagementKind.REMOTE, Duration.ofHours(6)))
          .hasValueSatisfying(p -> assertThat(p).contains("4-hour blocks", "PT6H"));
      EngagementEvaluation result =
          story("E-41")
              .purchased("2026-03-02T10:00+01:00", EngagementKind.REMOTE, 8)
              .scheduled("2026-03-03T10:00+01:00", "2026-04-14T09:00+02:00", Duration.ofHours(6))
              .asOf("2026-04-15T00:00Z");
      assertThat(result.violations())
          .extracting(BookingViolation::field)
          .containsExactly("data.duration");
      assertThat(result.engagement().orElseThrow().stage())
          .isEqualTo(new EngagementStage.Unscheduled());
      assertThat(alertsOf(result, Obligations.NO_SHOW))
          .as("a refused booking owes nothing")
          .isEmpty();
    }

    @Test
    void shorter_than_a_block_is_refused_and_on_site_sessions_have_no_block() {
      assertThat(Booking.durationProblem(EngagementKind.REMOTE, Duration.ofHours(2))).isPresent();
      assertThat(Booking.durationProblem(EngagementKind.REMOTE, Duration.ofHours(4).plusMinutes(1)))
          .isPresent();
      assertThat(Booking.durationProblem(EngagementKind.ON_SITE, Duration.ofHours(6))).isEmpty();
      assertThat(Booking.durationProblem(EngagementKind.ON_SITE, Duration.ZERO)).isPresent();
    }
  }

  @Test
  void events_before_the_purchase_arrives_wait_for_it_and_events_after_completion_are_noted() {
    EngagementEvaluation result =
        story("E-50")
            .contactAttempted("2026-03-01T10:00+01:00")
            .purchased("2026-03-02T10:00+01:00", EngagementKind.REMOTE, 8)
            .completed("2026-03-03T10:00+01:00")
            .contactAttempted("2026-03-04T10:00+01:00")
            .asOf("2026-03-05T00:00Z");
    assertThat(result.engagement().orElseThrow().unansweredAttempts()).isZero();
    assertThat(result.notes()).anyMatch(n -> n.contains("the engagement is completed"));
    assertThat(result.timeline()).isNotEmpty();
  }
}
