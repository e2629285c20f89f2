package io.slawatch.notifier.channel.console;

import io.slawatch.core.alert.SlaAlert;
import io.slawatch.notifier.channel.AlertChannel;
import io.slawatch.notifier.channel.Notification;
import io.slawatch.notifier.config.NotifierConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Writes each alert as one readable line on the console (category {@code slawatch.alerts}). */
@ApplicationScoped
public class ConsoleChannel implements AlertChannel {
  private static final Logger ALERTS = Logger.getLogger("slawatch.alerts");

  private final NotifierConfig config;

  ConsoleChannel(NotifierConfig config) {
    this.config = config;
  }

  @Override
  public String name() {
    return "console";
  }

  @Override
  public boolean enabled() {
    return config.console().enabled();
  }

  @Override
  public Uni<Integer> deliver(Notification notification) {
    SlaAlert alert = notification.alert();
    ALERTS.infof(
        "ALERT %s ticket=%s customer=%s plan=%s priority=%s clock=%s target=%s due=%s%s%s"
            + " to=%s level=%d id=%s",
        alert.kind().type(),
        alert.ticket(),
        alert.customer(),
        alert.plan(),
        alert.priority(),
        alert.clock().wireName(),
        alert.target(),
        alert.due(),
        alert.threshold().map(t -> " threshold=" + t).orElse(""),
        alert.reason().map(r -> " reason=" + r.wireName()).orElse(""),
        notification.target(),
        notification.level(),
        alert.id());
    return Uni.createFrom().item(1);
  }
}
