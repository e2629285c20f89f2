package io.slawatch.notifier.channel.alertmanager;

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
import io.slawatch.notifier.config.NotifierConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Prometheus Alertmanager API v2 ({@code POST /api/v2/alerts}), so teams reuse their routing: one
 * alert per clock (labels: alertname, ticket, clock, cycle, plan, priority, customer); the clock's
 * closing alert ({@code sla.met} or {@code sla.ended}) ends it. A group of alerts is one POST of
 * all its members' alerts.
 */
@Singleton
public class AlertmanagerChannel extends HttpChannel {
  private final NotifierConfig.Alertmanager config;
  private final ObjectMapper mapper;
  private final Clock clock;

  @Inject
  AlertmanagerChannel(NotifierConfig config, JsonPoster poster, ObjectMapper mapper, Clock clock) {
    this(config.alertmanager(), poster, mapper, clock);
  }

  AlertmanagerChannel(
      NotifierConfig.Alertmanager config, JsonPoster poster, ObjectMapper mapper, Clock clock) {
    super(poster);
    this.config = config;
    this.mapper = mapper;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "alertmanager";
  }

  @Override
  public boolean enabled() {
    return configured(config.url());
  }

  @Override
  public boolean groups() {
    return true;
  }

  /** A group as one POST: every member's alert in one array (Alertmanager groups them itself). */
  @Override
  protected HttpRequest groupRequest(GroupNotification group) {
    ArrayNode alerts = mapper.createArrayNode();
    group.members().forEach(m -> alerts.addAll(alerts(m)));
    String base = config.url().orElseThrow().replaceAll("/+$", "");
    return HttpRequest.json(base + "/api/v2/alerts", alerts.toString());
  }

  @Override
  protected HttpRequest request(Notification notification) {
    String base = config.url().orElseThrow().replaceAll("/+$", "");
    return HttpRequest.json(base + "/api/v2/alerts", alerts(notification).toString());
  }

  /**
   * The alerts to post. A warning and an "update due" are one alert (severity warning), a breach
   * another (severity critical); the closing alert ({@code sla.met}, {@code sla.ended}) ends both,
   * since Alertmanager identifies an alert by its labels.
   */
  ArrayNode alerts(Notification notification) {
    SlaAlert alert = notification.alert();
    ArrayNode alerts = mapper.createArrayNode();
    if (alert.closes()) {
      String now = clock.instant().toString();
      for (String severity : new String[] {"warning", "critical"}) {
        alerts.add(entry(notification, severity).put("endsAt", now));
      }
    } else {
      alerts.add(entry(notification, alert.kind() == AlertKind.BREACHED ? "critical" : "warning"));
    }
    return alerts;
  }

  private ObjectNode entry(Notification notification, String severity) {
    SlaAlert alert = notification.alert();
    ObjectNode entry = mapper.createObjectNode();
    ObjectNode labels = entry.putObject("labels");
    labels.put("alertname", "SlaCommitment");
    labels.put("ticket", alert.ticket().value());
    labels.put("clock", alert.clock().wireName());
    labels.put("cycle", Integer.toString(alert.cycle()));
    labels.put("plan", alert.plan());
    labels.put("priority", alert.priority().name());
    labels.put("customer", alert.customer().value());
    labels.put("severity", severity);
    ObjectNode annotations = entry.putObject("annotations");
    annotations.put("summary", AlertText.title(notification));
    annotations.put("due", alert.due().toString());
    alert.ticketUrl().ifPresent(url -> annotations.put("ticket_url", url.toString()));
    entry.put("startsAt", alert.firedAt().toString());
    return entry;
  }
}
