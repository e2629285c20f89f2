package io.slawatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.core.plan.PlanReader;
import io.slawatch.core.plan.PresetPlans;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build runs these twice: in UTC, then with a +05:30 default zone (cli/pom.xml). */
class SlawatchCliTest {
  record Run(int status, List<String> out, String err) {}

  static Run run(String stdin, String... args) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        SlawatchCli.run(
            args,
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    String text = out.toString(StandardCharsets.UTF_8);
    return new Run(
        status,
        text.isEmpty() ? List.of() : List.of(text.split("\n")),
        err.toString(StandardCharsets.UTF_8));
  }

  static final String PARIS =
      "{\"zone\":\"Europe/Paris\",\"week\":{\"MON\":[[\"09:00\",\"17:00\"]],\"TUE\":[[\"09:00\",\"17:00\"]],"
          + "\"WED\":[[\"09:00\",\"17:00\"]],\"THU\":[[\"09:00\",\"17:00\"]],\"FRI\":[[\"09:00\",\"17:00\"]]},"
          + "\"holiday_sets\":[\"FR\"]}";

  @Nested
  class Calc {
    @Test
    void answers_one_line_per_request_in_order_with_the_calendar_zone_offset() throws IOException {
      Run run =
          run(
              String.join(
                  "\n",
                  "{\"calendar\":"
                      + PARIS
                      + ",\"op\":\"add\",\"start\":\"2026-03-27T16:00:00+01:00\",\"duration\":\"PT4H\"}",
                  "{\"calendar\":"
                      + PARIS
                      + ",\"op\":\"subtract\",\"start\":\"2026-03-30T10:00:00+02:00\",\"duration\":\"PT2H\"}",
                  "{\"calendar\":"
                      + PARIS
                      + ",\"op\":\"elapsed\",\"start\":\"2026-07-13T16:00:00+02:00\",\"end\":\"2026-07-15T10:00:00+02:00\"}",
                  "{\"calendar\":"
                      + PARIS
                      + ",\"op\":\"next_open\",\"start\":\"2026-03-28T12:00:00Z\",\"pauses\":[[\"2026-03-30T07:00:00Z\",\"2026-03-30T08:15:00Z\"]]}",
                  "{\"calendar\":{\"zone\":\"UTC\",\"preset\":\"24x7\"},\"op\":\"elapsed\",\"start\":\"2026-03-24T10:00:00Z\",\"end\":\"2026-03-24T09:00:00Z\"}"),
              "calc");
      assertThat(run.out())
          .containsExactly(
              "{\"result\":\"2026-03-30T12:00:00+02:00\"}",
              "{\"result\":\"2026-03-27T16:00:00+01:00\"}",
              "{\"result\":\"PT2H\"}",
              "{\"result\":\"2026-03-30T10:15:00+02:00\"}",
              "{\"result\":\"PT0S\"}");
      assertThat(run.status()).isZero();
    }

    @Test
    void a_bad_line_answers_an_error_naming_the_field_and_the_next_line_goes_on()
        throws IOException {
      Run run =
          run(
              String.join(
                  "\n",
                  "{\"calendar\":"
                      + PARIS
                      + ",\"op\":\"add\",\"start\":\"2026-03-27T16:00:00\",\"duration\":\"PT4H\"}",
                  "{\"calendar\":"
                      + PARIS
                      + ",\"op\":\"multiply\",\"start\":\"2026-03-27T16:00:00Z\"}",
                  "{\"calendar\":"
                      + PARIS
                      + ",\"op\":\"add\",\"start\":\"2026-03-27T16:00:00Z\",\"duration\":\"4 hours\"}",
                  "{\"calendar\":{\"zone\":\"Europe/Paris\",\"week\":{\"MON\":[[\"9\",\"17:00\"]]}},\"op\":\"next_open\",\"start\":\"2026-03-27T16:00:00Z\"}",
                  "{\"calendar\":"
                      + PARIS
                      + ",\"op\":\"elapsed\",\"start\":\"2026-03-27T16:00:00Z\"}",
                  "{oops",
                  "{\"calendar\":{\"zone\":\"UTC\",\"preset\":\"24x7\"},\"op\":\"add\",\"start\":\"2026-03-24T10:00:00Z\",\"duration\":\"PT1H\"}"),
              "calc");
      assertThat(run.out()).hasSize(7);
      assertThat(run.out().get(0)).startsWith("{\"error\":\"start: ");
      assertThat(run.out().get(1))
          .startsWith("{\"error\":\"op: \\\"multiply\\\" is not an operation");
      assertThat(run.out().get(2)).startsWith("{\"error\":\"duration: ");
      assertThat(run.out().get(3)).startsWith("{\"error\":\"calendar.week.MON[0][0]: ");
      assertThat(run.out().get(4)).startsWith("{\"error\":\"end: is required");
      assertThat(run.out().get(5)).startsWith("{\"error\":\"input: not valid YAML/JSON");
      assertThat(run.out().get(6)).isEqualTo("{\"result\":\"2026-03-24T11:00:00Z\"}");
    }
  }

