package io.slawatch.notifier;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.slawatch.testinfra.WebhookReceiver;
import java.util.Map;

/** Starts a real webhook receiver and points the notifier's webhook channel at it. */
public class WebhookReceiverResource implements QuarkusTestResourceLifecycleManager {
  static WebhookReceiver receiver;

  @Override
  public Map<String, String> start() {
    receiver = WebhookReceiver.start();
    return Map.of(
        "slawatch.notifier.webhook.url",
        receiver.url(),
        "slawatch.notifier.webhook.initial-backoff",
        "50ms");
  }

  @Override
  public void stop() {
    receiver.close();
  }
}
