package io.slawatch.notifier.ack;

import io.slawatch.service.auth.BearerTokens;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Bearer tokens for the alert API: acknowledging and snoozing by {@code POST} need the role {@code
 * ack}, reading an alert's history {@code read}. The signed link ({@code GET .../ack} and the
 * {@code POST} of its confirmation form, both with {@code expires} and {@code sig}) carries its own
 * proof and needs no token; health and metrics are open.
 */
public class AckTokenFilter {
  private static final Logger LOG = Logger.getLogger(AckTokenFilter.class);

  private final AckConfig config;
  private final Map<String, BearerTokens.Token> tokens = new HashMap<>();

  AckTokenFilter(AckConfig config) {
    this.config = config;
    config
        .tokens()
        .forEach(
            (name, token) ->
                tokens.put(name, new BearerTokens.Token(token.token(), token.roles())));
    if (config.authEnabled() && config.tokens().isEmpty()) {
      LOG.warn(
          "no slawatch.notifier.ack.tokens are configured: the alert API refuses every call"
              + " (acknowledge links still work when a link secret is set)");
    }
  }

  @ServerRequestFilter
  public Optional<Response> authenticate(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    if (!path.startsWith("/api/v1/alerts/")) {
      return Optional.empty();
    }
    // the signed link (its page, and its form posted back) carries its own proof, checked by the
    // resource; a POST without the link's signature needs a token
    boolean link =
        path.endsWith("/ack")
            && (request.getMethod().equals("GET")
                || request.getUriInfo().getQueryParameters().containsKey("sig"));
    if (link || !config.authEnabled()) {
      return Optional.empty();
    }
    String role = request.getMethod().equals("POST") ? "ack" : "read";
    BearerTokens.Presented.Known known;
    switch (BearerTokens.check(request.getHeaderString(HttpHeaders.AUTHORIZATION), tokens)) {
      case BearerTokens.Presented.Missing missing -> {
        return Optional.of(
            AlertResource.problem(401, "unauthenticated", "send Authorization: Bearer <token>"));
      }
      case BearerTokens.Presented.Unknown unknown -> {
        return Optional.of(AlertResource.problem(401, "unauthenticated", "the token is not known"));
      }
      case BearerTokens.Presented.Known k -> known = k;
    }
    if (!known.roles().contains(role)) {
      return Optional.of(
          AlertResource.problem(403, "forbidden", "this token lacks the role " + role));
    }
    SecurityContext original = request.getSecurityContext();
    request.setSecurityContext(
        new SecurityContext() {
          @Override
          public Principal getUserPrincipal() {
            return known::name;
          }

          @Override
          public boolean isUserInRole(String r) {
            return known.roles().contains(r);
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
}
