package io.slawatch.notifier.ack;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Acknowledgement: API tokens and signed links ({@code slawatch.notifier.ack.*}). */
@ConfigMapping(prefix = "slawatch.notifier.ack")
public interface AckConfig {
  /**
   * The notifier's address as people reach it (e.g. https://slawatch.example.com/notifier): with a
   * {@link #linkSecret()}, messages carry a signed acknowledge link under it.
   */
  Optional<String> publicUrl();

  /** The HMAC key of acknowledge links (a secret); no links without it. */
  Optional<String> linkSecret();

  /** How long an acknowledge link works. */
  @WithDefault("P7D")
  Duration linkValidity();

  /** The longest snooze {@code POST /api/v1/alerts/{id}/snooze} accepts. */
  @WithDefault("P1D")
  Duration maxSnooze();

  /** Whether {@code POST /api/v1/alerts/{id}/ack} needs a bearer token (off only in tests). */
  @WithDefault("true")
  boolean authEnabled();

  /** Tokens by name, e.g. {@code slawatch.notifier.ack.tokens.oncall.token=...}. */
  Map<String, Token> tokens();

  interface Token {
    String token();

    /** Roles: {@code ack} (acknowledge, snooze), {@code read} (delivery history). */
    @WithDefault("ack,read")
    List<String> roles();
  }
}
