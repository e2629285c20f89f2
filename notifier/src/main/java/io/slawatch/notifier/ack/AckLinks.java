package io.slawatch.notifier.ack;

import io.slawatch.notifier.delivery.AckUrls;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, expiring acknowledge links: {@code <public-url>/api/v1/alerts/<id>/ack?expires=<epoch
 * seconds>&sig=<base64url HMAC-SHA256 of "id|expires">}. Anyone holding the link may acknowledge
 * that one alert until it expires; nothing else.
 */
@ApplicationScoped
public class AckLinks implements AckUrls {
  private final AckConfig config;
  private final Clock clock;

  AckLinks(AckConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  /** A link for the alert, when a public URL and a link secret are configured. */
  @Override
  public Optional<URI> forAlert(String alertId) {
    if (config.publicUrl().isEmpty() || config.linkSecret().isEmpty()) {
      return Optional.empty();
    }
    long expires = clock.instant().plus(config.linkValidity()).getEpochSecond();
    String base = config.publicUrl().get().replaceAll("/+$", "");
    return Optional.of(
        URI.create(
            base
                + "/api/v1/alerts/"
                + URLEncoder.encode(alertId, StandardCharsets.UTF_8).replace("+", "%20")
                + "/ack?expires="
                + expires
                + "&sig="
                + sign(config.linkSecret().get(), alertId, expires)));
  }

  /** Why a presented link is refused, or empty when it is valid now. */
  public Optional<String> refusal(String alertId, long expires, String signature) {
    if (config.linkSecret().isEmpty()) {
      return Optional.of("acknowledge links are not enabled");
    }
    byte[] expected =
        sign(config.linkSecret().get(), alertId, expires).getBytes(StandardCharsets.US_ASCII);
    if (signature == null
        || !MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
      return Optional.of("the link's signature does not match");
    }
    if (clock.instant().isAfter(Instant.ofEpochSecond(expires))) {
      return Optional.of("the link expired at " + Instant.ofEpochSecond(expires));
    }
    return Optional.empty();
  }

  static String sign(String secret, String alertId, long expires) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((alertId + "|" + expires).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
