package io.slawatch.timer.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.core.clock.CustomerHistory;
import io.slawatch.core.customer.CustomerTerms;
import io.slawatch.core.engagement.EngagementEngine;
import io.slawatch.core.engagement.EngagementEvent;
import io.slawatch.core.engagement.EngagementId;
import io.slawatch.core.engagement.EngagementKind;
import io.slawatch.core.event.EventId;
import io.slawatch.core.report.ClockOutcome;
import io.slawatch.core.ticket.CustomerId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EngagementPlannerTest {
  private static final Instant PURCHASED = Instant.parse("2026-11-02T09:00:00Z");
  private static final Instant START = Instant.parse("2026-12-03T14:00:00Z");
  private static final EngagementId E1 = new EngagementId("E-1");

  private final EngagementPlanner planner = new EngagementPlanner(new EngagementEngine());

  private static List<EngagementEvent> booked() {
    return List.of(
        new EngagementEvent.Purchased(
            new EventId("t", "p"),
            E1,
            PURCHASED,
            new CustomerId("acme"),
            EngagementKind.REMOTE,
            8,
            PURCHASED),
        new EngagementEvent.Scheduled(
            new EventId("t", "s"), E1, PURCHASED.plusSeconds(60), START, Duration.ofHours(4)));
  }

  /** acme on jamf-gold until the 1st of December, then jamf-platinum. */
  private static CustomerHistory acme() {
    return new CustomerHistory(
        List.of(
            new CustomerHistory.Version(
                Instant.MIN, CustomerTerms.of("jamf-gold", ZoneId.of("Europe/Warsaw"))),
            new CustomerHistory.Version(
                Instant.parse("2026-12-01T00:00:00Z"),
                CustomerTerms.of("jamf-platinum", ZoneId.of("Europe/Warsaw")))));
  }

  private Reschedule replay(Instant now) {
    return planner.reschedule(
        List.of("E-1", "E-2"),
        Map.of("E-1", booked()),
        customer -> {
          assertThat(customer).contains("acme");
          return acme();
        },
        now,
        Map.of());
  }

  private static PendingTimer timer(Reschedule decided, String alertId) {
    return decided.timers().stream()
        .filter(t -> t.alertId().equals(alertId))
        .findFirst()
        .orElseThrow(() -> new AssertionError(alertId + " not in " + decided.wantedIds()));
  }

  @Test
  void a_booking_owes_a_no_show_timer_twenty_minutes_after_its_start_and_the_year_an_expiry() {
    Reschedule decided = replay(Instant.parse("2026-11-20T10:00:00Z"));

    PendingTimer noShow = timer(decided, "E-1/no_show/1/sla.breached/1.0");
    assertThat(noShow.fireAt()).isEqualTo(START.plus(Duration.ofMinutes(20)));
    assertThat(noShow.ticket()).isEqualTo("E-1");
    assertThat(noShow.clock()).isEqualTo("no_show");
    assertThat(noShow.priority()).isEqualTo("P4");
    assertThat(decided.wantedIds()).anyMatch(id -> id.startsWith("E-1/expiry/1/sla.breached"));
    // an engagement without stored events is replaced too: it keeps no timer
    assertThat(decided.replaced()).containsExactly("E-1", "E-2");
  }

  @Test
  void each_obligation_comes_out_as_a_clock_outcome_of_the_engagement_without_priority() {
    Reschedule decided = replay(Instant.parse("2026-12-03T15:00:00Z"));

    assertThat(decided.outcomes())
        .extracting(
            o -> o.ticket(), o -> o.clock(), o -> o.cycle(), o -> o.status(), o -> o.priority())
        .containsExactly(
            org.assertj.core.api.Assertions.tuple(
                "E-1", "expiry", 1, ClockOutcome.Status.OPEN, "none"),
            org.assertj.core.api.Assertions.tuple(
                "E-1", "no_show", 1, ClockOutcome.Status.BREACHED, "none"));
    ClockOutcome noShow = decided.outcomes().get(1);
    assertThat(noShow.breachedAt()).contains(START.plus(Duration.ofMinutes(20)));
    assertThat(noShow.late()).isEqualTo(Duration.ofMinutes(40));
  }

  @Test
  void a_change_of_plan_applies_from_its_instant_and_never_moves_what_began_before_it() {
    assertThat(
            timer(replay(Instant.parse("2026-11-20T10:00:00Z")), "E-1/no_show/1/sla.breached/1.0")
                .plan())
        .isEqualTo("jamf-gold");
    assertThat(
            timer(replay(Instant.parse("2026-12-02T10:00:00Z")), "E-1/no_show/1/sla.breached/1.0")
                .plan())
        .as("the no-show alert fires after the change: the new plan")
        .isEqualTo("jamf-platinum");
    assertThat(replay(Instant.parse("2026-12-02T10:00:00Z")).outcomes())
        .as("booked and bought on jamf-gold: counted under it")
        .allSatisfy(o -> assertThat(o.plan()).isEqualTo("jamf-gold"));
  }

  @Test
  void an_engagement_the_engine_cannot_replay_keeps_its_timers_and_is_reported() {
    List<EngagementEvent> mixed =
        List.of(
            booked().getFirst(),
            new EngagementEvent.Started(new EventId("t", "x"), new EngagementId("E-other"), START));
    Reschedule decided =
        planner.reschedule(
            List.of("E-1"), Map.of("E-1", mixed), customer -> acme(), START, Map.of());
    assertThat(decided.failed()).extracting(Reschedule.Failure::ticket).containsExactly("E-1");
    assertThat(decided.replaced()).isEmpty();
    assertThat(EngagementPlanner.customer(booked())).isEqualTo(Optional.of("acme"));
  }
}
