package io.slawatch.notifier.channel.text;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.slawatch.core.alert.EndReason;
import io.slawatch.core.alert.SlaAlert;
import io.slawatch.core.engagement.Obligations;
import io.slawatch.notifier.channel.Notification;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The words of an alert message in the language of the engineer who reads it (the target's, else
 * its policy's, else English), shared by every channel: a title, and facts in display order. The
 * customer's language is a fact; due times are in the target's zone and the customer's.
 */
public final class AlertText {
  private AlertText() {}

  /** The message bundle for a language: en, fr, pl, ro or zh-TW; English otherwise. */
  public static AlertMessages messages(Locale locale) {
    String language = locale.getLanguage();
    String chosen =
        switch (language) {
          case "fr", "pl", "ro" -> language;
          case "zh" ->
              "TW".equals(locale.getCountry()) || "Hant".equals(locale.getScript())
                  ? "zh-TW"
                  : "en";
          default -> "en";
        };
    return chosen.equals("en")
        ? MessageBundles.get(AlertMessages.class)
        : MessageBundles.get(AlertMessages.class, Localized.Literal.of(chosen));
  }

  public static String title(Notification notification) {
    SlaAlert alert = notification.alert();
    AlertMessages words = messages(notification.language());
    if (isEngagement(alert)) {
      return engagementTitle(alert, words, notification.zone().orElse(ZoneOffset.UTC));
    }
    String clock = clock(alert, words);
    String ticket = alert.ticket().value();
    String priority = alert.priority().name();
    String customer = alert.customer().value();
    return switch (alert.kind()) {
      case WARNING ->
          words.warning(
              "%.0f".formatted(alert.threshold().orElse(0.0) * 100),
              clock,
              ticket,
              priority,
              customer);
      case UPDATE_DUE -> words.updateDue(ticket, priority, customer);
      case BREACHED -> words.breached(clock, ticket, priority, customer);
      case MET -> words.met(clock, ticket, priority, customer);
      case ENDED -> words.ended(clock, ticket, priority, customer, outcome(alert, words));
    };
  }

  /**
   * Whether an alert is about an engagement (Jamf's services policy), not a ticket: it carries the
   * {@code engagement} flag. Its clock names an obligation and its priority means nothing.
   */
  public static boolean isEngagement(SlaAlert alert) {
    return alert.flags().contains(Obligations.ENGAGEMENT_FLAG);
  }

  /**
   * "Engagement E-1 (acme): no-show, the session did not start 20 minutes after 2026-12-03 14:00
   * (UTC)": the engagement, its customer, the obligation and what happened, at the reader's zone.
   */
  static String engagementTitle(SlaAlert alert, AlertMessages words, ZoneId zone) {
    String obligation = clock(alert, words);
    String clock = alert.clock().wireName();
    String detail =
        switch (alert.kind()) {
          case BREACHED ->
              switch (clock) {
                case "no_show" ->
                    words.noShowDetail(
                        Obligations.NO_SHOW_GRACE.toMinutes(),
                        at(alert.due().minus(Obligations.NO_SHOW_GRACE), zone));
                case "late_notice" ->
                    words.lateNoticeDetail(Obligations.NOTICE_BUSINESS_DAYS, at(alert.due(), zone));
                case "expiry" -> words.expiryDetail(at(alert.due(), zone));
                default -> alert.terms().orElse(clock);
              };
          case WARNING ->
              switch (clock) {
                case "forfeit_risk" -> words.forfeitRiskDetail(Obligations.CONTACT_ATTEMPTS);
                case "expiry" ->
                    words.expiryWarningDetail(
                        "%.0f".formatted(alert.threshold().orElse(0.0) * 100),
                        at(alert.due(), zone));
                default -> alert.terms().orElse(clock);
              };
          case MET, UPDATE_DUE -> words.engagementMet();
          case ENDED -> outcome(alert, words);
        };
    return words.engagementAlert(
        alert.ticket().value(), alert.customer().value(), obligation, detail);
  }

  /**
   * How an {@code sla.ended} clock ended, in words: "met 1 h 10 min late", "ticket solved"... Empty
   * on other alerts.
   */
  public static String outcome(Notification notification) {
    return outcome(notification.alert(), messages(notification.language()));
  }

  static String outcome(SlaAlert alert, AlertMessages words) {
    return alert
        .reason()
        .map(
            reason ->
                switch (reason) {
                  case MET_LATE -> words.endedMetLate(duration(late(alert), words));
                  case TICKET_SOLVED -> words.endedSolved();
                  case TICKET_CLOSED -> words.endedClosed();
                  case CLOCK_REMOVED ->
                      isEngagement(alert) ? words.endedBookingMoved() : words.endedRemoved();
                })
        .orElse("");
  }

  /**
   * How late a clock met after its breach was: the business time it used beyond its target, else
   * the time from its due instant to when it was met.
   */
  static Duration late(SlaAlert alert) {
    Duration late =
        alert
            .elapsed()
            .map(e -> e.minus(alert.target()))
            .or(() -> alert.metAt().map(m -> Duration.between(alert.due(), m)))
            .orElse(Duration.ZERO);
    return late.isNegative() ? Duration.ZERO : late;
  }

  /**
   * Facts in display order: ticket, customer, plan, priority, the customer's language, commitment
   * (in the plan's words), due (in the target's zone, then the customer's), progress or outcome,
   * level, the ticket's link in its helpdesk (when its source gave one), acknowledge link.
   */
  public static Map<String, String> facts(Notification notification) {
    SlaAlert alert = notification.alert();
    AlertMessages words = messages(notification.language());
    Map<String, String> facts = new LinkedHashMap<>();
    boolean engagement = isEngagement(alert);
    facts.put(engagement ? words.engagement() : words.ticket(), alert.ticket().value());
    facts.put(words.customer(), alert.customer().value());
    facts.put(words.plan(), alert.plan());
    if (!engagement) {
      // an engagement has no priority: its alerts carry P4 only because the pipeline needs one
      facts.put(words.priority(), alert.priority().name());
    }
    facts.put(words.customerLanguage(), notification.customerLanguage().toLanguageTag());
    facts.put(
        words.commitment(),
        words.commitmentValue(
            clock(alert, words), alert.terms().orElseGet(() -> duration(alert.target(), words))));
    ZoneId zone = notification.zone().orElse(ZoneOffset.UTC);
    facts.put(alert.closes() ? words.wasDue() : words.due(), at(alert.due(), zone));
    notification
        .customerZone()
        .filter(customerZone -> !customerZone.normalized().equals(zone.normalized()))
        .ifPresent(customerZone -> facts.put(words.customerTime(), at(alert.due(), customerZone)));
    alert.reason().ifPresent(r -> facts.put(words.outcome(), outcome(alert, words)));
    alert
        .reason()
        .filter(r -> r == EndReason.MET_LATE)
        .ifPresent(r -> facts.put(words.late(), duration(late(alert), words)));
    alert.threshold().ifPresent(t -> facts.put(words.used(), "%.0f%%".formatted(t * 100)));
    alert.elapsed().ifPresent(e -> facts.put(words.took(), duration(e, words)));
    if (notification.level() > 1) {
      facts.put(words.level(), Integer.toString(notification.level()));
    }
    alert.ticketUrl().ifPresent(url -> facts.put(words.ticketLink(), url.toString()));
    notification.ackUrl().ifPresent(url -> facts.put(words.acknowledge(), url.toString()));
    return facts;
  }

  /** The name of the ticket-link fact in the reader's language ({@link #facts}). */
  public static String ticketLink(Notification notification) {
    return messages(notification.language()).ticketLink();
  }

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** An instant as a reader in {@code zone} sees it: {@code 2026-11-24 11:00 (Europe/Warsaw)}. */
  static String at(Instant instant, ZoneId zone) {
    return LOCAL.format(instant.atZone(zone))
        + " ("
        + (zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId())
        + ")";
  }

  static String clock(SlaAlert alert, AlertMessages words) {
    if (isEngagement(alert)) {
      return switch (alert.clock().wireName()) {
        case "expiry" -> words.expiry();
        case "forfeit_risk" -> words.forfeitRisk();
        case "late_notice" -> words.lateNotice();
        case "no_show" -> words.noShow();
        default -> alert.clock().wireName().replace('_', ' ');
      };
    }
    // a clock a plan file defines is named by the plan: its name, underscores as spaces
    return switch (alert.clock().wireName()) {
      case "first_response" -> words.firstResponse();
      case "next_response" -> words.nextResponse();
      case "update" -> words.update();
      case "resolution" -> words.resolution();
      default -> alert.clock().wireName().replace('_', ' ');
    };
  }

  /** A duration in the reader's words: "1 h 10 min", "45 min", "30 s". */
  static String duration(Duration d, AlertMessages words) {
    long hours = d.toHours();
    long minutes = d.toMinutesPart();
    if (hours == 0 && minutes == 0) {
      return words.seconds(d.toSecondsPart());
    }
    StringBuilder text = new StringBuilder();
    if (hours > 0) {
      text.append(words.hours(hours));
    }
    if (minutes > 0) {
      text.append(text.isEmpty() ? "" : " ").append(words.minutes(minutes));
    }
    return text.toString();
  }
}
