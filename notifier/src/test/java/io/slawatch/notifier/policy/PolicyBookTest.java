package io.slawatch.notifier.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slawatch.core.alert.AlertKind;
import io.slawatch.core.alert.ClockKind;
import io.slawatch.core.alert.SlaAlert;
import io.slawatch.core.calendar.CalendarReader;
import io.slawatch.core.config.ConfigException;
import io.slawatch.core.ticket.CustomerId;
import io.slawatch.core.ticket.Priority;
import io.slawatch.core.ticket.TicketId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyBookTest {
  private static final Set<String> CHANNELS = Set.of("slack", "email", "pagerduty", "console");
  private static final PolicyReader READER =
      new PolicyReader(CHANNELS, CalendarReader.relativeTo(Path.of(".")));

  private static final String FILE =
      """
      targets:
        team-chat: {channel: slack}
        l1-mail:
          channel: email
          address: l1@example.com
          on_call: {zone: Europe/Warsaw, week: {MON: [["08:00", "16:00"]], TUE: [["08:00", "16:00"]]}}
        l2-pager: {channel: pagerduty, us_person: true}
        designated: {channel: email, designated_engineer: true}
      policies:
        - name: eurolinux-breaches
          match: {types: [sla.breached], plans: [eurolinux-*], priorities: [P1, P2]}
          rounds: 2
          steps:
            - {notify: [team-chat, l1-mail, designated], wait: PT15M}
            - {notify: [l2-pager], wait: PT30M}
        - name: round-the-clock
          match: {plans: [opswat-*]}
          page_anytime: true
          steps:
            - {notify: [l1-mail]}
      """;

  private static SlaAlert alert(AlertKind kind, String plan, Priority priority) {
    Instant due = Instant.parse("2026-11-23T09:00:00Z");
    return new SlaAlert(
        kind,
        new TicketId("T-1"),
        new CustomerId("acme"),
        plan,
        priority,
        ClockKind.FIRST_RESPONSE,
        1,
        Duration.ofHours(1),
        due,
        due,
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  private static final CustomerFacts DESIGNATED =
      new CustomerFacts(Locale.FRENCH, Optional.of("anna@example.com"), false);

  @Test
  void an_alert_goes_to_the_first_policy_that_matches_it() {
    PolicyBook book = READER.read(FILE);
    assertThat(
            book.route(alert(AlertKind.BREACHED, "eurolinux-enterprise", Priority.P1), DESIGNATED))
        .map(Policy::name)
        .contains("eurolinux-breaches");
    assertThat(
            book.route(alert(AlertKind.WARNING, "eurolinux-enterprise", Priority.P1), DESIGNATED))
        .isEmpty();
    assertThat(
            book.route(alert(AlertKind.BREACHED, "eurolinux-enterprise", Priority.P3), DESIGNATED))
        .isEmpty();
    assertThat(book.route(alert(AlertKind.WARNING, "opswat-emerald", Priority.P4), DESIGNATED))
        .map(Policy::name)
        .contains("round-the-clock");
  }

  @Test
  void a_step_notifies_the_designated_engineer_first_and_leaves_out_who_is_off_duty() {
    PolicyBook book = READER.read(FILE);
    Policy policy = book.policy("eurolinux-breaches").orElseThrow();
    SlaAlert alert = alert(AlertKind.BREACHED, "eurolinux-enterprise", Priority.P1);
    Instant mondayMorningInWarsaw = Instant.parse("2026-11-23T09:00:00Z"); // 10:00 local
    StepRun run = book.run(policy, 0, 0, mondayMorningInWarsaw, alert, DESIGNATED);
    assertThat(run.level()).isEqualTo(1);
    assertThat(run.decisions())
        .containsExactly(
            new Decision.Notify(book.targets().get("designated"), Optional.of("anna@example.com")),
            new Decision.Notify(book.targets().get("team-chat"), Optional.empty()),
            new Decision.Notify(book.targets().get("l1-mail"), Optional.of("l1@example.com")));
    assertThat(run.next())
        .isEqualTo(new StepRun.Next.At(1, 0, mondayMorningInWarsaw.plus(Duration.ofMinutes(15))));

    Instant mondayNight = Instant.parse("2026-11-23T22:00:00Z");
    StepRun night = book.run(policy, 0, 0, mondayNight, alert, CustomerFacts.UNKNOWN);
    assertThat(night.decisions())
        .containsExactly(
            new Decision.Skip(
                book.targets().get("designated"), Decision.Why.NO_DESIGNATED_ENGINEER),
            new Decision.Notify(book.targets().get("team-chat"), Optional.empty()),
            new Decision.Skip(book.targets().get("l1-mail"), Decision.Why.OFF_DUTY));

    Policy anytime = book.policy("round-the-clock").orElseThrow();
    assertThat(book.run(anytime, 0, 0, mondayNight, alert, CustomerFacts.UNKNOWN).decisions())
        .containsExactly(
            new Decision.Notify(book.targets().get("l1-mail"), Optional.of("l1@example.com")));
  }

  @Test
  void us_persons_only_customers_reach_only_us_person_targets() {
    PolicyBook book = READER.read(FILE);
    Policy policy = book.policy("eurolinux-breaches").orElseThrow();
    CustomerFacts usOnly = new CustomerFacts(Locale.ENGLISH, Optional.empty(), true);
    SlaAlert alert = alert(AlertKind.BREACHED, "eurolinux-enterprise", Priority.P1);
    Instant now = Instant.parse("2026-11-23T09:00:00Z");
    assertThat(book.run(policy, 0, 0, now, alert, usOnly).decisions())
        .allMatch(d -> d instanceof Decision.Skip skip && skip.reason().contains("US persons"));
    assertThat(book.run(policy, 1, 0, now, alert, usOnly).decisions())
        .containsExactly(new Decision.Notify(book.targets().get("l2-pager"), Optional.empty()));
  }

  @Test
  void a_regional_target_serves_only_customers_of_its_region_and_those_without_one() {
    PolicyBook book =
        READER.read(
            """
            targets:
              oncall-emea: {channel: pagerduty, region: emea}
              oncall-apac: {channel: pagerduty, region: APAC}
              everyone: {channel: slack}
            policies:
              - name: regional
                steps:
                  - {notify: [oncall-emea, oncall-apac, everyone]}
            """);
    Policy policy = book.policy("regional").orElseThrow();
    SlaAlert alert = alert(AlertKind.BREACHED, "jamf-platinum", Priority.P1);
    CustomerFacts inApac =
        new CustomerFacts(Locale.ENGLISH, Optional.empty(), false, Optional.of("apac"));
    assertThat(book.run(policy, 0, 0, Instant.EPOCH, alert, inApac).decisions())
        .containsExactly(
            new Decision.Skip(
                book.targets().get("oncall-emea"),
                Decision.Why.OTHER_REGION,
                Optional.of("serves region emea, the customer is in apac")),
            new Decision.Notify(book.targets().get("oncall-apac"), Optional.empty()),
            new Decision.Notify(book.targets().get("everyone"), Optional.empty()));
    assertThat(book.run(policy, 0, 0, Instant.EPOCH, alert, CustomerFacts.UNKNOWN).decisions())
        .allMatch(d -> d instanceof Decision.Notify);
    assertThatThrownBy(
            () ->
                READER.read(
                    """
                    targets:
                      oncall: {channel: slack, region: " "}
                    policies: []
                    """))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("targets.oncall.region");
  }

  @Test
  void the_chain_runs_its_rounds_then_ends() {
    PolicyBook book = READER.read(FILE);
    Policy policy = book.policy("eurolinux-breaches").orElseThrow();
    SlaAlert alert = alert(AlertKind.BREACHED, "eurolinux-enterprise", Priority.P1);
    Instant now = Instant.parse("2026-11-23T09:00:00Z");
    assertThat(book.run(policy, 1, 0, now, alert, DESIGNATED).next())
        .isEqualTo(new StepRun.Next.At(0, 1, now.plus(Duration.ofMinutes(30))));
    assertThat(book.run(policy, 1, 1, now, alert, DESIGNATED).next())
        .isEqualTo(new StepRun.Next.Done());
  }

  @Test
  void without_a_policy_file_every_alert_goes_to_every_channel_once() {
    PolicyBook book = PolicyBook.everyChannel(java.util.List.of("console", "slack"));
    SlaAlert alert = alert(AlertKind.MET, "jamf-standard", Priority.P4);
    Policy policy = book.route(alert, CustomerFacts.UNKNOWN).orElseThrow();
    StepRun run = book.run(policy, 0, 0, Instant.EPOCH, alert, CustomerFacts.UNKNOWN);
    assertThat(run.decisions())
        .extracting(d -> d.target().channel())
        .containsExactly("console", "slack");
    assertThat(run.next()).isEqualTo(new StepRun.Next.Done());
  }

  @Test
  void a_policy_may_match_a_clock_a_plan_defines_and_a_malformed_clock_name_is_refused() {
    PolicyBook book =
        READER.read(
            """
            targets:
              depot: {channel: email, address: depot@example.com}
              team-chat: {channel: slack}
            policies:
              - name: hardware
                match: {clocks: [hardware_replacement]}
                steps:
                  - {notify: [depot]}
              - name: the-rest
                steps:
                  - {notify: [team-chat]}
            """);
    SlaAlert hardware = alert(AlertKind.BREACHED, "opswat-gold", Priority.P2);
    hardware =
        new SlaAlert(
            hardware.kind(),
            hardware.ticket(),
            hardware.customer(),
            hardware.plan(),
            hardware.priority(),
            ClockKind.defined("hardware_replacement"),
            1,
            hardware.target(),
            hardware.due(),
            hardware.firedAt(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    assertThat(book.route(hardware, DESIGNATED)).map(Policy::name).contains("hardware");
    assertThat(book.route(alert(AlertKind.BREACHED, "opswat-gold", Priority.P2), DESIGNATED))
        .map(Policy::name)
        .contains("the-rest");

    assertThatThrownBy(
            () ->
                READER.read(
                    """
                    targets:
                      a: {channel: slack}
                    policies:
                      - name: p
                        match: {clocks: [Hardware Replacement]}
                        steps:
                          - {notify: [a]}
                    """))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("line 5")
        .hasMessageContaining("Hardware Replacement");
  }

  @Test
  void mistakes_are_named_with_their_field_and_line() {
    assertThatThrownBy(
            () ->
                READER.read(
                    """
                    targets:
                      a: {channel: carrier-pigeon}
                    policies: []
                    """))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("targets.a.channel")
        .hasMessageContaining("line 2")
        .hasMessageContaining("carrier-pigeon");
    assertThatThrownBy(
            () ->
                READER.read(
                    """
                    targets:
                      a: {channel: slack}
                    policies:
                      - name: p
                        steps:
                          - {notify: [b], wait: PT5M}
                    """))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("\"b\" is not a target");
    assertThatThrownBy(
            () ->
                READER.read(
                    """
                    targets:
                      a: {channel: slack}
                    policies:
                      - name: p
                        match: {types: [sla.exploded]}
                        steps:
                          - {notify: [a], wait: 15 minutes}
                    """))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sla.exploded");
  }

  private static final String LIFECYCLE =
      """
      targets:
        l1-mail:
          channel: email
          address: l1@example.com
          language: pl
          on_call: {zone: Europe/Warsaw, week: {MON: [["08:00", "16:00"]], TUE: [["08:00", "16:00"]]}}
        us-pager: {channel: pagerduty, us_person: true, zone: America/New_York}
        duty-chat: {channel: slack}
        designated: {channel: email, designated_engineer: true}
      policies:
        - name: waits
          match: {plans: [eurolinux-*]}
          when_unroutable: wait
          fallback: duty-chat
          language: fr
          steps:
            - {notify: [l1-mail], wait: PT15M}
            - {notify: [us-pager], wait: PT15M}
        - name: falls-back
          match: {plans: [opswat-*]}
          fallback: duty-chat
          steps:
            - {notify: [l1-mail, designated], wait: PT15M}
        - name: no-fallback
          match: {plans: [jamf-*]}
          steps:
            - {notify: [l1-mail]}
      """;

  private static final Instant MONDAY_NIGHT = Instant.parse("2026-11-23T22:00:00Z");

  @Test
  void a_target_reads_its_own_language_and_zone_and_a_policy_gives_its_language() {
    PolicyBook book = READER.read(LIFECYCLE);
    assertThat(book.targets().get("l1-mail").language()).contains(Locale.forLanguageTag("pl"));
    assertThat(book.targets().get("l1-mail").readsTimesIn())
        .as("the on-call hours' zone")
        .contains(java.time.ZoneId.of("Europe/Warsaw"));
    assertThat(book.targets().get("us-pager").readsTimesIn())
        .contains(java.time.ZoneId.of("America/New_York"));
    assertThat(book.targets().get("duty-chat").readsTimesIn()).isEmpty();
    assertThat(book.policy("waits").orElseThrow().language()).contains(Locale.FRENCH);
  }

  @Test
  void an_emerald_us_alert_reaches_only_us_persons_although_the_customer_record_lacks_the_flag() {
    PolicyBook book = READER.read(FILE);
    Policy policy = book.policy("round-the-clock").orElseThrow();
    SlaAlert alert = alert(AlertKind.BREACHED, "opswat-emerald-us", Priority.P1);
    CustomerFacts unflagged = new CustomerFacts(Locale.ENGLISH, Optional.empty(), false);
    CustomerFacts underPlan =
        unflagged.under(io.slawatch.core.plan.PlanCatalog.presets().find(alert.plan()));

    assertThat(underPlan.usPersonsOnly()).isTrue();
    assertThat(book.run(policy, 0, 0, MONDAY_NIGHT, alert, underPlan).decisions())
        .containsExactly(
            new Decision.Skip(book.targets().get("l1-mail"), Decision.Why.US_PERSONS_ONLY));
    assertThat(
            unflagged
                .under(io.slawatch.core.plan.PlanCatalog.presets().find("opswat-emerald"))
                .usPersonsOnly())
        .as("the plan without the rule leaves the customer as it is")
        .isFalse();
  }

  @Test
  void a_step_nobody_can_take_goes_to_the_policys_fallback_and_says_why() {
    PolicyBook book = READER.read(LIFECYCLE);
    Policy policy = book.policy("falls-back").orElseThrow();
    SlaAlert alert = alert(AlertKind.BREACHED, "opswat-gold", Priority.P1);

    StepRun run = book.run(policy, 0, 0, MONDAY_NIGHT, alert, CustomerFacts.UNKNOWN);

    assertThat(run.decisions())
        .filteredOn(d -> d instanceof Decision.Notify)
        .containsExactly(new Decision.Notify(book.targets().get("duty-chat"), Optional.empty()));
    assertThat(run.unroutable()).isPresent();
    assertThat(run.unroutable().get().outcome()).isEqualTo("fallback");
    assertThat(run.unroutable().get().reason())
        .as("l1 off duty and no designated engineer: two reasons")
        .isEqualTo("no_eligible_target");
    assertThat(run.next()).isEqualTo(new StepRun.Next.Done());
  }

  @Test
  void a_policy_that_waits_runs_the_step_again_when_its_target_comes_on_call() {
    PolicyBook book = READER.read(LIFECYCLE);
    Policy policy = book.policy("waits").orElseThrow();
    SlaAlert alert = alert(AlertKind.BREACHED, "eurolinux-enterprise", Priority.P1);

    StepRun run = book.run(policy, 0, 0, MONDAY_NIGHT, alert, CustomerFacts.UNKNOWN);

    assertThat(run.decisions()).noneMatch(d -> d instanceof Decision.Notify);
    assertThat(run.unroutable().orElseThrow().outcome()).isEqualTo("wait");
    assertThat(run.unroutable().orElseThrow().reason()).isEqualTo("off_duty");
    Instant tuesdayEightInWarsaw = Instant.parse("2026-11-24T07:00:00Z");
    assertThat(run.next()).isEqualTo(new StepRun.Next.At(0, 0, tuesdayEightInWarsaw));
    assertThat(
            book.run(policy, 0, 0, tuesdayEightInWarsaw, alert, CustomerFacts.UNKNOWN).decisions())
        .containsExactly(
            new Decision.Notify(book.targets().get("l1-mail"), Optional.of("l1@example.com")));
  }

  @Test
  void a_policy_that_waits_still_falls_back_when_waiting_cannot_help() {
    PolicyBook book = READER.read(LIFECYCLE);
    Policy policy = book.policy("waits").orElseThrow();
    SlaAlert alert = alert(AlertKind.BREACHED, "eurolinux-enterprise", Priority.P1);
    CustomerFacts usOnly = new CustomerFacts(Locale.ENGLISH, Optional.empty(), true);

    StepRun run = book.run(policy, 0, 0, Instant.parse("2026-11-23T09:00:00Z"), alert, usOnly);

    assertThat(run.unroutable().orElseThrow().reason()).isEqualTo("us_persons_only");
    assertThat(run.unroutable().orElseThrow().outcome())
        .as("the fallback is no US person either: reported, not dropped silently")
        .isEqualTo("none");
    assertThat(run.unroutable().orElseThrow().detail())
        .contains("duty-chat")
        .contains("US persons");
  }

  @Test
  void without_any_fallback_an_unroutable_step_is_reported_and_the_global_fallback_takes_it() {
    PolicyBook book = READER.read(LIFECYCLE);
    Policy policy = book.policy("no-fallback").orElseThrow();
    SlaAlert alert = alert(AlertKind.BREACHED, "jamf-gold", Priority.P1);

    StepRun alone = book.run(policy, 0, 0, MONDAY_NIGHT, alert, CustomerFacts.UNKNOWN);
    assertThat(alone.unroutable().orElseThrow().outcome()).isEqualTo("none");
    assertThat(alone.decisions()).noneMatch(d -> d instanceof Decision.Notify);

    PolicyBook withGlobal = book.withFallback(Optional.of("duty-chat"));
    StepRun global = withGlobal.run(policy, 0, 0, MONDAY_NIGHT, alert, CustomerFacts.UNKNOWN);
    assertThat(global.unroutable().orElseThrow().outcome()).isEqualTo("fallback");
    assertThat(global.decisions())
        .contains(new Decision.Notify(book.targets().get("duty-chat"), Optional.empty()));
  }

  @Test
  void an_alert_no_policy_matches_goes_to_the_global_fallback_target() {
    PolicyBook book = READER.read(LIFECYCLE);
    SlaAlert alert = alert(AlertKind.BREACHED, "acme-custom", Priority.P1);
    assertThat(book.routeOrFallback(alert, CustomerFacts.UNKNOWN)).isEmpty();

    PolicyBook withGlobal = book.withFallback(Optional.of("duty-chat"));
    Policy fallback = withGlobal.routeOrFallback(alert, CustomerFacts.UNKNOWN).orElseThrow();
    assertThat(fallback.name()).isEqualTo(PolicyBook.FALLBACK_POLICY);
    assertThat(withGlobal.policy(PolicyBook.FALLBACK_POLICY)).contains(fallback);
    assertThat(
            withGlobal.run(fallback, 0, 0, MONDAY_NIGHT, alert, CustomerFacts.UNKNOWN).decisions())
        .containsExactly(new Decision.Notify(book.targets().get("duty-chat"), Optional.empty()));
    assertThatThrownBy(() -> book.withFallback(Optional.of("nobody")))
        .hasMessageContaining("nobody");
  }

  @Test
  void a_closing_alert_tells_every_target_its_clock_reached_at_any_hour_and_nothing_follows() {
    PolicyBook book = READER.read(LIFECYCLE);
    Policy policy = book.policy("waits").orElseThrow();
    SlaAlert ended = alert(AlertKind.MET, "eurolinux-enterprise", Priority.P1);

    StepRun run =
        book.close(
            policy, Set.of("l1-mail", "us-pager"), MONDAY_NIGHT, ended, CustomerFacts.UNKNOWN);

    assertThat(run.decisions())
        .as("l1 is off duty now, but it was paged about this clock")
        .containsExactly(
            new Decision.Notify(book.targets().get("l1-mail"), Optional.of("l1@example.com")),
            new Decision.Notify(book.targets().get("us-pager"), Optional.empty()));
    assertThat(run.next()).isEqualTo(new StepRun.Next.Done());
    assertThat(run.unroutable()).isEmpty();

    StepRun nobodyHeard =
        book.close(
            policy, Set.of(), Instant.parse("2026-11-23T09:00:00Z"), ended, CustomerFacts.UNKNOWN);
    assertThat(nobodyHeard.decisions())
        .as("nobody was paged: the first step's targets")
        .containsExactly(
            new Decision.Notify(book.targets().get("l1-mail"), Optional.of("l1@example.com")));
    assertThat(nobodyHeard.next()).isEqualTo(new StepRun.Next.Done());
  }

  @Test
  void a_policy_naming_an_unknown_fallback_or_behaviour_is_refused_with_its_line() {
    assertThatThrownBy(
            () ->
                READER.read(
                    """
                    targets:
                      a: {channel: slack}
                    policies:
                      - name: p
                        fallback: b
                        steps:
                          - {notify: [a]}
                    """))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("\"b\" is not a target")
        .hasMessageContaining("line 5");
    assertThatThrownBy(
            () ->
                READER.read(
                    """
                    targets:
                      a: {channel: slack, language: de}
                    policies: []
                    """))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("targets.a.language");
    assertThatThrownBy(
            () ->
                READER.read(
                    """
                    targets:
                      a: {channel: slack}
                    policies:
                      - name: p
                        when_unroutable: shrug
                        steps:
                          - {notify: [a]}
                    """))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("shrug");
  }
}
