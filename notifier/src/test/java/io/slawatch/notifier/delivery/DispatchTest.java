package io.slawatch.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.core.alert.SlaAlert;
import io.slawatch.notifier.audit.AuditEntry;
import io.slawatch.notifier.channel.Notification;
import io.slawatch.notifier.delivery.Dispatch.Plan;
import io.slawatch.notifier.policy.CustomerFacts;
import io.slawatch.notifier.policy.Decision;
import io.slawatch.notifier.policy.Match;
import io.slawatch.notifier.policy.Policy;
import io.slawatch.notifier.policy.Step;
import io.slawatch.notifier.policy.Target;
import io.slawatch.notifier.testdata.AnAlert;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What carrying out one decision comes to before any channel is called: no channel, no broker. */
class DispatchTest {
  private static final Instant NOW = Instant.parse("2026-11-23T09:00:05Z");
  private static final SlaAlert BREACH = AnAlert.breach().build();
  private static final Set<String> ENABLED = Set.of("email", "webhook");
  private static final CustomerFacts CUSTOMER =
      new CustomerFacts(
          Locale.FRENCH,
          Optional.of(ZoneId.of("Europe/Paris")),
          Optional.empty(),
          false,
          Optional.empty());

  private static Target target(String name, String channel, Optional<Locale> language) {
    return new Target(
        name,
        channel,
        Optional.empty(),
        false,
        false,
        Optional.empty(),
        Optional.empty(),
        language,
        Optional.of(ZoneId.of("America/New_York")));
  }

  private static Policy policy(Optional<Locale> language) {
    return new Policy(
        "p",
        Match.ANY,
        List.of(new Step(List.of("mail"), Duration.ZERO)),
        1,
        false,
        language,
        Optional.empty(),
        Policy.WhenUnroutable.FALLBACK);
  }

  private static Dispatch.Step step(Optional<Locale> policyLanguage, int level) {
    return new Dispatch.Step(
        BREACH,
        "{\"id\":\"cloud event\"}",
        policy(policyLanguage),
        level,
        0,
        CUSTOMER,
        Optional.of(URI.create("https://slawatch.example.com/ack")),
        Optional.of("00-trace-span-01"));
  }

  private static Decision.Notify notify(Target target) {
    return new Decision.Notify(target, Optional.of("someone@example.com"));
  }

  @Test
  void a_target_notified_at_this_level_and_round_before_is_not_notified_again() {
    Decision notify = notify(target("mail", "email", Optional.empty()));
    Set<String> recorded = Set.of(Outcome.key(BREACH.id(), "mail", 1, 0));

    assertThat(Dispatch.plan(step(Optional.empty(), 1), notify, ENABLED, recorded, NOW))
        .isEqualTo(new Plan.AlreadyRecorded());
    assertThat(Dispatch.plan(step(Optional.empty(), 2), notify, ENABLED, recorded, NOW))
        .as("at the next level it is notified")
        .isInstanceOf(Plan.Send.class);
  }

  @Test
  void a_skipped_target_is_recorded_with_its_reason_and_no_attempt() {
    Target pager = target("pager", "webhook", Optional.empty());

    assertThat(
            Dispatch.plan(
                step(Optional.empty(), 1),
                new Decision.Skip(pager, Decision.Why.OFF_DUTY),
                ENABLED,
                Set.of(),
                NOW))
        .isEqualTo(
            new Plan.Settled(
                new Outcome(
                    BREACH.id(),
                    "pager",
                    "webhook",
                    1,
                    0,
                    "skipped",
                    0,
                    "outside the target's on-call hours",
                    NOW)));
  }

  @Test
  void a_target_whose_channel_is_not_enabled_is_skipped() {
    Decision notify = notify(target("chat", "slack", Optional.empty()));

    assertThat(Dispatch.plan(step(Optional.empty(), 1), notify, ENABLED, Set.of(), NOW))
        .isEqualTo(
            new Plan.Settled(
                new Outcome(
                    BREACH.id(), "chat", "slack", 1, 0, "skipped", 0, "channel not enabled", NOW)));
  }

  @Test
  void a_notification_reads_in_the_targets_language_else_its_policys_else_english() {
    Decision french = notify(target("mail", "email", Optional.of(Locale.FRENCH)));
    Decision none = notify(target("mail", "email", Optional.empty()));
    Optional<Locale> polish = Optional.of(Locale.forLanguageTag("pl"));

    assertThat(notification(step(polish, 1), french).language()).isEqualTo(Locale.FRENCH);
    assertThat(notification(step(polish, 1), none).language()).isEqualTo(polish.get());
    assertThat(notification(step(Optional.empty(), 1), none).language()).isEqualTo(Locale.ENGLISH);
  }

  @Test
  void a_notification_carries_the_alert_the_address_the_zones_the_level_and_the_links() {
    Dispatch.Step step = step(Optional.empty(), 2);
    Plan plan =
        Dispatch.plan(
            step, notify(target("mail", "email", Optional.empty())), ENABLED, Set.of(), NOW);

    assertThat(plan)
        .isEqualTo(
            new Plan.Send(
                "email",
                new Notification(
                    BREACH,
                    "{\"id\":\"cloud event\"}",
                    "mail",
                    Optional.of("someone@example.com"),
                    Locale.ENGLISH,
                    Locale.FRENCH,
                    Optional.of(ZoneId.of("America/New_York")),
                    Optional.of(ZoneId.of("Europe/Paris")),
                    2,
                    Optional.of(URI.create("https://slawatch.example.com/ack")),
                    Optional.of("00-trace-span-01"))));
  }

  @Test
  void a_delivery_records_its_attempts_and_a_failure_its_reason() {
    Decision notify = notify(target("mail", "email", Optional.empty()));
    Dispatch.Step step = step(Optional.empty(), 1);

    Outcome delivered = Dispatch.delivered(step, notify, 3, NOW);
    Outcome failed = Dispatch.failed(step, notify, "answered 503", NOW);

    assertThat(delivered.audit())
        .isEqualTo(new AuditEntry(BREACH.id(), NOW, "delivered", "mail", "email", 1, 0, 3, null));
    assertThat(failed.audit())
        .isEqualTo(
            new AuditEntry(BREACH.id(), NOW, "failed", "mail", "email", 1, 0, -1, "answered 503"));
    assertThat(delivered.key()).isEqualTo(failed.key());
  }

  private static Notification notification(Dispatch.Step step, Decision decision) {
    return ((Plan.Send) Dispatch.plan(step, decision, ENABLED, Set.of(), NOW)).notification();
  }
}