  @Nested
  class Simulate {
    static final String EVENTS =
        """
        {"specversion":"1.0","id":"e2","source":"zd","type":"ticket.status_changed","subject":"T-2","time":"2026-03-23T10:20:00Z","data":{"status":"pending"}}
        {"specversion":"1.0","id":"e1","source":"zd","type":"ticket.created","subject":"T-1","time":"2026-03-23T10:00:00Z","data":{"customer":"acme","priority":"urgent","status":"new","channel":"email","requester":"a@acme.test"}}
        {"specversion":"1.0","id":"e3","source":"zd","type":"ticket.created","subject":"T-2","time":"2026-03-23T10:00:00Z","data":{"customer":"acme","priority":"P1"}}
        {"specversion":"1.0","id":"e4","source":"zd","type":"ticket.agent_replied","subject":"T-1","time":"2026-03-23T10:30:00Z","data":{"public":true}}
        {"specversion":"1.0","id":"e5","source":"zd","type":"ticket.status_changed","subject":"T-1","time":"2026-03-23T10:40:00Z","data":{"status":"solved"}}
        """;

    @Test
    void prints_every_alert_of_every_ticket_ordered_by_firing_instant_as_cloudevents()
        throws IOException {
      Run run = run(EVENTS, "simulate", "--plan", "jamf-gold", "--zone", "Europe/Paris");
      assertThat(run.status()).isZero();
      assertThat(run.out())
          .containsExactly(
              "{\"specversion\":\"1.0\",\"id\":\"T-1/first_response/1/sla.met\",\"source\":\"/slawatch/sla-timer\","
                  + "\"type\":\"sla.met\",\"subject\":\"T-1\",\"time\":\"2026-03-23T10:30:00Z\",\"datacontenttype\":\"application/json\","
                  + "\"data\":{\"ticket\":\"T-1\",\"customer\":\"acme\",\"plan\":\"jamf-gold\",\"priority\":\"P1\",\"clock\":\"first_response\","
                  + "\"cycle\":1,\"target\":\"PT1H\",\"due\":\"2026-03-23T11:00:00Z\",\"met_at\":\"2026-03-23T10:30:00Z\",\"elapsed\":\"PT30M\","
                  + "\"terms\":\"1 hour, 24x7\"}}");
    }

    @Test
    void a_breach_answered_late_then_solved_prints_its_closing_alert() throws IOException {
      String events =
          """
          {"specversion":"1.0","id":"1","source":"zd","type":"ticket.created","subject":"T-9","time":"2026-03-23T10:00:00Z","data":{"customer":"acme","priority":"P1"}}
          {"specversion":"1.0","id":"2","source":"zd","type":"ticket.agent_replied","subject":"T-9","time":"2026-03-23T12:00:00Z","data":{"public":true}}
          {"specversion":"1.0","id":"3","source":"zd","type":"ticket.status_changed","subject":"T-9","time":"2026-03-23T12:30:00Z","data":{"status":"solved"}}
          """;
      Run run = run(events, "simulate", "--plan", "jamf-gold");
      assertThat(run.status()).isZero();
      assertThat(run.out()).hasSize(4);
      assertThat(run.out().getLast())
          .contains(
              "\"id\":\"T-9/first_response/1/sla.ended\"",
              "\"type\":\"sla.ended\"",
              "\"time\":\"2026-03-23T12:00:00Z\"",
              "\"elapsed\":\"PT2H\"",
              "\"reason\":\"met_late\"");
    }

    @Test
    void the_tickets_url_given_on_creation_is_printed_on_each_of_its_alerts() throws IOException {
      String events =
          """
          {"specversion":"1.0","id":"1","source":"gh","type":"ticket.created","subject":"T-8","time":"2026-03-23T10:00:00Z","data":{"customer":"acme","priority":"P1","url":"https://github.com/acme/support/issues/8"}}
          """;
      Run run = run(events, "simulate", "--plan", "jamf-gold", "--until", "2026-03-23T12:00:00Z");
      assertThat(run.status()).isZero();
      assertThat(run.out())
          .hasSize(3)
          .allSatisfy(
              line ->
                  assertThat(line)
                      .contains("\"ticket_url\":\"https://github.com/acme/support/issues/8\""));
    }

