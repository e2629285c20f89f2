package io.slawatch.notifier.channel.pagerduty;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slawatch.core.alert.AlertKind;
import io.slawatch.core.alert.SlaAlert;
import io.slawatch.notifier.channel.Notification;
import io.slawatch.notifier.channel.http.HttpChannel;
import io.slawatch.notifier.channel.http.HttpRequest;
import io.slawatch.notifier.channel.http.JsonPoster;
import io.slawatch.notifier.channel.text.AlertText;
import io.slawatch.notifier.config.NotifierConfig;
import jakarta.inject.Singleton;

/**
 * PagerDuty Events API v2: a warning or breach triggers an incident keyed by {@code dedup_key} =
 * ticket/clock/cycle (so the warning and the breach of one clock are one incident); the clock's
 * closing alert ({@code sla.met} or {@code sla.ended}) resolves it.
 */
@Singleton
public class PagerDutyChannel extends HttpChannel {
  private final NotifierConfig.PagerDuty config;
  private final ObjectMapper mapper;

  PagerDutyChannel(NotifierConfig config, JsonPoster poster, ObjectMapper mapper) {
    super(poster);
    this.config = config.pagerduty();
    this.mapper = mapper;
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
