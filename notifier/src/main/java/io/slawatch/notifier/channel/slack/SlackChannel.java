package io.slawatch.notifier.channel.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slawatch.core.alert.SlaAlert;
import io.slawatch.notifier.channel.Notification;
import io.slawatch.notifier.channel.http.HttpChannel;
import io.slawatch.notifier.channel.http.HttpRequest;
import io.slawatch.notifier.channel.http.JsonPoster;
import io.slawatch.notifier.channel.text.AlertText;
import io.slawatch.notifier.config.NotifierConfig;
import jakarta.inject.Singleton;

/**
 * Slack incoming webhook: a Block Kit message (header, fields) with a plain-text fallback; the
 * clock's closing alert is a short follow-up saying how it ended.
 */
@Singleton
public class SlackChannel extends HttpChannel {
  private final NotifierConfig.Slack config;
  private final ObjectMapper mapper;

  SlackChannel(NotifierConfig config, JsonPoster poster, ObjectMapper mapper) {
    super(poster);
    this.config = config.slack();
    this.mapper = mapper;
  }

  @Override
  public String name() {
    return "slack";
  }

  @Override
  public boolean enabled() {
    return configured(config.webhookUrl());
  }

  @Override
  protected HttpRequest request(Notification notification) {
    return HttpRequest.json(config.webhookUrl().orElseThrow(), message(notification).toString());
  }

  ObjectNode message(Notification notification) {
    if (notification.alert().closes()) {
      return followUp(notification);
    }
    ObjectNode message = mapper.createObjectNode();
    message.put("text", AlertText.title(notification));
    ArrayNode blocks = message.putArray("blocks");
    ObjectNode header = blocks.addObject().put("type", "header");
    header.putObject("text").put("type", "plain_text").put("text", AlertText.title(notification));
    ObjectNode section = blocks.addObject().put("type", "section");
    ArrayNode fields = section.putArray("fields");
    AlertText.facts(notification)
        .forEach(
            (name, value) ->
                fields
                    .addObject()
                    .put("type", "mrkdwn")
                    .put("text", "*" + name + "*\n" + mrkdwn(notification, name, value)));
    return message;
  }

  /**
   * How the clock ended, as a short follow-up (an incoming webhook cannot reply in the first
   * message's thread): one line naming the ticket, the clock and the outcome, then the ticket's
   * facts in a context block.
   */
  ObjectNode followUp(Notification notification) {
    ObjectNode message = mapper.createObjectNode();
    String title = AlertText.title(notification);
    message.put("text", title);
    ArrayNode blocks = message.putArray("blocks");
    blocks
        .addObject()
        .put("type", "section")
        .putObject("text")
        .put("type", "mrkdwn")
        .put("text", ":white_check_mark: " + title);
    ArrayNode elements = blocks.addObject().put("type", "context").putArray("elements");
    AlertText.facts(notification)
        .forEach(
            (name, value) ->
                elements
                    .addObject()
                    .put("type", "mrkdwn")
                    .put("text", "*" + name + "*: " + mrkdwn(notification, name, value)));
    return message;
  }

  /**
   * A fact's value in mrkdwn: the ticket's link as {@code <url|ticket id>} (a valid URI holds no
   * {@code |}, {@code <} or {@code >}), anything else as it is.
   */
  static String mrkdwn(Notification notification, String name, String value) {
    SlaAlert alert = notification.alert();
    if (alert.ticketUrl().isPresent() && name.equals(AlertText.ticketLink(notification))) {
      return "<" + alert.ticketUrl().get() + "|" + alert.ticket().value() + ">";
    }
    return value;
  }
}
