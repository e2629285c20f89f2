package io.slawatch.service.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one bearer-token check of the services' APIs: which configured token an {@code Authorization:
 * Bearer <token>} header presents. Every configured token is compared, in constant time, whatever
 * matches, so the time taken tells neither which token nor whether any matched. Each service maps
 * its own paths to roles and answers its own problems.
 */
public final class BearerTokens {
  private BearerTokens() {}

  /** What the header presents. */
  public sealed interface Presented {
    /** No {@code Authorization: Bearer} header. */
    record Missing() implements Presented {}

    /** A bearer token that is not configured. */
    record Unknown() implements Presented {}

    /** A configured token: its name and roles. */
    record Known(String name, List<String> roles) implements Presented {}
  }

  /**
   * @param tokens token name → (secret, roles)
   */
  public static Presented check(String authorization, Map<String, Token> tokens) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return new Presented.Missing();
    }
    byte[] presented = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
    Optional<Presented> found = Optional.empty();
    for (Map.Entry<String, Token> token : tokens.entrySet()) {
      boolean equal =
          MessageDigest.isEqual(
              token.getValue().secret().getBytes(StandardCharsets.UTF_8), presented);
      if (equal && found.isEmpty()) {
        found = Optional.of(new Presented.Known(token.getKey(), token.getValue().roles()));
      }
    }
    return found.orElseGet(Presented.Unknown::new);
  }

  /** A configured token: its secret and roles. */
  public record Token(String secret, List<String> roles) {
    public Token {
      roles = List.copyOf(roles);
    }
  }
}
