package io.slawatch.service.auth;

import io.slawatch.service.problem.Problem;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Checks the {@code Authorization: Bearer} token of every API call of a service (every JAX-RS
 * resource: the roles come from {@link Roles}, else the service's default role). Health, metrics
 * and the OpenAPI document are not JAX-RS resources and stay open. Tokens are compared by {@link
 * BearerTokens} (constant time); the caller's token name becomes the request's principal.
 */
public class BearerTokenFilter {
  private static final Logger LOG = Logger.getLogger(BearerTokenFilter.class);

  private final Optional<ApiAuth> auth;

  BearerTokenFilter(Instance<ApiAuth> auth) {
    this.auth = auth.isResolvable() ? Optional.of(auth.get()) : Optional.empty();
    this.auth
        .filter(a -> a.enabled() && a.tokens().isEmpty())
        .ifPresent(
            a ->
                LOG.warnf(
                    "%s is enabled but no token is configured: every API call will be refused"
                        + " (set %s.tokens.<name>.token and .roles)",
                    a.prefix(), a.prefix()));
  }

  @ServerRequestFilter
  public Optional<Response> authenticate(
      ContainerRequestContext request, SimpleResourceInfo resource) {
    if (auth.isEmpty() || !auth.get().enabled()) {
      return Optional.empty();
    }
    List<String> allowed = allowedRoles(resource, auth.get().defaultRole());
    if (allowed.isEmpty() || auth.get().carriesOwnProof(request)) {
      return Optional.empty();
    }
    BearerTokens.Presented.Known known;
    switch (BearerTokens.check(
        request.getHeaderString(HttpHeaders.AUTHORIZATION), auth.get().tokens())) {
      case BearerTokens.Presented.Missing missing -> {
        return Optional.of(problem(401, "unauthenticated", "send Authorization: Bearer <token>"));
      }
      case BearerTokens.Presented.Unknown unknown -> {
        return Optional.of(problem(401, "unauthenticated", "the token is not known"));
      }
      case BearerTokens.Presented.Known k -> known = k;
    }
    if (known.roles().stream().noneMatch(allowed::contains)) {
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
    SecurityContext original = request.getSecurityContext();
    request.setSecurityContext(
        new SecurityContext() {
          @Override
          public Principal getUserPrincipal() {
            return known::name;
          }

          @Override
          public boolean isUserInRole(String role) {
            return known.roles().contains(role);
          }

          @Override
          public boolean isSecure() {
            return original.isSecure();
          }

          @Override
          public String getAuthenticationScheme() {
            return "Bearer";
          }
        });
    return Optional.empty();
  }

  /** The method's {@link Roles}, else its class's, else the default role. */
  static List<String> allowedRoles(SimpleResourceInfo resource, String defaultRole) {
    Roles roles = null;
    try {
      roles =
          resource
              .getResourceClass()
              .getDeclaredMethod(resource.getMethodName(), resource.parameterTypes())
              .getAnnotation(Roles.class);
    } catch (NoSuchMethodException e) {
      // an inherited method: its class's roles
    }
    if (roles == null) {
      roles = resource.getResourceClass().getAnnotation(Roles.class);
    }
    return roles == null ? List.of(defaultRole) : Arrays.asList(roles.value());
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
