package io.slawatch.timer.schedule;

import static io.slawatch.timer.schedule.TicketEvents.answered;
import static io.slawatch.timer.schedule.TicketEvents.created;
import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.core.alert.AlertKind;
import io.slawatch.core.clock.CustomerHistory;
import io.slawatch.core.clock.SlaEngine;
import io.slawatch.core.customer.CustomerTerms;
import io.slawatch.core.event.TicketEvent;
import io.slawatch.core.plan.PlanCatalog;
import io.slawatch.core.plan.PlanReader;
import io.slawatch.core.plan.SupportPlan;
import io.slawatch.core.ticket.Priority;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * What a ticket's timers become after its events changed, decided without Kafka or PostgreSQL. The
 * {@code test} plan (24x7, seconds) gives P1 a 3 s first response, warned at 75 %.
 */
class TimerPlannerTest {
  private static final SupportPlan TEST_PLAN =
      PlanReader.read(Path.of("src/test/resources/plans/test.yaml"));
  private static final Instant T0 = Instant.parse("2027-01-04T10:00:00Z");
  private static final CustomerHistory ACME =
      CustomerHistory.of(CustomerTerms.of("test", ZoneOffset.UTC));
  private static final CustomerHistory UNKNOWN =
      CustomerHistory.of(CustomerTerms.unknown("jamf-standard", ZoneOffset.UTC));

  private final TimerPlanner planner = new TimerPlanner(new SlaEngine(plans(TEST_PLAN)));

  private static PlanCatalog plans(SupportPlan... plans) {
    PlanCatalog files = PlanCatalog.of(List.of(plans));
    PlanCatalog presets = PlanCatalog.presets();
    return name -> files.find(name).or(() -> presets.find(name));
  }

  /** acme is on the test plan; any other customer is unknown (default plan). */
  private static final Function<Optional<String>, CustomerHistory> TERMS =
      customer -> customer.filter("acme"::equals).map(c -> ACME).orElse(UNKNOWN);

  private Reschedule replay(Map<String, List<TicketEvent>> stored, Instant now) {
    return planner.reschedule(stored.keySet(), stored, TERMS, now, Map.of());
  }

  private static Optional<PendingTimer> timer(Reschedule decided, String alertId) {
    return decided.timers().stream().filter(t -> t.alertId().equals(alertId)).findFirst();
  }

