package io.slawatch.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slawatch.core.alert.AlertKind;
import io.slawatch.core.alert.ClockKind;
import io.slawatch.core.alert.SlaAlert;
import io.slawatch.core.ticket.CustomerId;
import io.slawatch.core.ticket.Priority;
import io.slawatch.core.ticket.TicketId;
import io.slawatch.notifier.channel.Notification;
import io.slawatch.notifier.channel.text.AlertText;
import io.slawatch.testinfra.RealInfraTestResource;
import io.slawatch.testinfra.TopicWriter;
import io.slawatch.testinfra.Topics;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Messages in the customer's language, and the e-mail channel against a real SMTP server. */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
@QuarkusTestResource(WebhookReceiverResource.class)
@QuarkusTestResource(MailServerResource.class)
class EmailAndLanguageTest {
  private static SlaAlert alert(AlertKind kind) {
    Instant due = Instant.parse("2026-11-24T10:00:00Z");
    return new SlaAlert(
        kind,
        new TicketId("T-42"),
        new CustomerId("acme"),
        "jamf-gold",
        Priority.P1,
        ClockKind.FIRST_RESPONSE,
        1,
        Duration.ofHours(1),
        due,
        due,
        kind == AlertKind.MET ? Optional.empty() : Optional.of(0.75),
        kind == AlertKind.MET ? Optional.of(due.minusSeconds(600)) : Optional.empty(),
        kind == AlertKind.MET ? Optional.of(Duration.ofMinutes(50)) : Optional.empty());
  }

  private static Notification in(String language, AlertKind kind) {
    return new Notification(
        kind == AlertKind.ENDED
            ? ended(io.slawatch.core.alert.EndReason.TICKET_SOLVED)
            : alert(kind),
        "{}",
        "t",
        Optional.empty(),
        Locale.forLanguageTag(language),
        2,
        Optional.of(URI.create("https://slawatch.example.com/ack")),
        Optional.empty());
  }

  @Test
  void every_alert_kind_reads_in_each_language_of_the_plans() {
    assertThat(AlertText.title(in("en", AlertKind.BREACHED)))
        .isEqualTo("SLA breached: first response overdue on ticket T-42 (P1, acme)");
    assertThat(AlertText.title(in("fr", AlertKind.BREACHED)))
        .isEqualTo("SLA dépassé : première réponse en retard sur le ticket T-42 (P1, acme)");
    assertThat(AlertText.title(in("pl", AlertKind.WARNING)))
        .isEqualTo(
            "Ostrzeżenie SLA: wykorzystano 75% czasu na pierwsza odpowiedź w zgłoszeniu T-42 (P1,"
                + " acme)");
    assertThat(AlertText.title(in("ro", AlertKind.BREACHED)))
        .contains("depășit")
        .contains("primul răspuns");
    assertThat(AlertText.title(in("zh-TW", AlertKind.BREACHED)))
        .isEqualTo("SLA 違反：工單 T-42 的首次回應已逾期（P1，acme）");
    assertThat(AlertText.facts(in("pl", AlertKind.MET)))
        .containsEntry("Trwało", "50 min")
        .containsEntry("Poziom eskalacji", "2")
        .containsEntry("Potwierdź", "https://slawatch.example.com/ack");
    for (String language : List.of("en", "fr", "pl", "ro", "zh-TW")) {
      for (AlertKind kind : AlertKind.values()) {
        assertThat(AlertText.title(in(language, kind))).as(language + " " + kind).contains("T-42");
      }
    }
    assertThat(AlertText.title(in("de", AlertKind.MET)))
        .as("a language the plans do not use falls back to English")
        .isEqualTo("SLA met: first response on ticket T-42 (P1, acme)");
  }

  @Test
  void the_tickets_link_in_its_helpdesk_is_a_fact_in_each_language_when_the_source_gave_it() {
    URI url = URI.create("https://acme.zendesk.com/agent/tickets/42");
    var linked =
        java.util.Map.of(
            "en", "Ticket link",
            "fr", "Lien du ticket",
            "pl", "Link do zgłoszenia",
            "ro", "Link către tichet",
            "zh-TW", "工單連結");
    linked.forEach(
        (language, name) ->
            assertThat(
                    AlertText.facts(
                        forEngineer(
                            alert(AlertKind.BREACHED).withTicketUrl(Optional.of(url)), language)))
                .as(language)
                .containsEntry(name, url.toString()));
    assertThat(AlertText.facts(in("en", AlertKind.BREACHED)))
        .as("no URL from the source, no link")
        .doesNotContainKey("Ticket link");
  }

