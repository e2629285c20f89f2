package io.slawatch.intake.webhook;

import io.quarkus.runtime.Startup;
import io.slawatch.intake.webhook.spi.SourceSettings;
import io.slawatch.intake.webhook.spi.WebhookAdapter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The configured webhook sources, resolved at startup with their vendor's adapter and vocabularies:
 * an unknown vendor or a word mapped to something that is not a priority or status stops the
 * service, naming the key.
 */
@Startup
@ApplicationScoped
public class WebhookSources {
  private static final Logger LOG = Logger.getLogger(WebhookSources.class);

  /** A source ready to receive: its adapter, resolved settings and secret. */
  public record Source(WebhookAdapter adapter, SourceSettings settings, Optional<String> secret) {}

  private final WebhookAdapters adapters;
  private final Map<String, Source> sources = new HashMap<>();

  WebhookSources(WebhookConfig config, WebhookAdapters adapters) {
    this.adapters = adapters;
    config
        .sources()
        .forEach(
            (name, source) -> {
              WebhookAdapter adapter =
                  adapters
                      .get(source.vendor())
                      .orElseThrow(
                          () ->
                              new IllegalArgumentException(
                                  "slawatch.intake.webhooks."
                                      + name
                                      + ".vendor="
                                      + source.vendor()
                                      + ": must be one of "
                                      + adapters.vendors()));
              SourceSettings settings =
                  SourceSettings.resolve(
                      adapter,
                      name,
                      source.customer(),
                      source.plan(),
                      source.defaultPriority(),
                      source.priorityLabels(),
                      source.statuses(),
                      source.milestoneLabels(),
                      source.milestoneTags());
              sources.put(name, new Source(adapter, settings, source.secret()));
              settings.milestones().keySet().stream()
                  .filter(
                      word ->
                          settings.priority(word).isPresent() || settings.status(word).isPresent())
                  .forEach(
                      word ->
                          LOG.warnf(
                              "webhook source %s maps %s to milestone %s, but it is one of the"
                                  + " source's priority or status words: it keeps that meaning and"
                                  + " marks no milestone",
                              name, word, settings.milestones().get(word)));
              if (source.secret().isEmpty()) {
                LOG.warnf(
                    "webhook source %s (%s) has no secret: its deliveries are not authenticated",
                    name, source.vendor());
              }
            });
  }

  public WebhookAdapters adapters() {
    return adapters;
  }

  /** The source of that name, if it is configured for that vendor. */
  public Optional<Source> get(String vendor, String name) {
    return Optional.ofNullable(sources.get(name))
        .filter(source -> source.adapter().vendor().equals(vendor));
  }
}
