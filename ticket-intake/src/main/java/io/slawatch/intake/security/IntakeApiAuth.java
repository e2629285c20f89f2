package io.slawatch.intake.security;

import io.slawatch.service.auth.ApiAuth;
import io.slawatch.service.auth.BearerTokens;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;

/**
 * Intake's API tokens ({@code slawatch.intake.auth.*}) for the shared bearer-token filter: posting
 * events needs {@code ingest}, customer administration (and any resource without roles) {@code
 * admin}; helpdesk webhooks authenticate by their signatures instead.
 */
@ApplicationScoped
public class IntakeApiAuth implements ApiAuth {
  private final boolean enabled;
  private final Map<String, BearerTokens.Token> tokens = new HashMap<>();

  IntakeApiAuth(AuthConfig config) {
    this.enabled = config.enabled();
    config
        .tokens()
        .forEach(
            (name, token) ->
                tokens.put(name, new BearerTokens.Token(token.token(), token.roles())));
  }

  @Override
  public boolean enabled() {
    return enabled;
  }

  @Override
  public Map<String, BearerTokens.Token> tokens() {
    return tokens;
  }

  @Override
  public String defaultRole() {
    return "admin";
  }

  @Override
  public String prefix() {
    return "slawatch.intake.auth";
  }
}
