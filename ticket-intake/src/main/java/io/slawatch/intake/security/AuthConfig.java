package io.slawatch.intake.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;

/**
 * Bearer API tokens ({@code slawatch.intake.auth.*}): one per sending source or administrator, each
 * with roles {@code ingest} (post events) and/or {@code admin} (customer administration).
 */
@ConfigMapping(prefix = "slawatch.intake.auth")
public interface AuthConfig {
  /** Off only for local development and tests. */
  @WithDefault("true")
  boolean enabled();

  /** Tokens by name, e.g. {@code slawatch.intake.auth.tokens.zendesk.token=...}. */
  Map<String, Token> tokens();

  interface Token {
    String token();

    List<String> roles();
  }
}
