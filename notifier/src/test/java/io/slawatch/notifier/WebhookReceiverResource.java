package io.slawatch.notifier;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.slawatch.testinfra.WebhookReceiver;
import java.util.Map;

/**
 * Real HTTP peers for every HTTP channel (generic webhook, Slack, Teams, PagerDuty Events API,
 * Alertmanager), with the notifier pointed at them.
 */
public class WebhookReceiverResource implements QuarkusTestResourceLifecycleManager {
  /** The webhook's Standard Webhooks secret: base64 of "a test signing key". */
  static final String SECRET = "whsec_YSB0ZXN0IHNpZ25pbmcga2V5";

  static WebhookReceiver receiver;
  static WebhookReceiver slack;
  static WebhookReceiver teams;
  static WebhookReceiver pagerduty;
  static WebhookReceiver alertmanager;

  @Override
  public Map<String, String> start() {
    receiver = WebhookReceiver.start();
    slack = WebhookReceiver.start();
    teams = WebhookReceiver.start();
    pagerduty = WebhookReceiver.start();
    alertmanager = WebhookReceiver.start();
    String alertmanagerBase = alertmanager.url().replace("/hooks/sla", "");
    return Map.of(
        "slawatch.notifier.webhook.url",
        receiver.url(),
        "slawatch.notifier.webhook.secret",
        SECRET,
        "slawatch.notifier.slack.webhook-url",
        slack.url(),
        "slawatch.notifier.teams.webhook-url",
        teams.url(),
        "slawatch.notifier.pagerduty.routing-key",
        "R0UT1NGKEY",
        "slawatch.notifier.pagerduty.events-url",
        pagerduty.url(),
        "slawatch.notifier.alertmanager.url",
        alertmanagerBase,
        "slawatch.notifier.http.initial-backoff",
        "50ms");
  }

  @Override
  public void stop() {
    receiver.close();
    slack.close();
    teams.close();
    pagerduty.close();
    alertmanager.close();
  }
}
