package io.slawatch.notifier.report;

import io.quarkus.mailer.Mail;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.slawatch.core.customer.Customer;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A customer's compliance report as an e-mail: HTML (Qute template {@code reports/compliance.html})
 * and a plain-text part in the customer's language, the compliance and breach CSVs attached. The
 * tickets' figures (by priority and clock, and the overall percentage) count tickets only; a
 * customer with services engagements gets a section of its own for them, by obligation, with the
 * obligations missed (no-shows, late notices, expiries). Its {@code Message-ID} and {@code
 * X-Slawatch-Report} header are the same every time the same report is sent, so a second copy after
 * a crash is recognisable as the same message.
 */
@ApplicationScoped
public class ReportMail {
  private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Template template;

  ReportMail(@Location("reports/compliance.html") Template template) {
    this.template = template;
  }

  /** The message of {@code customer}'s report of {@code period} with these figures. */
  public Mail compose(
      Customer customer,
      ReportPeriod period,
      java.time.Instant to,
      TimerReports.Figures figures,
      String key) {
    ReportMessages words = words(customer.language());
    String name = customer.name();
    long met = figures.rows().stream().mapToLong(TimerReports.Row::met).sum();
    long decided =
        figures.rows().stream().mapToLong(r -> r.met() + r.metLate() + r.breached()).sum();
    Map<String, String> t = new LinkedHashMap<>();
    t.put("title", words.title(name));
    t.put(
        "period",
        words.period(
            period.first().toString(),
            lastDay(period, to, customer).toString(),
            customer.zone().getId()));
    t.put(
        "overall",
        decided == 0
            ? words.noneDecided()
            : words.overall(percent(met, decided), Long.toString(met), Long.toString(decided)));
    t.put("noneDecided", words.noneDecided());
    t.put("commitments", words.commitments());
    t.put("priority", words.priority());
    t.put("clock", words.clock());
    t.put("met", words.met());
    t.put("metLate", words.metLate());
    t.put("breached", words.breached());
    t.put("open", words.open());
    t.put("compliance", words.compliance());
    t.put("firstResponse", words.firstResponse());
    t.put("missedHeading", words.missedHeading(Long.toString(figures.missedTotal())));
    t.put("noneMissed", words.noneMissed());
    t.put("ticket", words.ticket());
    t.put("due", words.due());
    t.put("late", words.late());
    t.put("attachments", words.attachments());
    t.put("footer", words.footer(customer.plan()));
    t.put("engagementsHeading", words.engagementsHeading());
    t.put("engagementsNote", words.engagementsNote());
    t.put("obligation", words.obligation());
    t.put("engagement", words.engagement());
    t.put(
        "engagementsMissedHeading",
        words.engagementsMissedHeading(Long.toString(figures.engagementsMissedTotal())));

    List<Map<String, String>> rows = new ArrayList<>();
    for (TimerReports.Row row : figures.rows()) {
      Map<String, String> r = new LinkedHashMap<>();
      r.put("priority", row.priority());
      r.put("clock", row.clock().replace('_', ' '));
      r.put("met", Long.toString(row.met()));
      r.put("metLate", Long.toString(row.metLate()));
      r.put("breached", Long.toString(row.breached()));
      r.put("open", Long.toString(row.open()));
      r.put("compliance", row.compliancePercent().map(p -> p + " %").orElse("–"));
      r.put(
          "firstResponse",
          row.firstResponseP50().isPresent()
              ? human(row.firstResponseP50().get())
                  + " / "
                  + row.firstResponseP90().map(ReportMail::human).orElse("–")
              : "–");
      rows.add(r);
    }
    List<Map<String, String>> missed = new ArrayList<>();
    for (TimerReports.Missed m : figures.missed()) {
      Map<String, String> r = new LinkedHashMap<>();
      r.put("ticket", m.ticket());
      r.put("priority", m.priority());
      r.put("clock", m.clock().replace('_', ' '));
      r.put("due", m.due().map(d -> DUE.format(d.atZone(customer.zone()))).orElse("–"));
      r.put("late", human(m.late()));
      missed.add(r);
    }
    List<Map<String, String>> engagements = new ArrayList<>();
    for (TimerReports.Row row : figures.engagements()) {
      Map<String, String> r = new LinkedHashMap<>();
      r.put("clock", obligation(words, row.clock()));
      r.put("met", Long.toString(row.met()));
      r.put("metLate", Long.toString(row.metLate()));
      r.put("breached", Long.toString(row.breached()));
      r.put("open", Long.toString(row.open()));
      engagements.add(r);
    }
    List<Map<String, String>> engagementsMissed = new ArrayList<>();
    for (TimerReports.Missed m : figures.engagementsMissed()) {
      Map<String, String> r = new LinkedHashMap<>();
      r.put("engagement", m.ticket());
      r.put("clock", obligation(words, m.clock()));
      r.put("due", m.due().map(d -> DUE.format(d.atZone(customer.zone()))).orElse("–"));
      r.put("late", human(m.late()));
      engagementsMissed.add(r);
    }
    long hiddenEngagements = figures.engagementsMissedTotal() - figures.engagementsMissed().size();
    long hidden = figures.missedTotal() - figures.missed().size();
    String html =
        template
            .data("lang", customer.language())
            .data("t", t)
            .data("rows", rows)
            .data("missed", missed)
            .data("more", hidden > 0 ? words.more(Long.toString(hidden)) : "")
            .data("engagements", engagements)
            .data("engagementsMissed", engagementsMissed)
            .data(
                "moreEngagements",
                hiddenEngagements > 0 ? words.more(Long.toString(hiddenEngagements)) : "")
            .render();
    List<String> paragraphs =
        new ArrayList<>(
            List.of(t.get("title"), t.get("period"), t.get("overall"), t.get("missedHeading")));
    if (!engagements.isEmpty()) {
      paragraphs.add(t.get("engagementsHeading") + ": " + t.get("engagementsMissedHeading"));
    }
    paragraphs.add(t.get("attachments"));
    paragraphs.add(t.get("footer"));
    String text = String.join("\n\n", paragraphs);
    Mail mail = new Mail();
    customer.reportRecipients().forEach(mail::addTo);
    return mail.setSubject(words.subject(period.label(), name))
        .setText(text)
        .setHtml(html)
        .addHeader("Message-ID", messageId(key))
        .addHeader("X-Slawatch-Report", key)
        .addAttachment(
            "sla-compliance-" + period.label() + ".csv",
            figures.complianceCsv().getBytes(StandardCharsets.UTF_8),
            "text/csv; charset=utf-8")
        .addAttachment(
            "sla-breaches-" + period.label() + ".csv",
            figures.breachesCsv().getBytes(StandardCharsets.UTF_8),
            "text/csv; charset=utf-8");
  }