  private static SlaAlert ended(io.slawatch.core.alert.EndReason reason) {
    SlaAlert breach = alert(AlertKind.BREACHED);
    boolean late = reason == io.slawatch.core.alert.EndReason.MET_LATE;
    return new SlaAlert(
        AlertKind.ENDED,
        breach.ticket(),
        breach.customer(),
        breach.plan(),
        breach.priority(),
        breach.clock(),
        breach.cycle(),
        Duration.ofHours(4),
        breach.due(),
        breach.due().plusSeconds(7200),
        Optional.empty(),
        late ? Optional.of(breach.due().plusSeconds(4200)) : Optional.empty(),
        late ? Optional.of(Duration.ofMinutes(310)) : Optional.empty(),
        Optional.of(reason),
        Optional.of("4 business hours"),
        java.util.Set.of(),
        Optional.empty());
  }

  private static Notification forEngineer(SlaAlert alert, String language) {
    return new Notification(
        alert,
        "{}",
        "t",
        Optional.empty(),
        Locale.forLanguageTag(language),
        Locale.forLanguageTag("pl"),
        Optional.of(java.time.ZoneId.of("America/New_York")),
        Optional.of(java.time.ZoneId.of("Europe/Warsaw")),
        1,
        Optional.empty(),
        Optional.empty());
  }

  @Test
  void
      an_ended_clock_says_how_it_ended_in_the_engineers_language_with_both_zones_and_the_plans_words() {
    var metLate = io.slawatch.core.alert.EndReason.MET_LATE;
    assertThat(AlertText.title(forEngineer(ended(metLate), "en")))
        .isEqualTo("SLA ended: first response on ticket T-42 (P1, acme): met 1 h 10 min late");
    assertThat(AlertText.title(forEngineer(ended(metLate), "fr")))
        .isEqualTo(
            "SLA clos : première réponse sur le ticket T-42 (P1, acme) : respecté avec 1 h 10 min"
                + " de retard");
    assertThat(AlertText.title(forEngineer(ended(metLate), "pl")))
        .endsWith("dotrzymane z opóźnieniem 1 godz. 10 min");
    assertThat(AlertText.title(forEngineer(ended(metLate), "ro")))
        .endsWith("respectat cu o întârziere de 1 h 10 min");
    assertThat(AlertText.title(forEngineer(ended(metLate), "zh-TW"))).endsWith("逾期 1 小時 10 分鐘 後達成");
    var solved = io.slawatch.core.alert.EndReason.TICKET_SOLVED;
    assertThat(AlertText.title(forEngineer(ended(solved), "en"))).endsWith(": ticket solved");
    assertThat(AlertText.title(forEngineer(ended(solved), "fr"))).endsWith(": ticket résolu");
    assertThat(AlertText.title(forEngineer(ended(solved), "pl")))
        .endsWith(": zgłoszenie rozwiązane");
    assertThat(AlertText.title(forEngineer(ended(solved), "ro"))).endsWith(": tichet rezolvat");
    assertThat(AlertText.title(forEngineer(ended(solved), "zh-TW"))).endsWith("：工單已解決");
    for (var reason : io.slawatch.core.alert.EndReason.values()) {
      for (String language : List.of("en", "fr", "pl", "ro", "zh-TW")) {
        assertThat(AlertText.title(forEngineer(ended(reason), language)))
            .as(language + " " + reason)
            .doesNotContain(reason.wireName());
      }
    }

    var facts = AlertText.facts(forEngineer(ended(metLate), "en"));
    assertThat(facts)
        .containsEntry("Customer's language", "pl")
        .containsEntry("Commitment", "first response within 4 business hours")
        .containsEntry("Was due", "2026-11-24 05:00 (America/New_York)")
        .containsEntry("Customer's time", "2026-11-24 11:00 (Europe/Warsaw)")
        .containsEntry("Outcome", "met 1 h 10 min late")
        .containsEntry("Late", "1 h 10 min");
    assertThat(AlertText.facts(in("en", AlertKind.BREACHED)))
        .as("without terms, the target's duration; without zones, UTC")
        .containsEntry("Commitment", "first response within 1 h")
        .containsEntry("Due", "2026-11-24 10:00 (UTC)");
  }

