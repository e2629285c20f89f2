package io.slawatch.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slawatch.core.alert.ClockKind;
import io.slawatch.core.config.ConfigException;
import io.slawatch.core.event.EventId;
import io.slawatch.core.event.TicketEvent;
import io.slawatch.core.ticket.Priority;
import io.slawatch.core.ticket.TicketId;
import io.slawatch.core.ticket.TicketStatus;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Clocks a plan file defines by name (issue 15): what the reader takes, and what it refuses. */
class DefinedClockReaderTest {
  static final String VALID =
      """
      name: acme-obligations
      clocks:
        P1: {first_response: {target: 1h, calendar: 24x7}}
        P2: {first_response: {target: 2h, calendar: 24x7}}
        P3: {first_response: {target: 4h, calendar: business_hours}}
        P4: {first_response: {target: 8h, calendar: business_hours}}
      defined_clocks:
        hardware_replacement:
          title: Advance replacement shipped
          start_on: {event: ticket.milestone, name: hardware_defect_identified}
          stop_on: {event: ticket.milestone, name: replacement_shipped}
          pause_on: {status: on_hold}
          targets:
            any: {target: 2 business days, calendar: business_hours}
          warnings: [50%]
        rca:
          start_on:
            - {event: ticket.status_changed, status: [solved, closed], priority: P1}
          stop_on: {event: ticket.milestone, name: rca_delivered}
          targets:
            P1: {target: 5 business days, calendar: business_hours}
      """;

  private static final EventId ID = new EventId("test", "e1");
  private static final TicketId TICKET = new TicketId("T-1");
  private static final Instant AT = Instant.parse("2026-03-23T10:00:00Z");

  @Test
  void a_plan_defines_clocks_by_start_stop_pause_target_and_warnings() {
    SupportPlan plan = PlanReader.read(VALID);
    assertThat(plan.definedClocks())
        .extracting(DefinedClock::name)
        .containsExactly("hardware_replacement", "rca");
    DefinedClock hardware = plan.definedClocks().getFirst();
    assertThat(hardware.title()).isEqualTo("Advance replacement shipped");
    assertThat(hardware.kind()).isEqualTo(ClockKind.defined("hardware_replacement"));
    assertThat(hardware.startOn())
        .singleElement()
        .hasToString("ticket.milestone hardware_defect_identified");
    assertThat(hardware.stopOn())
        .singleElement()
        .hasToString("ticket.milestone replacement_shipped");
    assertThat(hardware.pauseOn()).singleElement().hasToString("status on_hold");
    assertThat(hardware.warnings()).contains(java.util.List.of(new WarningThreshold.Percent(50)));
    for (Priority priority : Priority.values()) {
      assertThat(plan.clock(priority, hardware.kind()))
          .as("any gives %s its target", priority)
          .map(ClockTerms::toString)
          .contains("2 business days on business_hours");
    }
    ClockKind rca = ClockKind.defined("rca");
    assertThat(plan.clock(Priority.P1, rca).map(ClockTerms::words)).contains("5 business days");
    assertThat(plan.clock(Priority.P2, rca)).as("no P2 target: no P2 clock").isEmpty();
    assertThat(plan.warnings(rca)).as("the plan's warnings by default").isEqualTo(plan.warnings());
    assertThat(plan.warnings(hardware.kind())).containsExactly(new WarningThreshold.Percent(50));
  }

  @Test
  void a_plan_without_defined_clocks_has_none() {
    assertThat(PlanReader.read(PlanReaderTest.VALID).definedClocks()).isEmpty();
  }

