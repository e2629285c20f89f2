package io.slawatch.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slawatch.core.alert.AlertKind;
import io.slawatch.core.alert.SlaAlert;
import io.slawatch.core.customer.CustomerTerms;
import io.slawatch.core.engagement.EngagementEngine;
import io.slawatch.core.engagement.EngagementEvent;
import io.slawatch.core.engagement.EngagementId;
import io.slawatch.core.engagement.EngagementKind;
import io.slawatch.core.event.EventId;
import io.slawatch.core.ticket.CustomerId;
import io.slawatch.notifier.channel.Notification;
import io.slawatch.notifier.channel.text.AlertText;
import io.slawatch.testinfra.RealInfraTestResource;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Alerts on an engagement's obligations (Jamf's services policy) read as the engagement's, in each
 * language of the plans: "Engagement E-1 (acme): no-show, ...", never "ticket E-1 (P4, ...)". The
 * alerts are the engagement engine's own.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
@QuarkusTestResource(WebhookReceiverResource.class)
@QuarkusTestResource(MailServerResource.class)
class EngagementAlertTextTest {
  private static final Instant PURCHASED = Instant.parse("2026-11-02T09:00:00Z");
  private static final Instant START = Instant.parse("2026-12-03T14:00:00Z");
  private static final EngagementId E1 = new EngagementId("E-1");
  private static final List<String> LANGUAGES = List.of("en", "fr", "pl", "ro", "zh-TW");

  private static int n;

  private static EventId id() {
    return new EventId("test", "e" + n++);
  }

  private static List<EngagementEvent> purchasedAndBooked() {
    List<EngagementEvent> events = new ArrayList<>();
    events.add(
        new EngagementEvent.Purchased(
            id(), E1, PURCHASED, new CustomerId("acme"), EngagementKind.REMOTE, 8, PURCHASED));
    events.add(new EngagementEvent.Scheduled(id(), E1, PURCHASED, START, Duration.ofHours(4)));
    return events;
  }

  private static SlaAlert alert(List<EngagementEvent> events, Instant asOf, String clock) {
    return new EngagementEngine()
        .evaluate(events, CustomerTerms.of("jamf-gold", ZoneOffset.UTC), asOf).alerts().stream()
            .filter(a -> a.clock().wireName().equals(clock))
            .reduce((a, b) -> b)
            .orElseThrow(() -> new AssertionError("no " + clock + " alert"));
  }

  private static Notification in(SlaAlert alert, String language) {
    return new Notification(
        alert,
        "{}",
        "t",
        Optional.empty(),
        Locale.forLanguageTag(language),
        Locale.forLanguageTag("en"),
        Optional.of(ZoneId.of("UTC")),
        Optional.empty(),
        1,
        Optional.empty(),
        Optional.empty());
  }

  @Test
  void a_no_show_reads_as_the_engagements_with_the_scheduled_start_not_as_a_p4_ticket() {
    SlaAlert noShow = alert(purchasedAndBooked(), START.plus(Duration.ofHours(1)), "no_show");
    assertThat(noShow.kind()).isEqualTo(AlertKind.BREACHED);

    assertThat(AlertText.title(in(noShow, "en")))
        .isEqualTo(
            "Engagement E-1 (acme): no-show, the session did not start 20 minutes after"
                + " 2026-12-03 14:00 (UTC)");
    assertThat(AlertText.title(in(noShow, "fr"))).startsWith("Prestation E-1 (acme) : absence");
    for (String language : LANGUAGES) {
      String title = AlertText.title(in(noShow, language));
      assertThat(title).as(language).contains("E-1", "2026-12-03 14:00").doesNotContain("P4");
      assertThat(AlertText.facts(in(noShow, language))).as(language).doesNotContainValue("P4");
    }
    assertThat(AlertText.facts(in(noShow, "en")))
        .containsEntry("Engagement", "E-1")
        .doesNotContainKey("Ticket")
        .doesNotContainKey("Priority");
  }

  @Test
  void a_late_notice_and_a_forfeit_risk_name_their_obligation_in_each_language() {
    List<EngagementEvent> late = purchasedAndBooked();
    // cancelled two days before the start: less than 5 business days' notice
    late.add(new EngagementEvent.Cancelled(id(), E1, START.minus(Duration.ofDays(2))));
    SlaAlert lateNotice = alert(late, START, "late_notice");
    assertThat(AlertText.title(in(lateNotice, "en")))
        .startsWith(
            "Engagement E-1 (acme): late notice, the booking was moved or cancelled with less"
                + " than 5 business days' notice");

    List<EngagementEvent> unanswered = purchasedAndBooked();
    for (int i = 1; i <= 3; i++) {
      unanswered.add(
          new EngagementEvent.ContactAttempted(id(), E1, PURCHASED.plus(Duration.ofHours(i))));
    }
    // the booking came first: the three attempts after it went unanswered
    SlaAlert risk = alert(unanswered, PURCHASED.plus(Duration.ofDays(1)), "forfeit_risk");
    assertThat(AlertText.title(in(risk, "en")))
        .isEqualTo(
            "Engagement E-1 (acme): forfeit risk, 3 contact attempts without a response: the"
                + " service may be forfeited");
    for (String language : LANGUAGES) {
      assertThat(AlertText.title(in(risk, language)))
          .as(language)
          .contains("E-1")
          .doesNotContain("P4")
          .doesNotContain("forfeit_risk");
      assertThat(AlertText.title(in(lateNotice, language)))
          .as(language)
          .doesNotContain("late_notice");
    }
  }
}
