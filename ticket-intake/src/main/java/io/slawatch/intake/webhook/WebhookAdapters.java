package io.slawatch.intake.webhook;

import io.slawatch.intake.webhook.spi.WebhookAdapter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * The vendor adapters by vendor name: every {@link WebhookAdapter} bean (a vendor package adds
 * itself by declaring one; this class names none). Two adapters of one vendor stop the service.
 */
@ApplicationScoped
public class WebhookAdapters {
  private static final Logger LOG = Logger.getLogger(WebhookAdapters.class);

  private final Map<String, WebhookAdapter> byVendor;

  @Inject
  WebhookAdapters(@Any Instance<WebhookAdapter> adapters) {
    this(adapters.stream().toList());
  }

  public WebhookAdapters(Iterable<WebhookAdapter> adapters) {
    Map<String, WebhookAdapter> found = new TreeMap<>();
    for (WebhookAdapter adapter : adapters) {
      WebhookAdapter other = found.putIfAbsent(adapter.vendor(), adapter);
      if (other != null) {
        throw new IllegalStateException(
            "two webhook adapters for vendor "
                + adapter.vendor()
                + ": "
                + other.getClass().getName()
                + " and "
                + adapter.getClass().getName());
      }
    }
    this.byVendor = Map.copyOf(found);
    LOG.infof("webhook adapters: %s", vendors());
  }

  public Optional<WebhookAdapter> get(String vendor) {
    return Optional.ofNullable(byVendor.get(vendor));
  }

  /** The vendors, in alphabetical order. */
  public Set<String> vendors() {
    return new TreeSet<>(byVendor.keySet());
  }
}
