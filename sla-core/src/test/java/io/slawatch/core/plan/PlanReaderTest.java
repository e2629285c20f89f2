package io.slawatch.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slawatch.core.alert.ClockKind;
import io.slawatch.core.config.ConfigException;
import io.slawatch.core.ticket.Priority;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlanReaderTest {
  static final String VALID =
      """
      name: acme-custom
      warnings: [50%, 15m before]
      pause_statuses: [pending]
      clocks:
        P1:
          first_response: {target: 30m, calendar: 24x7}
          update: {every: 2h, calendar: business_days 07:00-19:00}
          resolution: {target: PT8H, calendar: 24x7}
        P2: {first_response: {target: 2h, calendar: business_hours}}
        P3: {first_response: {target: 1 business day, calendar: business_hours}}
        P4: {first_response: {target: 3 business days, calendar: business_hours}}
      """;

  @Test
  void a_plan_file_sets_targets_calendars_warnings_pauses_and_a_resolution_clock() {
    SupportPlan plan = PlanReader.read(VALID);
    assertThat(plan.clock(Priority.P1, ClockKind.FIRST_RESPONSE).orElseThrow().target())
        .isEqualTo(new Target.BusinessTime(Duration.ofMinutes(30)));
    assertThat(plan.clock(Priority.P1, ClockKind.RESOLUTION).orElseThrow().toString())
        .isEqualTo("8h on 24x7");
    assertThat(plan.clock(Priority.P1, ClockKind.UPDATE).orElseThrow().toString())
        .isEqualTo("2h on business_days 07:00-19:00");
    assertThat(plan.clock(Priority.P4, ClockKind.FIRST_RESPONSE).orElseThrow().target())
        .isEqualTo(new Target.BusinessDays(3));
    assertThat(plan.warnings())
        .containsExactly(
            new WarningThreshold.Percent(50),
            new WarningThreshold.LeadTime(Duration.ofMinutes(15)));
    assertThat(plan.warnings().get(1).fraction(Duration.ofHours(1))).isEqualTo(0.75);
    assertThat(plan.pauses(io.slawatch.core.ticket.TicketStatus.ON_HOLD)).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          a misspelt clock           | first_response: {target: 30m    | first_respons: {target: 30m  | line 6, clocks.P1.first_respons: unknown field
          a target that is not one   | target: 30m, calendar: 24x7}     | target: soon, calendar: 24x7} | line 6, clocks.P1.first_response.target: "soon" is not a target
          an unknown calendar        | target: 2h, calendar: business_hours} | target: 2h, calendar: office} | line 9, clocks.P2.first_response.calendar: "office" is not a calendar
          a warning above 100%       | [50%, 15m before]                | [50%, 120%]                  | line 2, warnings[1]: "120%"
          a status that cannot pause | [pending]                        | [solved]                     | line 3, pause_statuses[0]: solved and closed stop the clocks
          a missing priority         | '  P4: {first_response: {target: 3 business days, calendar: business_hours}}' | '' | clocks.P4: is required
          a bad plan name            | acme-custom                      | Acme Custom                  | line 1, name: "Acme Custom" is not a plan name
          """)
  void a_plan_with_a_mistake_is_rejected_naming_the_line_and_field(
      String mistake, String from, String to, String message) {
    String broken = VALID.replace(from, to);
    assertThat(broken).isNotEqualTo(VALID);
    assertThatThrownBy(() -> PlanReader.read(broken))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(message);
  }

  @Test
  void on_site_support_includes_the_onsite_channel_and_contradicting_it_is_rejected() {
    String flagged = VALID + "entitlements: {channels: {phone: 24x7}, onsite_support: true}\n";
    assertThat(PlanReader.read(flagged).entitlements().includesChannel("onsite")).isTrue();
    String listed = VALID + "entitlements: {channels: {onsite: business_hours}}\n";
    assertThat(PlanReader.read(listed).entitlements().onsiteSupport()).isTrue();
    String none = VALID + "entitlements: {channels: {phone: 24x7}}\n";
    assertThat(PlanReader.read(none).entitlements().includesChannel("onsite")).isFalse();
    String contradiction =
        VALID + "entitlements: {channels: {onsite: business_hours}, onsite_support: false}\n";
    assertThatThrownBy(() -> PlanReader.read(contradiction))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("entitlements.onsite_support: is false, but channels lists onsite");
  }

  @Test
  void broken_yaml_is_rejected_with_its_line() {
    assertThatThrownBy(() -> PlanReader.read("name: x\nclocks: [\n  a: b\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("line ");
  }
}
