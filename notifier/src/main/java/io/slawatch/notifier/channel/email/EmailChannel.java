package io.slawatch.notifier.channel.email;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.slawatch.notifier.channel.AlertChannel;
import io.slawatch.notifier.channel.Notification;
import io.slawatch.notifier.channel.text.AlertText;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * E-mail over SMTP (Quarkus Mailer): to the target's address (a designated engineer, a team list)
 * or {@code slawatch.notifier.email.default-to}; the subject is the alert's title and the body its
 * facts, plain text and HTML, in the customer's language, with the acknowledge link when there is
 * one. The alert id is the {@code X-Slawatch-Alert} header.
 */
@ApplicationScoped
public class EmailChannel implements AlertChannel {
  private final EmailConfig config;
  private final ReactiveMailer mailer;

  EmailChannel(EmailConfig config, ReactiveMailer mailer) {
    this.config = config;
    this.mailer = mailer;
  }

  @Override
  public String name() {
    return "email";
  }

  @Override
  public boolean enabled() {
    return config.enabled();
  }

  @Override
  public Uni<Integer> deliver(Notification notification) {
    String to = notification.address().or(config::defaultTo).filter(a -> !a.isBlank()).orElse(null);
    if (to == null) {
      return Uni.createFrom()
          .failure(
              new IllegalStateException(
                  "target "
                      + notification.target()
                      + " has no address and slawatch.notifier.email.default-to is not set"));
    }
    Mail mail =
        Mail.withText(
                to, config.subjectPrefix() + AlertText.title(notification), text(notification))
            .setHtml(html(notification))
            .addHeader("X-Slawatch-Alert", notification.alert().id());
    return mailer.send(mail).replaceWith(1);
  }

  static String text(Notification notification) {
    StringBuilder body = new StringBuilder(AlertText.title(notification)).append("\n\n");
    for (Map.Entry<String, String> fact : AlertText.facts(notification).entrySet()) {
      body.append(fact.getKey()).append(": ").append(fact.getValue()).append('\n');
    }
    return body.toString();
  }

  static String html(Notification notification) {
    StringBuilder body =
        new StringBuilder("<h2>")
            .append(escape(AlertText.title(notification)))
            .append("</h2><table>");
    for (Map.Entry<String, String> fact : AlertText.facts(notification).entrySet()) {
      String value = escape(fact.getValue());
      if (value.startsWith("http://") || value.startsWith("https://")) {
        value = "<a href=\"" + value + "\">" + value + "</a>";
      }
      body.append("<tr><th align=\"left\">")
          .append(escape(fact.getKey()))
          .append("</th><td>")
          .append(value)
          .append("</td></tr>");
    }
    return body.append("</table>").toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