    @Test
    void the_flags_given_on_creation_are_printed_on_each_of_its_alerts() throws IOException {
      String events =
          """
          {"specversion":"1.0","id":"1","source":"zd","type":"ticket.created","subject":"T-7","time":"2026-03-23T10:00:00Z","data":{"customer":"acme","priority":"P1","flags":["vip"]}}
          """;
      Run run = run(events, "simulate", "--plan", "jamf-gold", "--until", "2026-03-23T12:00:00Z");
      assertThat(run.status()).isZero();
      assertThat(run.out())
          .hasSize(3)
          .allSatisfy(line -> assertThat(line).contains("\"flags\":[\"vip\"]"));
    }

    @Test
    void a_milestone_starts_a_clock_the_plan_defines_and_its_alerts_carry_its_name()
        throws IOException {
      String events =
          """
          {"specversion":"1.0","id":"1","source":"zd","type":"ticket.created","subject":"T-9","time":"2026-03-23T10:00:00Z","data":{"customer":"acme","priority":"s3"}}
          {"specversion":"1.0","id":"2","source":"zd","type":"ticket.agent_replied","subject":"T-9","time":"2026-03-23T10:30:00Z","data":{"public":true}}
          {"specversion":"1.0","id":"3","source":"rma","type":"ticket.milestone","subject":"T-9","time":"2026-03-23T11:00:00Z","data":{"name":"hardware_defect_identified"}}
          """;
      Run run = run(events, "simulate", "--plan", "opswat-gold", "--until", "2026-03-26T12:00:00Z");
      assertThat(run.status()).isZero();
      assertThat(run.out())
          .last()
          .asString()
          .contains(
              "\"type\":\"sla.breached\"",
              "\"time\":\"2026-03-25T11:00:00Z\"",
              "\"clock\":\"hardware_replacement\"",
              "\"terms\":\"2 business days\"");
    }

    @Test
    void a_changed_priority_in_the_plans_words_is_read() throws IOException {
      String events =
          """
          {"specversion":"1.0","id":"1","source":"zd","type":"ticket.created","subject":"T-6","time":"2026-03-23T10:00:00Z","data":{"customer":"acme","priority":"low"}}
          {"specversion":"1.0","id":"2","source":"zd","type":"ticket.priority_changed","subject":"T-6","time":"2026-03-23T10:10:00Z","data":{"priority":"urgent"}}
          """;
      Run run = run(events, "simulate", "--plan", "jamf-gold", "--until", "2026-03-23T11:30:00Z");
      assertThat(run.status()).isZero();
      assertThat(run.out())
          .last()
          .asString()
          .contains("\"type\":\"sla.breached\"", "\"priority\":\"P1\"");
    }

    @Test
    void an_event_that_is_not_json_or_breaks_the_contract_is_reported_with_its_field()
        throws IOException {
      String events =
          """
          {oops
          {"specversion":"1.0","id":"1","source":"zd","type":"ticket.created","subject":"T-5","time":"2026-03-23T10:00:00Z","data":{"customer":"acme","priority":"P1","customer":"other"}}
          {"specversion":"1.0","id":"2","source":"zd","type":"ticket.customer_replied","subject":"T-5","time":"2026-03-23T10:00:00Z"}
          """;
      Run run = run(events, "simulate", "--plan", "jamf-gold");
      assertThat(run.err())
          .contains("line 1: is not valid JSON", "line 2: customer: appears twice")
          .contains("line 3: data: is required");
      assertThat(run.out()).isEmpty();
      assertThat(run.status()).isEqualTo(1);
    }

    @Test
    void a_ticket_url_that_is_not_http_is_reported_with_its_field() throws IOException {
      String events =
          """
          {"specversion":"1.0","id":"1","source":"gh","type":"ticket.created","subject":"T-8","time":"2026-03-23T10:00:00Z","data":{"customer":"acme","priority":"P1","url":"javascript:alert(1)"}}
          """;
      Run run = run(events, "simulate", "--plan", "jamf-gold");
      assertThat(run.err()).contains("line 1: data.url: must be an absolute http or https URL");
      assertThat(run.status()).isEqualTo(1);
    }

