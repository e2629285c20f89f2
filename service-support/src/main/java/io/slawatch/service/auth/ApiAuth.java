package io.slawatch.service.auth;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Map;

/**
 * A service's API tokens, for {@link BearerTokenFilter}: one bean per service, built from its own
 * configuration ({@code slawatch.<service>.auth.*}). A service without one checks no tokens.
 */
public interface ApiAuth {
  /** Off only for local development and tests. */
  boolean enabled();

  /** Tokens by name. */
  Map<String, BearerTokens.Token> tokens();

  /** The role a resource without {@link Roles} needs. */
  default String defaultRole() {
    return "read";
  }

  /** The configuration prefix, for the warning when no token is configured. */
  String prefix();

  /**
   * A request that carries its own proof, checked by its resource (the notifier's signed
   * acknowledgement links): no token needed.
   */
  default boolean carriesOwnProof(ContainerRequestContext request) {
    return false;
  }
}
