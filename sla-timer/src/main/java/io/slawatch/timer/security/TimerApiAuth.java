package io.slawatch.timer.security;

import io.slawatch.service.auth.ApiAuth;
import io.slawatch.service.auth.BearerTokens;
import io.slawatch.timer.config.TimerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;

/**
 * sla-timer's API tokens ({@code slawatch.timer.auth.*}) for the shared bearer-token filter: {@code
 * read} for the SLA, at-risk and plans APIs (and a resource without roles), {@code simulate} or
 * {@code read} for the simulator, {@code report} or {@code admin} for the reports.
 */
@ApplicationScoped
public class TimerApiAuth implements ApiAuth {
  private final boolean enabled;
  private final Map<String, BearerTokens.Token> tokens = new HashMap<>();

  TimerApiAuth(TimerConfig config) {
    this.enabled = config.auth().enabled();
    config
        .auth()
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
  public String prefix() {
    return "slawatch.timer.auth";
  }
}
