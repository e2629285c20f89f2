package io.slawatch.notifier.channel.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signature (standardwebhooks.com): {@code webhook-id}, {@code
 * webhook-timestamp} (seconds) and {@code webhook-signature} = {@code v1,} + base64 of HMAC-SHA256
 * over {@code id.timestamp.body}, keyed by the base64 secret after its {@code whsec_} prefix.
 */
public final class StandardWebhooks {
  private StandardWebhooks() {}

  public static Map<String, String> headers(
      String secret, String id, long epochSeconds, String body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("webhook-id", id);
    headers.put("webhook-timestamp", Long.toString(epochSeconds));
    headers.put("webhook-signature", "v1," + sign(secret, id, epochSeconds, body));
    return headers;
  }

  static String sign(String secret, String id, long epochSeconds, String body) {
    String encoded = secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret;
    byte[] key;
    try {
      key = Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "slawatch.notifier.webhook.secret must be whsec_ followed by base64", e);
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] signature =
          mac.doFinal((id + "." + epochSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(signature);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
