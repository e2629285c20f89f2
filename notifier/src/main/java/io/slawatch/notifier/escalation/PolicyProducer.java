package io.slawatch.notifier.escalation;

import io.slawatch.core.calendar.CalendarReader;
import io.slawatch.notifier.delivery.Channels;
import io.slawatch.notifier.policy.PolicyBook;
import io.slawatch.notifier.policy.PolicyReader;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * The policy book: read from {@code slawatch.notifier.escalation.policy-file} (start-up fails on a
 * mistake, naming it), else every alert to every enabled channel.
 */
public class PolicyProducer {
  private static final Logger LOG = Logger.getLogger(PolicyProducer.class);

  @Produces
  @jakarta.inject.Singleton
  PolicyBook policies(EscalationConfig config, Channels channels) {
    if (config.policyFile().isEmpty()) {
      LOG.info("no policy file: every alert goes to every enabled channel once");
      return withFallback(
          PolicyBook.everyChannel(java.util.List.copyOf(channels.byName().keySet())), config);
    }
    Path file = Path.of(config.policyFile().get());
    try {
      Path dir = file.toAbsolutePath().getParent();
      PolicyBook book =
          new PolicyReader(channels.byName().keySet(), CalendarReader.relativeTo(dir))
              .read(Files.readString(file));
      LOG.infof("policies from %s: %s", file, book.policies().stream().map(p -> p.name()).toList());
      return withFallback(book, config);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the policy file " + file, e);
    } catch (RuntimeException e) {
      throw new IllegalStateException("policy file " + file + ": " + e.getMessage(), e);
    }
  }

  private static PolicyBook withFallback(PolicyBook book, EscalationConfig config) {
    try {
      return book.withFallback(config.fallback().filter(name -> !name.isBlank()));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "slawatch.notifier.escalation.fallback: " + e.getMessage(), e);
    }
  }
}
