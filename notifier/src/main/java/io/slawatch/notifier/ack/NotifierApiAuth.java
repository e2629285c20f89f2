package io.slawatch.notifier.ack;

import io.slawatch.service.auth.ApiAuth;
import io.slawatch.service.auth.BearerTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.HashMap;
import java.util.Map;

/**
 * The notifier's API tokens ({@code slawatch.notifier.ack.tokens.*}) for the shared bearer-token
 * filter: acknowledging and snoozing need the role {@code ack}, reading an alert's history {@code
 * read}. The signed acknowledge link (its page, {@code GET .../ack}, and the {@code POST} of its
 * confirmation form, with {@code expires} and {@code sig}) carries its own proof, which the
 * resource checks.
 */
@ApplicationScoped
public class NotifierApiAuth implements ApiAuth {
  private final boolean enabled;
  private final Map<String, BearerTokens.Token> tokens = new HashMap<>();

  NotifierApiAuth(AckConfig config) {
    this.enabled = config.authEnabled();
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
  public String prefix() {
    return "slawatch.notifier.ack";
  }

  @Override
  public boolean carriesOwnProof(ContainerRequestContext request) {
    return request.getUriInfo().getPath().endsWith("/ack")
        && (request.getMethod().equals("GET")
            || request.getUriInfo().getQueryParameters().containsKey("sig"));
  }
}
