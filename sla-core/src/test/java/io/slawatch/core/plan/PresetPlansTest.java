package io.slawatch.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.core.alert.ClockKind;
import io.slawatch.core.ticket.Priority;
import io.slawatch.core.ticket.TicketStatus;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

/** Every cell of the tables in support-plans.md, against the built-in presets. */
class PresetPlansTest {
  static SupportPlan plan(String name) {
    return PlanCatalog.presets().find(name).orElseThrow();
  }

  static String clock(String plan, String priority, ClockKind kind) {
    return plan(plan)
        .clock(Priority.valueOf(priority), kind)
        .map(ClockTerms::toString)
        .orElse("none");
  }

  static final List<String> ALL = PresetPlans.NAMES;

  @ParameterizedTest
  @FieldSource("ALL")
  void every_preset_loads_with_the_default_warnings_and_pause_statuses(String name) {
    SupportPlan plan = plan(name);
    assertThat(plan.name()).isEqualTo(name);
    assertThat(plan.warnings()).extracting(Object::toString).containsExactly("75%", "90%");
    assertThat(plan.pauseStatuses())
        .containsExactlyInAnyOrder(TicketStatus.PENDING, TicketStatus.ON_HOLD);
  }

  @Test
  void the_presets_are_exactly_the_eleven_seed_plans() {
    assertThat(PresetPlans.NAMES)
        .containsExactly(
            "jamf-standard",
            "jamf-silver",
            "jamf-gold",
            "jamf-platinum",
            "opswat-silver",
            "opswat-gold",
            "opswat-platinum",
            "opswat-emerald-us",
            "eurolinux-basic",
            "eurolinux-standard",
            "eurolinux-premium");
    assertThat(PlanCatalog.presets().find("jamf-bronze")).isEmpty();
  }

  // ---- 1. Jamf: priority x tier -> response time, coverage hours, proactive update

  @ParameterizedTest(name = "Jamf {1} {0}: respond within {2} on {3}, update {4}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          P1 | platinum | 1h  | 24x7           | every 2h on 24x7
          P1 | gold     | 1h  | 24x7           | every 4h on 24x7
          P1 | silver   | 1h  | business_hours | every 4h on business_hours
          P1 | standard | 2h  | business_hours | every 6h on business_hours
          P2 | platinum | 2h  | 24x7           | every 2h on 24x7
          P2 | gold     | 3h  | 24x7           | every 4h on 24x7
          P2 | silver   | 3h  | business_hours | every 4h on business_hours
          P2 | standard | 4h  | business_hours | every 6h on business_hours
          P3 | platinum | 2h  | 24x7           | every 1 business day on 24x7
          P3 | gold     | 3h  | 24x7           | every 1 business day on 24x7
          P3 | silver   | 4h  | business_hours | every 1 business day on business_hours
          P3 | standard | 6h  | business_hours | every 1 business day on business_hours
          P4 | platinum | 8h  | 24x7           | on_status_change
          P4 | gold     | 8h  | 24x7           | on_status_change
          P4 | silver   | 12h | business_hours | on_status_change
          P4 | standard | 24h | business_hours | on_status_change
          """)
  void jamf_response_coverage_and_update(
      String priority, String tier, String response, String coverage, String update) {
    String name = "jamf-" + tier;
    String expected = response + " on " + coverage;
    assertThat(clock(name, priority, ClockKind.FIRST_RESPONSE)).isEqualTo(expected);
    assertThat(clock(name, priority, ClockKind.NEXT_RESPONSE))
        .as("response to every inbound customer communication")
        .isEqualTo(expected);
    assertThat(plan(name).terms(Priority.valueOf(priority)).update().map(Object::toString))
        .contains(update);
  }

  @ParameterizedTest(name = "Jamf {0}: silver={1} gold={2} platinum={3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          level 3 support                | true     | true     | true
          premium contacts               | 2        | 3        | 10
          phone support                  | standard | priority | priority
          24/7 support (English)         | false    | true     | true
          enhanced updates and reports   | false    | true     | true
          professional services hours    | 0        | 8        | 24
          root-cause analysis for P1     | false    | false    | true
          designated engineer            | none     | none     | per_region
          executive sponsor              | false    | false    | true
          price commercial               | USD 12,000 | USD 28,000 | USD 60,000
          price education                | USD 10,000 | USD 18,000 | USD 50,000
          others get                     | jamf-standard | jamf-standard | jamf-standard
          """)
  void jamf_premium_entitlements(String entitlement, String silver, String gold, String platinum) {
    assertThat(jamfEntitlement("jamf-silver", entitlement)).isEqualTo(silver);
    assertThat(jamfEntitlement("jamf-gold", entitlement)).isEqualTo(gold);
    assertThat(jamfEntitlement("jamf-platinum", entitlement)).isEqualTo(platinum);
  }

