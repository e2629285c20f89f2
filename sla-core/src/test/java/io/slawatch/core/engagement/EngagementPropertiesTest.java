package io.slawatch.core.engagement;

import static io.slawatch.core.testing.EngagementStory.engagement;
import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.core.calendar.BusinessCalendar;
import io.slawatch.core.calendar.CalendarDefinition;
import io.slawatch.core.testing.Calendars;
import io.slawatch.core.testing.EngagementStory;
import io.slawatch.core.testing.ZoneSensitive;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/** The engagement rules against independent statements of them. */
@ZoneSensitive
class EngagementPropertiesTest {
  static final ZoneId PARIS_ZONE = ZoneId.of("Europe/Paris");
  static final CalendarDefinition PARIS =
      Calendars.officeHours("Europe/Paris").holidaySet("FR").definition();
  static final BusinessCalendar CALENDAR = BusinessCalendar.of(PARIS);
  static final LocalDate FIRST = LocalDate.parse("2026-01-05");

  /**
   * A reschedule made during business hours is late exactly when fewer than five business days lie
   * after its date up to the session's date, or exactly five and the session's local time is
   * earlier than the change's (the fifth business day is the session's day): days counted one by
   * one, weekends, French holidays and both DST changes included.
   */
  @Property(tries = 300)
  void late_notice_agrees_with_counting_business_days_directly(
      @ForAll @IntRange(min = 0, max = 360) int changeDay,
      @ForAll @IntRange(min = 0, max = 479) int changeMinute,
      @ForAll @IntRange(min = 0, max = 14) int daysAhead,
      @ForAll @IntRange(min = 0, max = 47) int startQuarter) {
    LocalDate changeDate = FIRST.plusDays(changeDay);
    Assume.that(CALENDAR.isBusinessDay(changeDate));
    LocalTime changeTime = LocalTime.of(9, 0).plusMinutes(changeMinute);
    LocalDate startDate = changeDate.plusDays(daysAhead);
    LocalTime startTime = LocalTime.of(6, 0).plusMinutes(15L * startQuarter);
    var change = ZonedDateTime.of(changeDate.atTime(changeTime), PARIS_ZONE).toInstant();
    var start = ZonedDateTime.of(startDate.atTime(startTime), PARIS_ZONE).toInstant();
    Assume.that(start.isAfter(change));

    int businessDays = 0;
    for (LocalDate d = changeDate.plusDays(1); !d.isAfter(startDate); d = d.plusDays(1)) {
      if (CALENDAR.isBusinessDay(d)) {
        businessDays++;
      }
    }
    boolean enoughNotice =
        businessDays > 5
            || (businessDays == 5
                && (!CALENDAR.isBusinessDay(startDate) || !startTime.isBefore(changeTime)));

    EngagementEvaluation result =
        engagement("E-P")
            .customerCalendar(PARIS)
            .purchased("2026-01-01T10:00+01:00", EngagementKind.REMOTE, 8)
            .add(
                new EngagementEvent.Scheduled(
                    new io.slawatch.core.event.EventId("crm", "s"),
                    new EngagementId("E-P"),
                    EngagementStory.at("2026-01-02T09:00Z"),
                    start,
                    Duration.ofHours(4)))
            .add(
                new EngagementEvent.Cancelled(
                    new io.slawatch.core.event.EventId("crm", "c"),
                    new EngagementId("E-P"),
                    change))
            .asOf("2027-03-01T00:00Z");
    Statistics.label("enough notice").collect(enoughNotice);
    Statistics.label("enough notice")
        .coverage(
            c -> {
              c.check(true).count(n -> n > 20);
              c.check(false).count(n -> n > 20);
            });
    boolean flagged =
        result.alerts().stream().anyMatch(a -> a.clock().equals(Obligations.LATE_NOTICE));
    assertThat(flagged)
        .as(
            "change %s %s, start %s %s, %d business days",
            changeDate, changeTime, startDate, startTime, businessDays)
        .isEqualTo(!enoughNotice);
  }

  static final EngagementStory STORY =
      engagement("E-ORDER")
          .customerCalendar(PARIS)
          .purchased("2026-03-02T10:00+01:00", EngagementKind.REMOTE, 16)
          .contactAttempted("2026-03-03T10:00+01:00")
          .contactAttempted("2026-03-05T10:00+01:00")
          .contactAttempted("2026-03-09T10:00+01:00")
          .customerResponded("2026-03-10T10:00+01:00")
          .scheduled("2026-03-10T10:00+01:00", "2026-03-31T10:00+02:00", Duration.ofHours(4))
          .rescheduled("2026-03-27T16:00+01:00", "2026-04-14T10:00+02:00", Duration.ofHours(8))
          .scheduled("2026-03-30T09:00+02:00", "2026-04-16T10:00+02:00", Duration.ofHours(6))
          .started("2026-04-16T10:45+02:00")
          .scheduled("2026-04-17T09:00+02:00", "2026-06-02T09:00+02:00", Duration.ofHours(4))
          .cancelled("2026-05-29T12:00+02:00")
          .completed("2027-03-10T12:00+01:00");

  /** Late and out-of-order events are placed by occurrence: arrival order never matters. */
  @Property(tries = 60)
  void any_arrival_order_with_redeliveries_gives_the_same_evaluation(@ForAll long seed) {
    String asOf = "2027-04-01T00:00Z";
    EngagementEvaluation inOrder = STORY.asOf(asOf);
    List<EngagementEvent> shuffled = new ArrayList<>(STORY.events());
    Random random = new Random(seed);
    shuffled.add(shuffled.get(random.nextInt(shuffled.size()))); // a redelivery
    Collections.shuffle(shuffled, random);
    EngagementEvaluation result = STORY.evaluate(shuffled, asOf);
    assertThat(result).isEqualTo(inOrder);
    assertThat(inOrder.alerts())
        .extracting(a -> a.clock().wireName())
        .contains("expiry", "forfeit_risk", "late_notice", "no_show");
  }

  /** Evaluating later never rewrites what was already fired: alerts only accumulate. */
  @Property(tries = 40)
  void alerts_fired_by_an_instant_are_a_prefix_of_those_fired_later(
      @ForAll @IntRange(min = 0, max = 400) int day) {
    var early = EngagementStory.at("2026-03-02T09:00Z").plus(Duration.ofDays(day));
    EngagementEvaluation sooner = STORY.evaluate(STORY.events(), early.toString());
    EngagementEvaluation later = STORY.asOf("2027-04-01T00:00Z");
    assertThat(later.alerts().subList(0, sooner.alerts().size())).isEqualTo(sooner.alerts());
  }
}
