package io.slawatch.notifier.channel.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slawatch.core.alert.SlaAlert;
import io.slawatch.notifier.channel.GroupNotification;
import io.slawatch.notifier.channel.Notification;
import io.slawatch.notifier.channel.http.HttpChannel;
import io.slawatch.notifier.channel.http.HttpRequest;
import io.slawatch.notifier.channel.http.JsonPoster;
import io.slawatch.notifier.channel.text.AlertText;
import io.slawatch.notifier.channel.text.GroupText;
import io.slawatch.notifier.config.NotifierConfig;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Slack incoming webhook: a Block Kit message (header, fields) with a plain-text fallback; the
 * clock's closing alert is a short follow-up saying how it ended; a group of alerts is one message
 * listing its tickets under a summary line.
 */
@Singleton
public class SlackChannel extends HttpChannel {
  private final NotifierConfig.Slack config;
  private final ObjectMapper mapper;
  private final int maxListed;

  /** Slack's limits: a header's text, a section's text, a context's elements. */
  private static final int HEADER_MAX = 150;

  private static final int SECTION_MAX = 3000;
  private static final int CONTEXT_MAX = 10;

  SlackChannel(NotifierConfig config, JsonPoster poster, ObjectMapper mapper) {
    super(poster);
    this.config = config.slack();
    this.mapper = mapper;
    this.maxListed = config.grouping().maxListed();
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
  public boolean groups() {
    return true;
  }

  @Override
  protected HttpRequest groupRequest(GroupNotification group) {
    return HttpRequest.json(config.webhookUrl().orElseThrow(), groupMessage(group).toString());
  }

  /**
   * A group as one message: the summary as the fallback text, the headline as the header, the
   * tickets (linked to their helpdesk when they have a link; at most {@code max-listed}, then "and
   * N more") in a section, and what the members share (plan, priority, level) in a context block.
   */
  ObjectNode groupMessage(GroupNotification group) {
    ObjectNode message = mapper.createObjectNode();
    message.put("text", GroupText.summary(group, maxListed));
    ArrayNode blocks = message.putArray("blocks");
    blocks
        .addObject()
        .put("type", "header")
        .putObject("text")
        .put("type", "plain_text")
        .put("text", cut(GroupText.headline(group), HEADER_MAX));
    blocks
        .addObject()
        .put("type", "section")
        .putObject("text")
        .put("type", "mrkdwn")
        .put("text", "*" + GroupText.ticketsFact(group) + "*\n" + linkedTickets(group));
    ArrayNode context = blocks.addObject().put("type", "context").putArray("elements");
    GroupText.sharedFacts(group)
        .forEach(
            (name, value) -> {
              if (!name.equals(AlertText.ticketLink(group.first()))
                  && context.size() < CONTEXT_MAX) {
                context.addObject().put("type", "mrkdwn").put("text", "*" + name + "*: " + value);
              }
            });
    if (context.isEmpty()) {
      blocks.remove(blocks.size() - 1);
    }
    return message;
  }

  /** The listing with each named ticket as {@code <url|id>} where it has a link, if that fits. */
  private String linkedTickets(GroupNotification group) {
    List<Notification> named =
        group.members().subList(0, Math.max(1, Math.min(maxListed, group.members().size())));
    String linked =
        named.stream()
            .map(m -> mrkdwn(m, AlertText.ticketLink(m), m.alert().ticket().value()))
            .collect(Collectors.joining(", "));
    int more = group.members().size() - named.size();
    String text =
        more == 0
            ? linked
            : linked + " " + AlertText.messages(group.first().language()).andMore(more);
    return text.length() <= SECTION_MAX
        ? text
        : cut(GroupText.listing(group, maxListed), SECTION_MAX);
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
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