  static String jamfEntitlement(String plan, String entitlement) {
    Entitlements e = plan(plan).entitlements();
    return switch (entitlement) {
      case "level 3 support" -> String.valueOf(e.level3Support());
      case "premium contacts" -> String.valueOf(e.premiumContacts().orElse(-1));
      case "phone support" -> e.phoneSupport().orElse("?");
      case "24/7 support (English)" -> String.valueOf(e.support24x7English());
      case "enhanced updates and reports" -> String.valueOf(e.enhancedUpdatesAndReports());
      case "professional services hours" -> String.valueOf(e.professionalServicesHours());
      case "root-cause analysis for P1" -> String.valueOf(e.rcaForP1());
      case "designated engineer" -> e.designatedEngineer();
      case "executive sponsor" -> String.valueOf(e.executiveSponsor());
      case "price commercial" -> e.extras().get("price_per_year_commercial");
      case "price education" -> e.extras().get("price_per_year_education");
      case "others get" -> e.nonPremiumContactPlan().orElse("?");
      default -> throw new IllegalArgumentException(entitlement);
    };
  }

  @Test
  void jamf_standard_is_chat_portal_email_or_phone_within_business_hours_with_unlimited_cases() {
    Entitlements e = plan("jamf-standard").entitlements();
    assertThat(e.channels()).containsOnlyKeys("chat", "portal", "email", "phone");
    assertThat(e.channels().values()).allMatch(c -> c instanceof Coverage.BusinessHours);
    assertThat(e.premiumContacts()).isEmpty();
    assertThat(e.extras()).containsEntry("cases", "unlimited");
  }

  @ParameterizedTest
  @CsvSource({"urgent,P1", "high,P2", "medium,P3", "low,P4", "P2,P2", "URGENT,P1"})
  void jamf_priority_words_map_to_canonical_priorities(String word, Priority expected) {
    assertThat(plan("jamf-gold").priorityOf(word)).contains(expected);
  }

  // ---- 2. OPSWAT

  @ParameterizedTest(name = "OPSWAT {0}: {1} = {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          silver     | portal        | business_days 08:00-20:00
          gold       | portal        | business_days 00:00-24:00
          platinum   | portal        | 24x7
          emerald-us | portal        | 24x7
          silver     | chatbot       | 24x7
          gold       | chatbot       | 24x7
          platinum   | chatbot       | 24x7
          emerald-us | chatbot       | 24x7
          silver     | chat          | not included
          gold       | chat          | business_days 00:00-24:00
          platinum   | chat          | business_days 00:00-24:00
          emerald-us | chat          | business_days 08:00-21:00
          silver     | phone         | not included
          gold       | phone         | not included
          platinum   | phone         | 24x7
          emerald-us | phone         | 24x7
          silver     | S1 & S2       | 4h on business_days 08:00-20:00
          gold       | S1 & S2       | 2h on business_days 00:00-24:00
          platinum   | S1 & S2       | 1h on 24x7
          emerald-us | S1 & S2       | 1h on 24x7
          silver     | S3 & S4       | 1 business day on business_hours
          gold       | S3 & S4       | 8h on business_hours
          platinum   | S3 & S4       | 4h on business_hours
          emerald-us | S3 & S4       | 4h on business_hours
          silver     | triage        | L1
          gold       | triage        | L1
          platinum   | triage        | L2
          emerald-us | triage        | L2
          silver     | US persons    | false
          gold       | US persons    | false
          platinum   | US persons    | false
          emerald-us | US persons    | true
          """)
  void opswat_plan_table(String tier, String row, String expected) {
    SupportPlan plan = plan("opswat-" + tier);
    Entitlements e = plan.entitlements();
    String actual =
        switch (row) {
          case "S1 & S2" -> bothOf(plan, Priority.P1, Priority.P2);
          case "S3 & S4" -> bothOf(plan, Priority.P3, Priority.P4);
          case "triage" -> e.triageLevel().orElse("?");
          case "US persons" -> String.valueOf(e.usPersonsOnly());
          default ->
              Optional.ofNullable(e.channels().get(row))
                  .map(Object::toString)
                  .orElse("not included");
        };
    assertThat(actual).isEqualTo(expected);
  }

  private static String bothOf(SupportPlan plan, Priority a, Priority b) {
    String first = plan.clock(a, ClockKind.FIRST_RESPONSE).orElseThrow().toString();
    assertThat(plan.clock(b, ClockKind.FIRST_RESPONSE).orElseThrow().toString()).isEqualTo(first);
    return first;
  }

  @ParameterizedTest
  @CsvSource({"opswat-silver", "opswat-gold", "opswat-platinum", "opswat-emerald-us"})
  void opswat_promises_only_an_initial_response(String name) {
    for (Priority p : Priority.values()) {
      assertThat(plan(name).clock(p, ClockKind.NEXT_RESPONSE)).isEmpty();
      assertThat(plan(name).terms(p).update()).isEmpty();
    }
    assertThat(plan(name).priorityOf("S1")).contains(Priority.P1);
    assertThat(plan(name).priorityOf("s4")).contains(Priority.P4);
    assertThat(plan(name).entitlements().extras().get("hardware_warranty"))
        .contains("advance replacement shipped within 2 business days");
  }

  // ---- 3. EuroLinux: category x level -> reaction time

  @ParameterizedTest(name = "EuroLinux {1} category {0}: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          P1 | premium  | 1h on 24x7
          P2 | premium  | 2h on 24x7
          P3 | premium  | 4h on 24x7
          P4 | premium  | 24h on 24x7
          P1 | standard | 1h on business_hours
          P2 | standard | 4h on business_hours
          P3 | standard | 1 business day on business_hours
          P4 | standard | 2 business days on business_hours
          P1 | basic    | 1 business day on business_hours
          P2 | basic    | 1 business day on business_hours
          P3 | basic    | 1 business day on business_hours
          P4 | basic    | 2 business days on business_hours
          """)
  void eurolinux_reaction_times(String priority, String level, String expected) {
    assertThat(clock("eurolinux-" + level, priority, ClockKind.FIRST_RESPONSE)).isEqualTo(expected);
    assertThat(clock("eurolinux-" + level, priority, ClockKind.NEXT_RESPONSE)).isEqualTo("none");
  }

