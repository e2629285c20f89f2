package io.slawatch.notifier.channel.pagerduty;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slawatch.core.alert.AlertKind;
import io.slawatch.core.alert.SlaAlert;
import io.slawatch.notifier.channel.GroupNotification;
import io.slawatch.notifier.channel.Notification;
import io.slawatch.notifier.channel.http.HttpChannel;
import io.slawatch.notifier.channel.http.HttpRequest;
import io.slawatch.notifier.channel.http.JsonPoster;
import io.slawatch.notifier.channel.text.AlertText;
import io.slawatch.notifier.channel.text.GroupText;
import io.slawatch.notifier.config.NotifierConfig;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;

/**
 * PagerDuty Events API v2: a warning or breach triggers an incident keyed by {@code dedup_key} =
 * ticket/clock/cycle (so the warning and the breach of one clock are one incident); the clock's
 * closing alert ({@code sla.met} or {@code sla.ended}) resolves it. A group of alerts triggers one
 * incident per group key ({@code dedup_key} = {@code slawatch/group/<key>}).
 */
@Singleton
public class PagerDutyChannel extends HttpChannel {
  private final NotifierConfig.PagerDuty config;
  private final ObjectMapper mapper;
  private final int maxListed;

  /** PagerDuty's limit on an event's summary. */
  private static final int SUMMARY_MAX = 1024;

  PagerDutyChannel(NotifierConfig config, JsonPoster poster, ObjectMapper mapper) {
    super(poster);
    this.config = config.pagerduty();
    this.mapper = mapper;
    this.maxListed = config.grouping().maxListed();
  }

  @Override
  public String name() {
    return "pagerduty";
  }

  @Override
  public boolean enabled() {
    return configured(config.routingKey());
  }

  @Override
  protected HttpRequest request(Notification notification) {
    return HttpRequest.json(config.eventsUrl(), event(notification).toString());
  }

  @Override
  public boolean groups() {
    return true;
  }

  @Override
  protected HttpRequest groupRequest(GroupNotification group) {
    return HttpRequest.json(config.eventsUrl(), groupEvent(group).toString());
  }

  /** A group's incident: one per group key, whatever window or level round sent it. */
  public static String dedupKey(GroupNotification group) {
    return "slawatch/group/" + group.key();
  }

  /**
   * A group triggers one incident keyed by its group key: the summary (within PagerDuty's 1,024
   * characters), critical when its members breached, and the tickets in its details.
   */
  ObjectNode groupEvent(GroupNotification group) {
    SlaAlert first = group.first().alert();
    ObjectNode event = mapper.createObjectNode();
    event.put("routing_key", config.routingKey().orElseThrow());
    event.put("dedup_key", dedupKey(group));
    event.put("event_action", "trigger");
    ObjectNode payload = event.putObject("payload");
    String summary = GroupText.summary(group, maxListed);
    payload.put(
        "summary",
        summary.length() <= SUMMARY_MAX ? summary : summary.substring(0, SUMMARY_MAX - 1) + "…");
    payload.put("source", "slawatch");
    payload.put("severity", first.kind() == AlertKind.BREACHED ? "critical" : "warning");
    payload.put("timestamp", first.firedAt().toString());
    payload.put("component", first.plan());
    payload.put("group", first.customer().value());
    payload.put("class", first.kind().type());
    ObjectNode details = payload.putObject("custom_details");
    details.put("group_key", group.key());
    details.put("count", group.members().size());
    ArrayNode tickets = details.putArray("tickets");
    GroupText.tickets(group).forEach(tickets::add);
    return event;
  }

  /**
   * Resolves a group's incident (its every member's clock closed): a {@code resolve} event for the
   * group key's {@code dedup_key}.
   */
  public Uni<Integer> resolveGroup(String key) {
    ObjectNode event = mapper.createObjectNode();
    event.put("routing_key", config.routingKey().orElseThrow());
    event.put("dedup_key", "slawatch/group/" + key);
    event.put("event_action", "resolve");
    return postUntraced(HttpRequest.json(config.eventsUrl(), event.toString()));
  }

  public static String dedupKey(SlaAlert alert) {
    return "slawatch/" + alert.ticket() + "/" + alert.clock().wireName() + "/" + alert.cycle();
  }

  ObjectNode event(Notification notification) {
    SlaAlert alert = notification.alert();
    ObjectNode event = mapper.createObjectNode();
    event.put("routing_key", config.routingKey().orElseThrow());
    event.put("dedup_key", dedupKey(alert));
    if (alert.closes()) {
      return event.put("event_action", "resolve");
    }
    event.put("event_action", "trigger");
    ObjectNode payload = event.putObject("payload");
    payload.put("summary", AlertText.title(notification));
    payload.put("source", "slawatch");
    payload.put("severity", alert.kind() == AlertKind.BREACHED ? "critical" : "warning");
    payload.put("timestamp", alert.firedAt().toString());
    payload.put("component", alert.plan());
    payload.put("group", alert.customer().value());
    payload.put("class", alert.kind().type());
    ObjectNode details = payload.putObject("custom_details");
    AlertText.facts(notification).forEach(details::put);
    alert
        .ticketUrl()
        .ifPresent(
            url ->
                event
                    .putArray("links")
                    .addObject()
                    .put("href", url.toString())
                    .put("text", AlertText.ticketLink(notification)));
    return event;
  }
}
