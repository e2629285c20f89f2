package io.slawatch.intake.security;

import io.slawatch.service.auth.BearerTokens;
import io.slawatch.service.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks the {@code Authorization: Bearer} token of every API call: posting events needs the role
 * {@code ingest}, customer administration {@code admin}. Helpdesk webhooks authenticate by their
 * signatures instead; health, metrics and the OpenAPI document are open.
 */
public class BearerTokenFilter {
  private static final Logger LOG = Logger.getLogger(BearerTokenFilter.class);

  private final AuthConfig config;
  private final Map<String, BearerTokens.Token> tokens = new HashMap<>();

  BearerTokenFilter(AuthConfig config) {
    this.config = config;
    config
        .tokens()
        .forEach(
            (name, token) ->
                tokens.put(name, new BearerTokens.Token(token.token(), token.roles())));
    if (config.enabled() && config.tokens().isEmpty()) {
      LOG.warn(
          "slawatch.intake.auth is enabled but no token is configured: every API call will be"
              + " refused (set slawatch.intake.auth.tokens.<name>.token and .roles)");
    }
  }

  @ServerRequestFilter
  public Optional<Response> authenticate(ContainerRequestContext request) {
    if (!config.enabled()) {
      return Optional.empty();
    }
    String path = request.getUriInfo().getPath();
    Optional<String> role = requiredRole(path);
    if (role.isEmpty()) {
      return Optional.empty();
    }
    List<String> roles;
    switch (BearerTokens.check(request.getHeaderString(HttpHeaders.AUTHORIZATION), tokens)) {
      case BearerTokens.Presented.Missing missing -> {
        return Optional.of(problem(401, "unauthenticated", "send Authorization: Bearer <token>"));
      }
      case BearerTokens.Presented.Unknown unknown -> {
        return Optional.of(problem(401, "unauthenticated", "the token is not known"));
      }
      case BearerTokens.Presented.Known known -> roles = known.roles();
    }
    if (!roles.contains(role.get())) {
      return Optional.of(
          problem(403, "forbidden", "this token lacks the role " + role.get() + " for " + path));
    }
    return Optional.empty();
  }

  static Optional<String> requiredRole(String path) {
    if (path.startsWith("/api/v1/events")) {
      return Optional.of("ingest");
    }
    if (path.startsWith("/api/v1/customers")) {
      return Optional.of("admin");
    }
    return Optional.empty();
  }

  private static Response problem(int status, String type, String detail) {
    Response.ResponseBuilder response =
        Problem.builder(
            status,
            type,
            status == 401 ? "Authentication required" : "Not allowed",
            detail,
            List.of());
    return (status == 401 ? response.header("WWW-Authenticate", "Bearer") : response).build();
  }
}