  @ParameterizedTest
  @CsvSource({"eurolinux-premium,true", "eurolinux-standard,true", "eurolinux-basic,false"})
  void eurolinux_channels_languages_escalation_and_onsite(String name, boolean onsite) {
    Entitlements e = plan(name).entitlements();
    assertThat(e.channels()).containsOnlyKeys("phone", "email", "portal");
    assertThat(e.onsiteSupport()).isEqualTo(onsite);
    assertThat(e.languages()).containsExactly("pl", "en");
    assertThat(e.escalationPath()).containsExactly("L1", "L2", "L3");
    assertThat(plan(name).priorityOf("critical")).contains(Priority.P1);
    assertThat(plan(name).priorityOf("3")).contains(Priority.P3);
  }

  @Test
  void eurolinux_basic_is_installation_support_only() {
    assertThat(plan("eurolinux-basic").entitlements().extras())
        .containsEntry("scope", "installation support only");
  }

  @Test
  void the_shipped_yaml_reads_back_to_the_same_plan() {
    for (String name : PresetPlans.NAMES) {
      assertThat(PlanReader.read(PresetPlans.yaml(name))).isEqualTo(plan(name));
    }
  }

  // ---- obligations beyond the response clock (issue 15): clocks the presets define

  @ParameterizedTest(name = "{0} defines {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          jamf-standard      | ''
          jamf-silver        | ''
          jamf-gold          | ''
          jamf-platinum      | rca
          opswat-silver      | hardware_replacement
          opswat-gold        | hardware_replacement
          opswat-platinum    | hardware_replacement
          opswat-emerald-us  | hardware_replacement
          eurolinux-basic    | ''
          eurolinux-standard | ''
          eurolinux-premium  | ''
          """)
  void the_presets_define_the_obligations_their_seed_promises(String name, String clocks) {
    assertThat(plan(name).definedClocks().stream().map(DefinedClock::name).toList())
        .isEqualTo(clocks.isEmpty() ? List.of() : List.of(clocks));
  }

  @ParameterizedTest
  @CsvSource({"opswat-silver", "opswat-gold", "opswat-platinum", "opswat-emerald-us"})
  void opswat_ships_a_replacement_within_2_business_days_of_identifying_a_defect(String name) {
    DefinedClock clock = plan(name).definedClocks().getFirst();
    assertThat(clock.startOn())
        .singleElement()
        .hasToString("ticket.milestone hardware_defect_identified");
    assertThat(clock.stopOn()).singleElement().hasToString("ticket.milestone replacement_shipped");
    assertThat(clock.pauseOn()).isEmpty();
    for (Priority priority : Priority.values()) {
      assertThat(clock(name, priority.name(), clock.kind()))
          .isEqualTo("2 business days on business_hours");
    }
  }

  @Test
  void jamf_platinum_owes_a_root_cause_analysis_5_business_days_after_a_p1_is_solved() {
    DefinedClock rca = plan("jamf-platinum").definedClocks().getFirst();
    assertThat(plan("jamf-platinum").entitlements().rcaForP1()).isTrue();
    assertThat(rca.startOn())
        .singleElement()
        .hasToString("ticket.status_changed status solved priority P1");
    assertThat(rca.stopOn()).singleElement().hasToString("ticket.milestone rca_delivered");
    assertThat(clock("jamf-platinum", "P1", rca.kind()))
        .isEqualTo("5 business days on business_hours");
    assertThat(clock("jamf-platinum", "P2", rca.kind())).isEqualTo("none");
  }
}
