package io.slawatch.notifier.channel.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slawatch.notifier.channel.GroupNotification;
import io.slawatch.notifier.channel.Notification;
import io.slawatch.notifier.channel.http.HttpChannel;
import io.slawatch.notifier.channel.http.HttpRequest;
import io.slawatch.notifier.channel.http.JsonPoster;
import io.slawatch.notifier.channel.text.AlertText;
import io.slawatch.notifier.channel.text.GroupText;
import io.slawatch.notifier.config.NotifierConfig;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Microsoft Teams Workflows webhook: a message carrying one Adaptive Card (title and facts); the
 * clock's closing alert is a short follow-up card saying how it ended (ticket and customer).
 */
@Singleton
public class TeamsChannel extends HttpChannel {
  private final NotifierConfig.Teams config;
  private final ObjectMapper mapper;
  private final int maxListed;

  TeamsChannel(NotifierConfig config, JsonPoster poster, ObjectMapper mapper) {
    super(poster);
    this.config = config.teams();
    this.mapper = mapper;
    this.maxListed = config.grouping().maxListed();
  }

  @Override
  public String name() {
    return "teams";
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
   * A group as one card: the headline, the tickets (at most {@code max-listed} named, then "and N
   * more"), and the facts every member shares.
   */
  ObjectNode groupMessage(GroupNotification group) {
    ObjectNode message = mapper.createObjectNode().put("type", "message");
    ObjectNode card =
        message
            .putArray("attachments")
            .addObject()
            .put("contentType", "application/vnd.microsoft.card.adaptive")
            .putObject("content")
            .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
            .put("type", "AdaptiveCard")
            .put("version", "1.4");
    ArrayNode body = card.putArray("body");
    body.addObject()
        .put("type", "TextBlock")
        .put("text", GroupText.headline(group))
        .put("weight", "Bolder")
        .put("size", "Medium")
        .put("wrap", true);
    body.addObject()
        .put("type", "TextBlock")
        .put("text", GroupText.listing(group, maxListed))
        .put("wrap", true);
    ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
    GroupText.sharedFacts(group)
        .forEach((name, value) -> facts.addObject().put("title", name).put("value", value));
    return message;
  }

  @Override
  protected HttpRequest request(Notification notification) {
    return HttpRequest.json(config.webhookUrl().orElseThrow(), message(notification).toString());
  }

  ObjectNode message(Notification notification) {
    ObjectNode message = mapper.createObjectNode().put("type", "message");
    ObjectNode attachment =
        message
            .putArray("attachments")
            .addObject()
            .put("contentType", "application/vnd.microsoft.card.adaptive");
    ObjectNode card =
        attachment
            .putObject("content")
            .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
            .put("type", "AdaptiveCard")
            .put("version", "1.4");
    ArrayNode body = card.putArray("body");
    boolean followUp = notification.alert().closes();
    body.addObject()
        .put("type", "TextBlock")
        .put("text", AlertText.title(notification))
        .put("weight", "Bolder")
        .put("size", followUp ? "Default" : "Medium")
        .put("color", followUp ? "Good" : "Default")
        .put("wrap", true);
    if (followUp) {
      // a short follow-up: how the clock ended, not the whole card again
      ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
      Map<String, String> all = AlertText.facts(notification);
      all.entrySet().stream()
          .limit(2)
          .forEach(f -> facts.addObject().put("title", f.getKey()).put("value", f.getValue()));
      openTicket(card, notification);
      return message;
    }
    ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
    AlertText.facts(notification)
        .forEach((name, value) -> facts.addObject().put("title", name).put("value", value));
    openTicket(card, notification);
    return message;
  }

  /** A button opening the ticket in its helpdesk, when its source gave its URL. */
  private static void openTicket(ObjectNode card, Notification notification) {
    notification
        .alert()
        .ticketUrl()
        .ifPresent(
            url ->
                card.putArray("actions")
                    .addObject()
                    .put("type", "Action.OpenUrl")
                    .put("title", AlertText.ticketLink(notification))
                    .put("url", url.toString()));
  }
}