  @Test
  void a_breach_is_mailed_to_the_designated_engineer_first_each_reading_their_own_language()
      throws Exception {
    Config config = ConfigProvider.getConfig();
    String customer = "fr-" + UUID.randomUUID();
    String ticket = "MAIL-" + UUID.randomUUID();
    try (TopicWriter writer =
        new TopicWriter(config.getValue("kafka.bootstrap.servers", String.class))) {
      writer.send(
          Topics.CUSTOMER_EVENTS,
          customer,
          """
          {"specversion":"1.0","id":"%1$s/1","source":"test","type":"customer.upserted",
           "subject":"%1$s","time":"2026-11-24T09:00:00Z","data":{"id":"%1$s","name":"Société X",
           "plan":"jamf-gold","zone":"Europe/Paris","language":"fr",
           "designated_engineer":"anne@example.com"}}
          """
              .formatted(customer));
      Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> known(customer));
      writer.send(
          Topics.SLA_ALERTS,
          ticket,
          """
          {"specversion":"1.0","id":"%1$s/first_response/1/sla.breached/1.0","source":"/slawatch/sla-timer",
           "type":"sla.breached","subject":"%1$s","time":"2026-11-24T10:00:00Z",
           "datacontenttype":"application/json",
           "data":{"ticket":"%1$s","customer":"%2$s","plan":"mail-gold","priority":"P1",
                   "clock":"first_response","cycle":1,"target":"PT1H","due":"2026-11-24T10:00:00Z",
                   "threshold":1.0,"ticket_url":"https://acme.zendesk.com/agent/tickets/42?a=1&b=2"}}
          """
              .formatted(ticket, customer));
    }

    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> mailsAbout(ticket).size() == 2);
    List<MimeMessage> mails = mailsAbout(ticket);
    MimeMessage first = mails.get(0);
    assertThat(first.getAllRecipients()[0].toString()).isEqualTo("anne@example.com");
    assertThat(mails.get(1).getAllRecipients()[0].toString())
        .isEqualTo("support-leads@example.com");
    assertThat(first.getSubject())
        .isEqualTo(
            "[slawatch] SLA dépassé : première réponse en retard sur le ticket "
                + ticket
                + " (P1, "
                + customer
                + ")");
    assertThat(first.getHeader("X-Slawatch-Alert")[0])
        .isEqualTo(ticket + "/first_response/1/sla.breached/1.0");
    assertThat(mails.get(1).getSubject())
        .as("the leads' target reads English, whatever the policy's language")
        .startsWith("[slawatch] SLA breached: first response overdue on ticket " + ticket);
    String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(first);
    assertThat(body).contains("Priorit").contains("Acquitter").contains(ticket);
    assertThat(part(first, "text/html"))
        .contains(
            "<a href=\"https://acme.zendesk.com/agent/tickets/42?a=1&amp;b=2\">"
                + "https://acme.zendesk.com/agent/tickets/42?a=1&amp;b=2</a>");
    assertThat(part(first, "text/plain"))
        .contains("Lien du ticket: https://acme.zendesk.com/agent/tickets/42?a=1&b=2");
    assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mails.get(1)))
        .contains("Customer's language: fr")
        .contains("Customer's time: 2026-11-24 11:00 (Europe/Paris)");
  }

  /** The decoded text of the message's first part of this type. */
  private static String part(jakarta.mail.Part part, String type) throws Exception {
    if (part.isMimeType(type)) {
      return (String) part.getContent();
    }
    if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        String found = part(multipart.getBodyPart(i), type);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static List<MimeMessage> mailsAbout(String ticket) {
    return Arrays.stream(MailServerResource.smtp.getReceivedMessages())
        .filter(
            m -> {
              try {
                return m.getSubject().contains(ticket);
              } catch (jakarta.mail.MessagingException e) {
                return false;
              }
            })
        .toList();
  }

  private static boolean known(String customer) throws Exception {
    Config config = ConfigProvider.getConfig();
    try (Connection db =
            DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
        PreparedStatement query = db.prepareStatement("select 1 from customer where id = ?")) {
      query.setString(1, customer);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    }
  }
}