  /**
   * An engagement obligation in the customer's words (its clock name when a new one is unknown).
   */
  static String obligation(ReportMessages words, String clock) {
    return switch (clock) {
      case "expiry" -> words.obligationExpiry();
      case "forfeit_risk" -> words.obligationForfeitRisk();
      case "late_notice" -> words.obligationLateNotice();
      case "no_show" -> words.obligationNoShow();
      default -> clock.replace('_', ' ');
    };
  }

  /** The period's last day, or the day it was cut at for a report of a period still running. */
  private static java.time.LocalDate lastDay(
      ReportPeriod period, java.time.Instant to, Customer customer) {
    java.time.LocalDate last = period.end().minusDays(1);
    java.time.LocalDate cut = to.minusNanos(1).atZone(customer.zone()).toLocalDate();
    return cut.isBefore(last) ? cut : last;
  }

  /** The same Message-ID for every copy of the same report (customer and period). */
  public static String messageId(String key) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "<report-" + HexFormat.of().formatHex(hash, 0, 16) + "@slawatch>";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static ReportMessages words(String language) {
    return switch (language) {
      case "fr", "pl", "ro", "zh-TW" ->
          MessageBundles.get(ReportMessages.class, Localized.Literal.of(language));
      default -> MessageBundles.get(ReportMessages.class);
    };
  }

  private static String percent(long part, long whole) {
    return String.format(Locale.ROOT, "%.2f", part * 100.0 / whole);
  }

  /** {@code 2 d 3 h}, {@code 1 h 05 min}, {@code 12 min}, {@code 40 s}. */
  static String human(Duration d) {
    long seconds = Math.max(0, d.toSeconds());
    long days = seconds / 86_400;
    long hours = seconds % 86_400 / 3_600;
    long minutes = seconds % 3_600 / 60;
    if (days > 0) {
      return days + " d " + hours + " h";
    }
    if (hours > 0) {
      return hours + " h " + String.format(Locale.ROOT, "%02d", minutes) + " min";
    }
    if (minutes > 0) {
      return minutes + " min";
    }
    return seconds + " s";
  }
}
