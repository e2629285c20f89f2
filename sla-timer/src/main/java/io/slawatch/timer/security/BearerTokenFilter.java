package io.slawatch.timer.security;

import io.slawatch.service.auth.BearerTokens;
import io.slawatch.service.problem.Problem;
import io.slawatch.timer.config.TimerConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Checks the {@code Authorization: Bearer} token of every API call (every JAX-RS resource: the
 * roles come from {@link Roles}, {@code read} by default). Health and metrics are not JAX-RS
 * resources and stay open. Tokens are checked by {@link BearerTokens} (constant time).
 */
public class BearerTokenFilter {
  static final String DEFAULT_ROLE = "read";

  private static final Logger LOG = Logger.getLogger(BearerTokenFilter.class);

  private final TimerConfig.Auth config;
  private final Map<String, BearerTokens.Token> tokens = new HashMap<>();

  BearerTokenFilter(TimerConfig config) {
    this.config = config.auth();
    this.config
        .tokens()
        .forEach(
            (name, token) ->
                tokens.put(name, new BearerTokens.Token(token.token(), token.roles())));
    if (this.config.enabled() && this.config.tokens().isEmpty()) {
      LOG.warn(
          "slawatch.timer.auth is enabled but no token is configured: every API call will be"
              + " refused (set slawatch.timer.auth.tokens.<name>.token and .roles)");
    }
  }

  @ServerRequestFilter
  public Optional<Response> authenticate(
      ContainerRequestContext request, SimpleResourceInfo resource) {
    if (!config.enabled()) {
      return Optional.empty();
    }
    List<String> allowed = allowedRoles(resource);
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
    if (roles.stream().noneMatch(allowed::contains)) {
      return Optional.of(
          problem(
              403,
              "forbidden",
              "this token lacks the role "
                  + String.join(" or ", allowed)
                  + " for "
                  + request.getMethod()
                  + " "
                  + request.getUriInfo().getPath()));
    }
    return Optional.empty();
  }

  static List<String> allowedRoles(SimpleResourceInfo resource) {
    Roles roles = resource.getResourceClass().getAnnotation(Roles.class);
    return roles == null ? List.of(DEFAULT_ROLE) : Arrays.asList(roles.value());
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
