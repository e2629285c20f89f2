package io.slawatch.notifier.delivery;

import java.net.URI;
import java.util.Optional;

/**
 * Where a message's reader acknowledges its alert: the acknowledgement API ({@code notifier.ack})
 * provides the signed links, deliveries only carry them.
 */
public interface AckUrls {
  /** A link that acknowledges the alert, when the notifier has a public URL and a link secret. */
  Optional<URI> forAlert(String alertId);
}
