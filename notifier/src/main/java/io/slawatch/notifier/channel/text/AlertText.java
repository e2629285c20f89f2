package io.slawatch.notifier.channel.text;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.slawatch.core.alert.SlaAlert;
import io.slawatch.notifier.channel.Notification;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The words of an alert message in the notification's language (the customer's), shared by every
 * channel: a title, and facts in display order. English when the language is not one of the plans'.
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
      case ENDED ->
          words.ended(
              clock,
              ticket,
              priority,
              customer,
              alert.reason().map(r -> r.wireName()).orElse("ended"));
    };
  }

  /** Facts in display order: ticket, customer, plan, priority, commitment, due, progress, level. */
  public static Map<String, String> facts(Notification notification) {
    SlaAlert alert = notification.alert();
    AlertMessages words = messages(notification.language());
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put(words.ticket(), alert.ticket().value());
    facts.put(words.customer(), alert.customer().value());
    facts.put(words.plan(), alert.plan());
    facts.put(words.priority(), alert.priority().name());
    facts.put(
        words.commitment(), words.commitmentValue(clock(alert, words), humanize(alert.target())));
    facts.put(alert.closes() ? words.wasDue() : words.due(), alert.due() + " (UTC)");
    alert.threshold().ifPresent(t -> facts.put(words.used(), "%.0f%%".formatted(t * 100)));
    alert.elapsed().ifPresent(e -> facts.put(words.took(), humanize(e)));
    if (notification.level() > 1) {
      facts.put(words.level(), Integer.toString(notification.level()));
    }
    notification.ackUrl().ifPresent(url -> facts.put(words.acknowledge(), url.toString()));
    return facts;
  }

  static String clock(SlaAlert alert, AlertMessages words) {
    return switch (alert.clock()) {
      case FIRST_RESPONSE -> words.firstResponse();
      case NEXT_RESPONSE -> words.nextResponse();
      case UPDATE -> words.update();
      case RESOLUTION -> words.resolution();
    };
  }

  static String humanize(Duration d) {
    return d.toString().substring(2).toLowerCase(Locale.ROOT);
  }
}
