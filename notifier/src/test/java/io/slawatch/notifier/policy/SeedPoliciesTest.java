package io.slawatch.notifier.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.core.alert.AlertKind;
import io.slawatch.core.alert.ClockKind;
import io.slawatch.core.alert.SlaAlert;
import io.slawatch.core.calendar.CalendarReader;
import io.slawatch.core.plan.PresetPlans;
import io.slawatch.core.ticket.CustomerId;
import io.slawatch.core.ticket.Priority;
import io.slawatch.core.ticket.TicketId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The policy file that ships ({@code deploy/policies/seed-plans.yaml}), read with the real reader
 * and only the console channel, the one channel every deployment has on: the local run, compose and
 * k8s start with it, and the seed plans escalate as support-plans.md says.
 */
class SeedPoliciesTest {
  private static final Path FILE = Path.of("..", "deploy", "policies", "seed-plans.yaml");

  /** Monday 23 November 2026, 03:00 UTC: night in Warsaw and in New York. */
  private static final Instant MONDAY_NIGHT = Instant.parse("2026-11-23T03:00:00Z");

  private static PolicyBook book() throws IOException {
    return new PolicyReader(Set.of("console"), CalendarReader.relativeTo(FILE.getParent()))
        .read(Files.readString(FILE));
  }

  private static SlaAlert alert(AlertKind kind, String plan, Priority priority) {
    return new SlaAlert(
        kind,
        new TicketId("T-1"),
        new CustomerId("acme"),
        plan,
        priority,
        ClockKind.FIRST_RESPONSE,
        1,
        Duration.ofHours(1),
        MONDAY_NIGHT,
        MONDAY_NIGHT,
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  private static CustomerFacts customer(
      Optional<String> designated, boolean usPersonsOnly, Optional<String> region) {
    return new CustomerFacts(Locale.ENGLISH, designated, usPersonsOnly, region);
  }

  /** One level of a chain as it ran: when, who was notified (at which address), who was not. */
  private record Level(int level, Instant at, List<String> notified, List<String> skipped) {}

  /** Runs the alert's escalation from {@code start} to its end, nobody acknowledging. */
  private static List<Level> escalate(
      PolicyBook book, SlaAlert alert, CustomerFacts customer, Instant start) {
    Policy policy = book.route(alert, customer).orElseThrow();
    List<Level> levels = new ArrayList<>();
    int step = 0;
    int round = 0;
    Instant at = start;
    while (true) {
      StepRun run = book.run(policy, step, round, at, alert, customer);
      List<String> notified = new ArrayList<>();
      List<String> skipped = new ArrayList<>();
      for (Decision decision : run.decisions()) {
        switch (decision) {
          case Decision.Notify n ->
              notified.add(n.target().name() + n.address().map(a -> " <" + a + ">").orElse(""));
          case Decision.Skip s -> skipped.add(s.target().name() + ": " + s.reason());
        }
      }
      levels.add(new Level(run.level(), at, notified, skipped));
      if (!(run.next() instanceof StepRun.Next.At next)) {
        return levels;
      }
      step = next.step();
      round = next.round();
      at = next.at();
    }
  }

  @Test
  void the_shipped_file_loads_with_only_the_console_channel_and_covers_every_seed_plan()
      throws IOException {
    PolicyBook book = book();
    assertThat(book.targets().values()).allMatch(t -> t.channel().equals("console"));
    for (String plan : PresetPlans.NAMES) {
      assertThat(book.route(alert(AlertKind.BREACHED, plan, Priority.P1), CustomerFacts.UNKNOWN))
          .map(Policy::name)
          .as(plan)
          .get()
          .matches(name -> name.startsWith(plan.substring(0, plan.indexOf('-'))));
    }
  }

  @Test
  void a_jamf_platinum_breach_goes_to_the_designated_engineer_first_then_the_regional_on_call()
      throws IOException {
    CustomerFacts emea = customer(Optional.of("dana@acme.example"), false, Optional.of("EMEA"));
    List<Level> levels =
        escalate(
            book(), alert(AlertKind.BREACHED, "jamf-platinum", Priority.P1), emea, MONDAY_NIGHT);

    assertThat(levels).hasSize(2);
    assertThat(levels.get(0))
        .isEqualTo(
            new Level(1, MONDAY_NIGHT, List.of("jamf-designated <dana@acme.example>"), List.of()));
    assertThat(levels.get(1).at()).isEqualTo(MONDAY_NIGHT.plus(Duration.ofMinutes(15)));
    assertThat(levels.get(1).notified())
        .containsExactly("jamf-oncall-emea <jamf-oncall-emea@example.com>");
    assertThat(levels.get(1).skipped())
        .containsExactly(
            "jamf-oncall-americas: serves region americas, the customer is in EMEA",
            "jamf-oncall-apac: serves region apac, the customer is in EMEA");
  }

  @Test
  void a_jamf_gold_breach_goes_to_on_call_l1_then_l2() throws IOException {
    List<Level> levels =
        escalate(
            book(),
            alert(AlertKind.BREACHED, "jamf-gold", Priority.P1),
            CustomerFacts.UNKNOWN,
            MONDAY_NIGHT);
    assertThat(levels)
        .extracting(Level::notified)
        .containsExactly(
            List.of("jamf-oncall-l1 <jamf-oncall-l1@example.com>"),
            List.of("jamf-oncall-l2 <jamf-oncall-l2@example.com>"));
  }

  @ParameterizedTest(name = "customer record says US persons only: {0}")
  @ValueSource(booleans = {false, true})
  void an_opswat_emerald_us_alert_reaches_only_us_persons(boolean flagOnRecord) throws IOException {
    PolicyBook book = book();
    CustomerFacts customer = customer(Optional.empty(), flagOnRecord, Optional.empty());
    for (AlertKind kind : List.of(AlertKind.WARNING, AlertKind.UPDATE_DUE, AlertKind.BREACHED)) {
      List<Level> levels =
          escalate(book, alert(kind, "opswat-emerald-us", Priority.P1), customer, MONDAY_NIGHT);
      assertThat(levels)
          .extracting(Level::notified)
          .containsExactly(
              List.of("opswat-us-l2 <opswat-us-l2@example.com>"),
              List.of("opswat-us-l3 <opswat-us-l3@example.com>"));
      Policy policy = book.route(alert(kind, "opswat-emerald-us", Priority.P1), customer).get();
      assertThat(policy.steps())
          .flatExtracting(Step::targets)
          .allMatch(name -> book.targets().get(name).usPerson());
    }
  }

  @Test
  void opswat_triage_starts_at_l1_on_silver_and_gold_and_at_l2_on_platinum() throws IOException {
    PolicyBook book = book();
    Instant tuesday = Instant.parse("2026-11-24T15:00:00Z");
    for (String plan : List.of("opswat-silver", "opswat-gold")) {
      assertThat(
              escalate(
                  book,
                  alert(AlertKind.BREACHED, plan, Priority.P1),
                  CustomerFacts.UNKNOWN,
                  tuesday))
          .extracting(Level::notified)
          .containsExactly(
              List.of("opswat-l1 <opswat-l1@example.com>"),
              List.of("opswat-l2 <opswat-l2@example.com>"));
    }
    assertThat(
            escalate(
                book,
                alert(AlertKind.BREACHED, "opswat-platinum", Priority.P1),
                CustomerFacts.UNKNOWN,
                tuesday))
        .extracting(Level::notified)
        .containsExactly(
            List.of("opswat-l2 <opswat-l2@example.com>"),
            List.of("opswat-l3 <opswat-l3@example.com>"));
    // a Platinum customer whose record says US persons only gets the US-person chain
    CustomerFacts usOnly = customer(Optional.empty(), true, Optional.empty());
    assertThat(
            escalate(
                book, alert(AlertKind.BREACHED, "opswat-platinum", Priority.P1), usOnly, tuesday))
        .extracting(Level::notified)
        .containsExactly(
            List.of("opswat-us-l2 <opswat-us-l2@example.com>"),
            List.of("opswat-us-l3 <opswat-us-l3@example.com>"));
  }

  @Test
  void a_eurolinux_premium_p1_breach_climbs_l1_l2_l3_with_the_configured_waits_at_any_hour()
      throws IOException {
    List<Level> levels =
        escalate(
            book(),
            alert(AlertKind.BREACHED, "eurolinux-premium", Priority.P1),
            CustomerFacts.UNKNOWN,
            MONDAY_NIGHT);
    assertThat(levels)
        .containsExactly(
            new Level(
                1, MONDAY_NIGHT, List.of("eurolinux-l1 <eurolinux-l1@example.com>"), List.of()),
            new Level(
                2,
                MONDAY_NIGHT.plus(Duration.ofMinutes(15)),
                List.of("eurolinux-l2 <eurolinux-l2@example.com>"),
                List.of()),
            new Level(
                3,
                MONDAY_NIGHT.plus(Duration.ofMinutes(45)),
                List.of("eurolinux-l3 <eurolinux-l3@example.com>"),
                List.of()));
  }

  @Test
  void a_eurolinux_standard_breach_climbs_only_while_the_engineers_are_on_call()
      throws IOException {
    PolicyBook book = book();
    SlaAlert breach = alert(AlertKind.BREACHED, "eurolinux-standard", Priority.P1);
    Instant tuesdayMorning = Instant.parse("2026-11-24T09:00:00Z"); // 10:00 in Warsaw
    assertThat(escalate(book, breach, CustomerFacts.UNKNOWN, tuesdayMorning))
        .extracting(Level::at, Level::notified)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                tuesdayMorning, List.of("eurolinux-l1 <eurolinux-l1@example.com>")),
            org.assertj.core.groups.Tuple.tuple(
                tuesdayMorning.plus(Duration.ofMinutes(30)),
                List.of("eurolinux-l2 <eurolinux-l2@example.com>")),
            org.assertj.core.groups.Tuple.tuple(
                tuesdayMorning.plus(Duration.ofMinutes(90)),
                List.of("eurolinux-l3 <eurolinux-l3@example.com>")));
    // 04:00 in Warsaw: nobody is on call, and the 8h/5 policy does not page at any hour
    assertThat(escalate(book, breach, CustomerFacts.UNKNOWN, MONDAY_NIGHT).getFirst().skipped())
        .containsExactly("eurolinux-l1: outside the target's on-call hours");
  }

