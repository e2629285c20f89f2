package io.slawatch.notifier.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.mailer.Mail;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.slawatch.core.customer.Customer;
import io.slawatch.core.ticket.CustomerId;
import io.slawatch.notifier.MailServerResource;
import io.slawatch.notifier.WebhookReceiverResource;
import io.slawatch.testinfra.RealInfraTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The monthly e-mail of a customer with services engagements: its no-shows and late notices are in
 * a section of their own, in the customer's language, and never in the tickets' table or their
 * percentage.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
@QuarkusTestResource(WebhookReceiverResource.class)
@QuarkusTestResource(MailServerResource.class)
class ReportMailTest {
  static final Map<String, String> HEADINGS =
      Map.of(
          "en", "Services engagements",
          "fr", "Prestations de services",
          "pl", "Usługi profesjonalne",
          "ro", "Servicii profesionale",
          "zh-TW", "專業服務");
  static final Map<String, String> NO_SHOW =
      Map.of(
          "en", "Session not started within 20 minutes (no-show)",
          "fr", "Session non commencée dans les 20 minutes (absence)",
          "pl", "Sesja nierozpoczęta w ciągu 20 minut (nieobecność)",
          "ro", "Sesiune neîncepută în 20 de minute (absență)",
          "zh-TW", "排定開始後 20 分鐘內未開始（缺席）");

  @Inject ReportMail mail;

  static Customer customer(String language) {
    return new Customer(
        new CustomerId("acme"),
        "Acme",
        "jamf-gold",
        ZoneId.of("Europe/Paris"),
        Optional.empty(),
        language,
        List.of(),
        Optional.empty(),
        Optional.empty(),
        false,
        List.of("ops@acme.example"));
  }

  static TimerReports.Row row(String priority, String clock, long met, long late, long missed) {
    return new TimerReports.Row(
        priority,
        clock,
        met,
        late,
        missed,
        0,
        0,
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** September: 3 P1 first responses met, 1 missed; one no-show and one late notice. */
  static TimerReports.Figures september() {
    return new TimerReports.Figures(
        List.of(row("P1", "first_response", 3, 0, 1)),
        1,
        List.of(
            new TimerReports.Missed(
                "T-9",
                "P1",
                "first_response",
                "breached",
                Optional.of(Instant.parse("2026-09-03T10:00:00Z")),
                Duration.ofHours(2))),
        List.of(row("none", "no_show", 1, 0, 1), row("none", "late_notice", 0, 0, 1)),
        2,
        List.of(
            new TimerReports.Missed(
                "E-7",
                "none",
                "no_show",
                "breached",
                Optional.of(Instant.parse("2026-09-15T10:20:00Z")),
                Duration.ofMinutes(40)),
            new TimerReports.Missed(
                "E-8",
                "none",
                "late_notice",
                "breached",
                Optional.of(Instant.parse("2026-09-10T10:00:00Z")),
                Duration.ofHours(96))),
        "csv",
        "csv");
  }

  private Mail compose(String language, TimerReports.Figures figures) {
    return mail.compose(
        customer(language),
        ReportPeriod.parse("2026-09").orElseThrow(),
        Instant.parse("2026-10-01T00:00:00Z"),
        figures,
        "acme/2026-09");
  }

  @Test
  void no_shows_and_late_notices_are_a_section_of_their_own_outside_the_tickets_percentage() {
    String html = compose("en", september()).getHtml();

    assertThat(html).contains("Commitments kept on time: 75.00 % (3 of 4).");
    String tickets = html.substring(0, html.indexOf("Services engagements"));
    assertThat(tickets).doesNotContain("no-show", "no show", "E-7", "notice");
    String engagements = html.substring(html.indexOf("Services engagements"));
    assertThat(engagements)
        .contains(
            "Session not started within 20 minutes (no-show)",
            "Booking changed without 5 business days",
            "Engagement obligations missed (2)",
            "<td>E-7</td>",
            "<td>2026-09-15 12:20</td>",
            "<td>E-8</td>",
            "4 d 0 h");
  }

  @Test
  void the_section_is_in_the_customers_language() {
    for (String language : HEADINGS.keySet()) {
      String html = compose(language, september()).getHtml();
      assertThat(html).as(language).contains(HEADINGS.get(language), NO_SHOW.get(language));
    }
  }

  @Test
  void a_customer_without_engagements_gets_no_such_section() {
    TimerReports.Figures figures = september();
    TimerReports.Figures ticketsOnly =
        new TimerReports.Figures(
            figures.rows(),
            figures.missedTotal(),
            figures.missed(),
            figures.complianceCsv(),
            figures.breachesCsv());
    assertThat(compose("en", ticketsOnly).getHtml()).doesNotContain("Services engagements");
  }

  @Test
  void the_tickets_table_asks_for_tickets_and_the_section_for_engagements() {
    TimerReports.Queries q =
        TimerReports.Queries.of(
            "acme co",
            Instant.parse("2026-09-01T00:00:00Z"),
            Instant.parse("2026-10-01T00:00:00Z"),
            20);
    assertThat(q.tickets())
        .contains("subject=ticket", "group_by=priority,clock", "customer=acme+co");
    assertThat(q.ticketsMissed()).contains("subject=ticket", "size=20");
    assertThat(q.engagements()).contains("subject=engagement", "group_by=clock");
    assertThat(q.engagementsMissed()).contains("/api/v1/breaches?", "subject=engagement");
    assertThat(q.complianceCsv()).doesNotContain("subject=");
    assertThat(q.breachesCsv()).doesNotContain("subject=");
  }
}
