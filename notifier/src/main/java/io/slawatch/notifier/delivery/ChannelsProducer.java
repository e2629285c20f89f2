package io.slawatch.notifier.delivery;

import io.slawatch.notifier.channel.AlertChannel;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The enabled channels: every {@link AlertChannel} bean that is configured, found by CDI (a new
 * channel is a new bean, registered nowhere).
 */
public class ChannelsProducer {
  private static final Logger LOG = Logger.getLogger(ChannelsProducer.class);

  @Produces
  @Singleton
  Channels channels(Instance<AlertChannel> all) {
    Map<String, AlertChannel> enabled = new LinkedHashMap<>();
    all.stream().filter(AlertChannel::enabled).forEach(c -> enabled.put(c.name(), c));
    LOG.infof("alert channels: %s", enabled.keySet());
    return new Channels(enabled);
  }
}