  @Test
  void a_new_ticket_gets_a_warning_and_a_breach_timer_that_fire_at_their_instants() {
    Reschedule decided =
        replay(Map.of("T-1", List.of(created("T-1", "acme", Priority.P1, T0))), T0);

    assertThat(decided.replaced()).containsExactly("T-1");
    assertThat(decided.failed()).isEmpty();
    assertThat(decided.timers())
        .extracting(PendingTimer::alertId, PendingTimer::kind, PendingTimer::fireAt)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "T-1/first_response/1/sla.warning/0.75", "sla.warning", T0.plusMillis(2250)),
            org.assertj.core.groups.Tuple.tuple(
                "T-1/first_response/1/sla.breached/1.0", "sla.breached", T0.plusSeconds(3)));
  }

  @Test
  void a_timer_carries_the_columns_the_firing_loop_and_the_at_risk_api_read_and_its_alert() {
    Reschedule decided =
        replay(Map.of("T-1", List.of(created("T-1", "acme", Priority.P1, T0))), T0);

    PendingTimer breach = timer(decided, "T-1/first_response/1/sla.breached/1.0").orElseThrow();
    assertThat(breach.ticket()).isEqualTo("T-1");
    assertThat(breach.customer()).isEqualTo("acme");
    assertThat(breach.plan()).isEqualTo("test");
    assertThat(breach.priority()).isEqualTo("P1");
    assertThat(breach.clock()).isEqualTo("first_response");
    assertThat(breach.due()).isEqualTo(T0.plusSeconds(3));
    assertThat(breach.elapsed()).isEmpty();
    assertThat(breach.alert().kind()).isEqualTo(AlertKind.BREACHED);
    assertThat(breach.alert().id()).isEqualTo(breach.alertId());
    assertThat(breach.alert().firedAt()).isEqualTo(breach.fireAt());
  }

  @Test
  void a_ticket_is_replayed_on_the_plan_of_the_customer_its_creation_names() {
    Reschedule decided =
        replay(
            Map.of(
                "T-1", List.of(created("T-1", "acme", Priority.P1, T0)),
                "T-2", List.of(created("T-2", "stranger", Priority.P1, T0))),
            T0);

    assertThat(decided.timers())
        .filteredOn(t -> t.ticket().equals("T-1"))
        .extracting(PendingTimer::plan)
        .containsOnly("test");
    assertThat(decided.timers())
        .filteredOn(t -> t.ticket().equals("T-2"))
        .isNotEmpty()
        .extracting(PendingTimer::plan)
        .containsOnly("jamf-standard");
    assertThat(
            TimerPlanner.customers(
                Map.of(
                    "T-1", List.of(created("T-1", "acme", Priority.P1, T0)),
                    "T-3", List.<TicketEvent>of(answered("T-3", T0)))))
        .containsExactly("acme");
  }

  @Test
  void a_first_response_in_time_replaces_the_pending_warning_and_breach_with_the_met_alert() {
    Reschedule decided =
        replay(
            Map.of(
                "T-1",
                List.of(
                    created("T-1", "acme", Priority.P1, T0), answered("T-1", T0.plusSeconds(1)))),
            T0.plusSeconds(1));

    assertThat(decided.replaced()).containsExactly("T-1");
    assertThat(decided.timers()).extracting(PendingTimer::kind).containsExactly("sla.met");
    PendingTimer met = decided.timers().getFirst();
    assertThat(met.fireAt()).isEqualTo(T0.plusSeconds(1));
    assertThat(met.elapsed()).contains(Duration.ofSeconds(1));
    assertThat(decided.wantedIds()).containsExactly("T-1/first_response/1/sla.met");
  }

  @Test
  void events_in_any_arrival_order_decide_the_same_timers() {
    List<TicketEvent> inOrder =
        List.of(created("T-1", "acme", Priority.P1, T0), answered("T-1", T0.plusSeconds(1)));
    List<TicketEvent> reversed = new ArrayList<>(inOrder.reversed());

    assertThat(replay(Map.of("T-1", reversed), T0.plusSeconds(2)).timers())
        .isEqualTo(replay(Map.of("T-1", inOrder), T0.plusSeconds(2)).timers());
  }

  @Test
  void an_event_that_arrives_late_schedules_what_is_already_due_to_fire_at_once() {
    Instant longAgo = T0.minus(Duration.ofMinutes(10));
    Reschedule decided =
        replay(Map.of("T-1", List.of(created("T-1", "acme", Priority.P1, longAgo))), T0);

    PendingTimer breach = timer(decided, "T-1/first_response/1/sla.breached/1.0").orElseThrow();
    assertThat(breach.fireAt()).isEqualTo(longAgo.plusSeconds(3)).isBefore(T0);
  }

  @Test
  void an_event_stamped_ahead_of_our_clock_still_counts() {
    // the reply is stamped 2 s ahead of sla-timer's clock (skew): it still met the clock
    List<TicketEvent> events =
        List.of(created("T-1", "acme", Priority.P1, T0), answered("T-1", T0.plusSeconds(2)));

    assertThat(TimerPlanner.asOf(events, T0)).isEqualTo(T0.plusSeconds(2));
    assertThat(TimerPlanner.asOf(events, T0.plusSeconds(5))).isEqualTo(T0.plusSeconds(5));
    assertThat(replay(Map.of("T-1", events), T0).timers())
        .extracting(PendingTimer::kind)
        .containsExactly("sla.met");
  }

  @Test
  void a_ticket_without_stored_events_loses_its_timers() {
    Reschedule decided =
        planner.reschedule(
            List.of("T-1", "T-gone"),
            Map.of("T-1", List.of(created("T-1", "acme", Priority.P1, T0))),
            TERMS,
            T0,
            Map.of());

    assertThat(decided.replaced()).containsExactlyInAnyOrder("T-1", "T-gone");
    assertThat(decided.timers()).extracting(PendingTimer::ticket).containsOnly("T-1");
  }

  @Test
  void a_ticket_the_engine_cannot_replay_keeps_its_timers_and_the_others_go_on() {
    IllegalStateException bug = new IllegalStateException("a bug in the plan");
    PlanCatalog healthy = plans(TEST_PLAN);
    PlanCatalog broken =
        name -> {
          if (name.equals("broken")) {
            throw bug;
          }
          return healthy.find(name);
        };
    TimerPlanner planner = new TimerPlanner(new SlaEngine(broken));

    Reschedule decided =
        planner.reschedule(
            List.of("T-bad", "T-good"),
            Map.of(
                "T-bad",
                List.of(created("T-bad", "acme", Priority.P1, Optional.of("broken"), T0)),
                "T-good",
                List.of(created("T-good", "acme", Priority.P1, T0))),
            TERMS,
            T0,
            Map.of());

    assertThat(decided.failed())
        .singleElement()
        .satisfies(
            failure -> {
              assertThat(failure.ticket()).isEqualTo("T-bad");
              assertThat(failure.cause()).isSameAs(bug);
            });
    assertThat(decided.replaced()).as("its timers are not touched").containsExactly("T-good");
    assertThat(decided.timers()).extracting(PendingTimer::ticket).containsOnly("T-good");
  }

  @Test
  void the_timers_of_a_ticket_continue_the_trace_of_the_event_that_scheduled_them() {
    String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    Map<String, List<TicketEvent>> stored =
        Map.of(
            "T-traced", List.of(created("T-traced", "acme", Priority.P1, T0)),
            "T-plain", List.of(created("T-plain", "acme", Priority.P1, T0)));

    Reschedule decided =
        planner.reschedule(stored.keySet(), stored, TERMS, T0, Map.of("T-traced", traceparent));

    assertThat(decided.timers())
        .filteredOn(t -> t.ticket().equals("T-traced"))
        .isNotEmpty()
        .allSatisfy(t -> assertThat(t.traceparent()).contains(traceparent));
    assertThat(decided.timers())
        .filteredOn(t -> t.ticket().equals("T-plain"))
        .isNotEmpty()
        .allSatisfy(t -> assertThat(t.traceparent()).isEmpty());
  }
}