    @Test
    void until_cuts_the_simulation_and_a_pending_ticket_fires_nothing_meanwhile()
        throws IOException {
      String events =
          EVENTS.lines().filter(l -> l.contains("T-2")).reduce("", (a, b) -> a + b + "\n")
              + "{\"specversion\":\"1.0\",\"id\":\"e6\",\"source\":\"zd\",\"type\":\"ticket.status_changed\",\"subject\":\"T-2\",\"time\":\"2026-03-23T12:00:00Z\",\"data\":{\"status\":\"open\"}}\n";
      Run run = run(events, "simulate", "--plan", "jamf-gold", "--until", "2026-03-23T12:30:00Z");
      assertThat(run.out()).hasSize(1);
      assertThat(run.out().getFirst())
          .contains(
              "\"type\":\"sla.warning\"",
              "\"time\":\"2026-03-23T12:25:00Z\"",
              "\"threshold\":0.75");
    }

    @Test
    void a_plan_file_and_a_customer_calendar_file_are_read(@TempDir Path dir) throws IOException {
      Path plan = dir.resolve("fast.yaml");
      Files.writeString(
          plan, PresetPlans.yaml("jamf-silver").replace("name: jamf-silver", "name: fast"));
      Path calendar = dir.resolve("acme.yaml");
      Files.writeString(calendar, "zone: Europe/Paris\nweek: {MON: [[\"09:00\", \"17:00\"]]}\n");
      assertThat(PlanReader.read(plan).name()).isEqualTo("fast");
      Run run =
          run(
              "{\"specversion\":\"1.0\",\"id\":\"e1\",\"source\":\"zd\",\"type\":\"ticket.created\",\"subject\":\"T-9\",\"time\":\"2026-03-24T10:00:00Z\",\"data\":{\"customer\":\"acme\",\"priority\":\"urgent\"}}\n",
              "simulate",
              "--plan",
              plan.toString(),
              "--calendar",
              calendar.toString());
      assertThat(run.out())
          .last()
          .asString()
          .contains(
              "\"type\":\"sla.breached\"",
              "\"time\":\"2026-03-30T08:00:00Z\"",
              "\"plan\":\"fast\"");
    }

    @Test
    void a_bad_event_is_reported_on_stderr_with_its_line_and_field_and_the_rest_is_simulated()
        throws IOException {
      String events = EVENTS.replace("\"priority\":\"P1\"", "\"priority\":\"P9\"");
      Run run = run(events, "simulate", "--plan", "jamf-gold");
      assertThat(run.err())
          .contains("line 3: data.priority: \"P9\" is not a priority of plan jamf-gold");
      assertThat(run.out()).hasSize(1);
      assertThat(run.status()).isEqualTo(1);
    }

    @Test
    void engagement_events_are_simulated_beside_tickets_and_a_bad_booking_is_reported_by_line()
        throws IOException {
      String engagement =
          """
          {"specversion":"1.0","id":"e1","source":"crm","type":"engagement.purchased","subject":"PS-1","time":"2026-03-02T09:00:00Z","data":{"customer":"acme","kind":"remote","hours":8,"purchased_at":"2026-03-02T09:00:00Z"}}
          {"specversion":"1.0","id":"e2","source":"crm","type":"engagement.scheduled","subject":"PS-1","time":"2026-03-03T09:00:00Z","data":{"start":"2026-03-23T10:00:00Z","duration":"PT8H"}}
          {"specversion":"1.0","id":"e3","source":"crm","type":"engagement.scheduled","subject":"PS-1","time":"2026-03-04T09:00:00Z","data":{"start":"2026-03-30T10:00:00Z","duration":"PT6H"}}
          """;
      Run run =
          run(
              EVENTS + engagement,
              "simulate",
              "--plan",
              "jamf-gold",
              "--until",
              "2026-03-24T00:00:00Z");
      assertThat(run.out())
          .anyMatch(l -> l.contains("\"subject\":\"PS-1\"") && l.contains("\"clock\":\"no_show\""));
      assertThat(run.err())
          .contains("line 8: data.duration: must be a whole number of 4-hour blocks");
      assertThat(run.status()).isEqualTo(1);
    }

    @Test
    void a_missing_plan_option_is_a_usage_error() throws IOException {
      Run run = run("", "simulate", "--zone", "UTC");
      assertThat(run.status()).isEqualTo(2);
      assertThat(run.err()).contains("--plan: is required");
    }
  }

  @Nested
  class Plans {
    @Test
    void lists_every_preset() throws IOException {
      Run run = run("", "plans");
      assertThat(run.out()).hasSize(PresetPlans.NAMES.size());
      assertThat(run.out().get(2)).isEqualTo("jamf-gold\tJamf Premium Support Gold");
    }