  @Test
  void a_condition_matches_its_event_and_the_tickets_state() {
    SupportPlan plan = PlanReader.read(VALID);
    ClockCondition solvedP1 = plan.definedClocks().get(1).startOn().getFirst();
    var solved = new TicketEvent.StatusChanged(ID, TICKET, AT, TicketStatus.SOLVED);
    assertThat(
            solvedP1.matches(
                solved, new ClockCondition.Ticket(TicketStatus.SOLVED, Priority.P1, "email")))
        .isTrue();
    assertThat(
            solvedP1.matches(
                solved, new ClockCondition.Ticket(TicketStatus.SOLVED, Priority.P2, "email")))
        .isFalse();
    assertThat(
            solvedP1.matches(
                new TicketEvent.Milestone(ID, TICKET, AT, "rca_delivered"),
                new ClockCondition.Ticket(TicketStatus.SOLVED, Priority.P1, "email")))
        .isFalse();
    ClockCondition delivered = plan.definedClocks().get(1).stopOn().getFirst();
    var state = new ClockCondition.Ticket(TicketStatus.SOLVED, Priority.P1, "email");
    assertThat(delivered.matches(new TicketEvent.Milestone(ID, TICKET, AT, "rca_delivered"), state))
        .isTrue();
    assertThat(delivered.matches(new TicketEvent.Milestone(ID, TICKET, AT, "rca_started"), state))
        .isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          an unknown event type           | event: ticket.milestone, name: hardware_defect_identified | event: ticket.defect, name: hardware_defect_identified | 10 | defined_clocks.hardware_replacement.start_on.event | "ticket.defect" is not a ticket event type
          a missing target                | '      P1: {target: 5 business days, calendar: business_hours}' | '      P1: {calendar: business_hours}' | 21 | defined_clocks.rca.targets.P1.target | is required
          a clock without targets         | '    targets:\n      P1: {target: 5 business days, calendar: business_hours}\n' | '' | 17 | defined_clocks.rca.targets | is required
          an unknown priority (targets)   | P1: {target: 5 business days    | P5: {target: 5 business days    | 21 | defined_clocks.rca.targets.P5 | "P5" is not a canonical priority (P1, P2, P3, P4) or any
          an unknown priority (condition) | priority: P1}                   | priority: urgent}               | 18 | defined_clocks.rca.start_on[0].priority | not a canonical priority (P1, P2, P3, P4)
          an unknown status               | pause_on: {status: on_hold}     | pause_on: {status: waiting}     | 12 | defined_clocks.hardware_replacement.pause_on.status | "waiting" is not a ticket status
          a pause on an event             | pause_on: {status: on_hold}     | pause_on: {event: ticket.milestone} | 12 | defined_clocks.hardware_replacement.pause_on.event | pause_on is a state of the ticket
          a pause on nothing              | pause_on: {status: on_hold}     | pause_on: {}                    | 12 | defined_clocks.hardware_replacement.pause_on | gives no status, priority or channel
          a milestone without a name      | '{event: ticket.milestone, name: rca_delivered}' | '{event: ticket.milestone}' | 19 | defined_clocks.rca.stop_on.name | is required
          a milestone name that is no token | name: rca_delivered           | name: RCA delivered             | 19 | defined_clocks.rca.stop_on.name | "RCA delivered" is not a milestone name
          a name on another event         | priority: P1}                   | priority: P1, name: rca}        | 18 | defined_clocks.rca.start_on[0].name | names a milestone: it goes with event ticket.milestone
          a missing stop condition        | '    stop_on: {event: ticket.milestone, name: rca_delivered}\n' | '' | 17 | defined_clocks.rca.stop_on | is required
          no start condition at all       | '    start_on:\n      - {event: ticket.status_changed, status: [solved, closed], priority: P1}' | '    start_on: []' | 17 | defined_clocks.rca.start_on | needs at least one condition
          a misspelt field                | stop_on: {event: ticket.milestone, name: rca | stop_at: {event: ticket.milestone, name: rca | 19 | defined_clocks.rca.stop_at | unknown field
          a target that is not one        | 5 business days                 | 5 days                          | 21 | defined_clocks.rca.targets.P1.target | "5 days" is not a target
          a built-in clock's name         | '  rca:'                        | '  update:'                     | 17 | defined_clocks.update | is a built-in clock
          a name no clock can have        | '  rca:'                        | '  Root-Cause:'                 | 17 | defined_clocks.Root-Cause | "Root-Cause" is not a clock name
          """)
  void a_bad_clock_definition_is_rejected_naming_its_line_and_field(
      String mistake, String from, String to, int line, String field, String problem) {
    String broken = VALID.replace(from.replace("\\n", "\n"), to.replace("\\n", "\n"));
    assertThat(broken).as("the mistake is in the file").isNotEqualTo(VALID);
    assertThatThrownBy(() -> PlanReader.read(broken))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.line()).isEqualTo(line);
              assertThat(e.getMessage()).startsWith("line " + line + ", " + field + ": ");
              assertThat(e.getMessage()).contains(problem);
            });
  }

  @Test
  void a_clock_defined_twice_is_rejected_with_the_line_of_the_second() {
    String twice = VALID + "  rca:\n    start_on: {event: ticket.created}\n";
    assertThatThrownBy(() -> PlanReader.read(twice))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("line 22, defined_clocks.rca: appears twice");
  }

  @Test
  void conditions_are_built_only_from_event_types_of_the_contract() {
    assertThatThrownBy(
            () ->
                new ClockCondition(
                    Optional.of("ticket.exploded"),
                    Optional.empty(),
                    java.util.Set.of(),
                    java.util.Set.of(),
                    java.util.Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
