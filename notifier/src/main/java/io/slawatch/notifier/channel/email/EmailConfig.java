package io.slawatch.notifier.channel.email;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * The e-mail channel ({@code slawatch.notifier.email.*}); the SMTP server is Quarkus Mailer's
 * ({@code quarkus.mailer.host}, {@code .port}, {@code .from}, {@code .username}, {@code .password},
 * {@code .tls}).
 */
@ConfigMapping(prefix = "slawatch.notifier.email")
public interface EmailConfig {
  /** Whether alerts may go by e-mail (needs an SMTP server). */
  @WithDefault("false")
  boolean enabled();

  /** Where a target without its own address is mailed; such a delivery fails without it. */
  Optional<String> defaultTo();

  /** Put before every subject. */
  @WithDefault("[slawatch] ")
  String subjectPrefix();
}