    @Test
    void shows_one_preset_as_yaml_that_reads_back() throws IOException {
      Run run = run("", "plans", "show", "eurolinux-standard");
      String yaml = String.join("\n", run.out());
      assertThat(PlanReader.read(yaml).name()).isEqualTo("eurolinux-standard");
      assertThat(yaml)
          .contains("first_response: {target: 2 business days, calendar: business_hours}");
    }

    @Test
    void shows_the_clocks_a_preset_defines_after_its_yaml() throws IOException {
      Run run = run("", "plans", "show", "opswat-gold");
      assertThat(run.status()).isZero();
      assertThat(run.out())
          .containsSequence(
              "# defined clocks (besides the built-in response, update, resolution clocks):",
              "#   hardware_replacement: Advance hardware replacement shipped within 2 business"
                  + " days of identifying a hardware defect",
              "#     starts on: ticket.milestone hardware_defect_identified",
              "#     met by:    ticket.milestone replacement_shipped",
              "#     pauses:    never",
              "#     target:    P1, P2, P3, P4: 2 business days (business_hours)",
              "#     warnings:  75%, 90%");
      assertThat(PlanReader.read(String.join("\n", run.out())).definedClocks()).hasSize(1);
      assertThat(run("", "plans", "show", "jamf-platinum").out())
          .contains(
              "#     starts on: ticket.status_changed status solved priority P1",
              "#     target:    P1: 5 business days (business_hours)");
      assertThat(run("", "plans", "show", "jamf-gold").out())
          .anySatisfy(line -> assertThat(line).startsWith("# defined clocks: none"));
    }

    @Test
    void shows_the_engagement_obligations_of_jamfs_services_policy_after_a_jamf_plan_only()
        throws IOException {
      for (String jamf : List.of("jamf-standard", "jamf-silver", "jamf-gold", "jamf-platinum")) {
        Run run = run("", "plans", "show", jamf);
        assertThat(run.status()).isZero();
        assertThat(run.out())
            .as(jamf)
            .containsSequence(
                "# engagements (services policy; alerts carry these clocks, the engagement flag):",
                "#   expiry: completed within 1 year after the purchase (same local date and time,"
                    + " customer's zone); warnings 90, 30, 7 days before, breach at expiry",
                "#   forfeit_risk: 3 contact attempts without a sign of the customer: warning (the"
                    + " service may be forfeited; a risk, not a breach)",
                "#   late_notice: a booking moved or cancelled with less than 5 business days'"
                    + " notice (customer's calendar): breach",
                "#   no_show: not started 20 minutes after the scheduled start: breach",
                "#   booking: remote sessions are booked in whole 4-hour blocks (PT4H, PT8H...):"
                    + " anything else is refused naming data.duration");
        assertThat(PlanReader.read(String.join("\n", run.out())).name()).isEqualTo(jamf);
      }
      for (String other : List.of("opswat-gold", "eurolinux-premium")) {
        assertThat(run("", "plans", "show", other).out())
            .as(other)
            .noneSatisfy(line -> assertThat(line).startsWith("# engagements"));
      }
    }

    @Test
    void shows_a_plan_file_with_its_defined_clocks_or_names_the_line_and_field_of_its_mistake(
        @TempDir Path dir) throws IOException {
      String plan =
          PresetPlans.yaml("eurolinux-standard").replace("name: eurolinux-standard", "name: acme")
              + "defined_clocks:\n"
              + "  fix:\n"
              + "    start_on: {event: ticket.milestone, name: bug_confirmed}\n"
              + "    stop_on: {event: ticket.milestone, name: fix_released}\n"
              + "    pause_on: {status: on_hold}\n"
              + "    targets: {P1: {target: 8h, calendar: business_hours}}\n";
      Path file = dir.resolve("acme.yaml");
      Files.writeString(file, plan);
      Run shown = run("", "plans", "show", file.toString());
      assertThat(shown.status()).isZero();
      assertThat(shown.out())
          .contains(
              "#   fix: fix",
              "#     pauses:    while status on_hold",
              "#     target:    P1: 8 business hours (business_hours)");
      int targetsLine = (int) plan.lines().count();
      Files.writeString(file, plan.replace("targets: {P1:", "targets: {P7:"));
      Run broken = run("", "plans", "show", file.toString());
      assertThat(broken.status()).isEqualTo(2);
      assertThat(broken.err())
          .contains(
              "line "
                  + targetsLine
                  + ", defined_clocks.fix.targets.P7: \"P7\" is not a canonical priority");
    }

    @Test
    void an_unknown_preset_or_command_fails() throws IOException {
      assertThat(run("", "plans", "show", "nope").status()).isEqualTo(1);
      assertThat(run("", "frobnicate").status()).isEqualTo(2);
    }
  }
}