  @Test
  void a_demo_breach_climbs_a_level_every_15_seconds() throws IOException {
    List<Level> levels =
        escalate(
            book(),
            alert(AlertKind.BREACHED, "demo", Priority.P1),
            CustomerFacts.UNKNOWN,
            MONDAY_NIGHT);
    assertThat(levels)
        .extracting(Level::notified)
        .containsExactly(
            List.of("demo-oncall-l1 <demo-l1@example.com>"),
            List.of("demo-oncall-l2 <demo-l2@example.com>"),
            List.of("demo-oncall-l3 <demo-l3@example.com>"));
    assertThat(levels.get(1).at()).isEqualTo(levels.get(0).at().plusSeconds(15));
    assertThat(levels.get(2).at()).isEqualTo(levels.get(1).at().plusSeconds(15));
  }

  @Test
  void the_demo_plans_warnings_and_the_closing_alerts_reach_the_console_once() throws IOException {
    PolicyBook book = book();
    for (AlertKind kind : List.of(AlertKind.WARNING, AlertKind.MET)) {
      assertThat(
              escalate(book, alert(kind, "demo", Priority.P1), CustomerFacts.UNKNOWN, MONDAY_NIGHT))
          .extracting(Level::notified)
          .containsExactly(List.of("operations"));
    }
    assertThat(
            book.route(alert(AlertKind.MET, "jamf-platinum", Priority.P1), CustomerFacts.UNKNOWN))
        .map(Policy::name)
        .contains("closing-alerts");
  }

  @ParameterizedTest
  @ValueSource(strings = {"no_show", "late_notice", "forfeit_risk", "expiry"})
  void an_engagement_obligation_goes_to_the_services_coordinator_whatever_the_customers_plan(
      String clock) throws IOException {
    SlaAlert engagement =
        new SlaAlert(
            AlertKind.BREACHED,
            new TicketId("E-1"),
            new CustomerId("acme"),
            "jamf-platinum",
            Priority.P4,
            ClockKind.defined(clock),
            1,
            Duration.ofMinutes(20),
            MONDAY_NIGHT,
            MONDAY_NIGHT,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Set.of("engagement"),
            Optional.empty());
    assertThat(book().route(engagement, CustomerFacts.UNKNOWN))
        .map(Policy::name)
        .contains("jamf-engagements");
    assertThat(
            book()
                .route(
                    alert(AlertKind.BREACHED, "jamf-platinum", Priority.P4), CustomerFacts.UNKNOWN))
        .map(Policy::name)
        .as("a ticket's first response keeps its plan's policy")
        .contains("jamf-platinum");
  }
}
