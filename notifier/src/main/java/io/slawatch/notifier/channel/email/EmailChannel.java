package io.slawatch.notifier.channel.email;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.slawatch.notifier.channel.AlertChannel;
import io.slawatch.notifier.channel.GroupNotification;
import io.slawatch.notifier.channel.Notification;
import io.slawatch.notifier.channel.text.AlertText;
import io.slawatch.notifier.channel.text.GroupText;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;

/**
 * E-mail over SMTP (Quarkus Mailer): to the target's address (a designated engineer, a team list)
 * or {@code slawatch.notifier.email.default-to}; the subject is the alert's title and the body its
 * facts, plain text and HTML, in the customer's language, with the acknowledge link when there is
 * one. The alert id is the {@code X-Slawatch-Alert} header. A group of alerts is one mail listing
 * them.
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
    return recipient(notification)
        .map(
            to ->
                mailer
                    .send(
                        Mail.withText(
                                to,
                                config.subjectPrefix() + AlertText.title(notification),
                                text(notification))
                            .setHtml(html(notification))
                            .addHeader("X-Slawatch-Alert", notification.alert().id()))
                    .replaceWith(1))
        .orElseGet(() -> noAddress(notification));
  }

  @Override
  public boolean groups() {
    return true;
  }

  /**
   * A group as one mail: the headline as the subject, each member's title, ticket link and
   * acknowledge link in the body; the group's id is the {@code X-Slawatch-Group} header.
   */
  @Override
  public Uni<Integer> deliverGroup(GroupNotification group) {
    return recipient(group.first())
        .map(
            to ->
                mailer
                    .send(
                        Mail.withText(
                                to,
                                config.subjectPrefix() + GroupText.headline(group),
                                groupText(group))
                            .setHtml(groupHtml(group))
                            .addHeader("X-Slawatch-Group", group.id()))
                    .replaceWith(1))
        .orElseGet(() -> noAddress(group.first()));
  }

  private Optional<String> recipient(Notification notification) {
    return notification.address().or(config::defaultTo).filter(a -> !a.isBlank());
  }

  private static Uni<Integer> noAddress(Notification notification) {
    return Uni.createFrom()
        .failure(
            new IllegalStateException(
                "target "
                    + notification.target()
                    + " has no address and slawatch.notifier.email.default-to is not set"));
  }

  static String groupText(GroupNotification group) {
    StringBuilder body = new StringBuilder(GroupText.headline(group)).append("\n\n");
    for (Notification member : group.members()) {
      body.append("- ").append(AlertText.title(member)).append('\n');
      member.alert().ticketUrl().ifPresent(url -> body.append("  ").append(url).append('\n'));
      member
          .ackUrl()
          .ifPresent(
              url ->
                  body.append("  ")
                      .append(AlertText.messages(member.language()).acknowledge())
                      .append(": ")
                      .append(url)
                      .append('\n'));
    }
    return body.toString();
  }

  static String groupHtml(GroupNotification group) {
    StringBuilder body =
        new StringBuilder("<h2>").append(escape(GroupText.headline(group))).append("</h2><ul>");
    for (Notification member : group.members()) {
      body.append("<li>");
      String title = escape(AlertText.title(member));
      body.append(
          member
              .alert()
              .ticketUrl()
              .map(url -> "<a href=\"" + escape(url.toString()) + "\">" + title + "</a>")
              .orElse(title));
      member
          .ackUrl()
          .ifPresent(
              url ->
                  body.append(" (<a href=\"")
                      .append(escape(url.toString()))
                      .append("\">")
                      .append(escape(AlertText.messages(member.language()).acknowledge()))
                      .append("</a>)"));
      body.append("</li>");
    }
    return body.append("</ul>").toString();
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
