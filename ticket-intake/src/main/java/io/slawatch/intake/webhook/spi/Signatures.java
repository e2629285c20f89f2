package io.slawatch.intake.webhook.spi;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC signatures and shared tokens of webhook deliveries, compared in constant time. */
public final class Signatures {
  private Signatures() {}

  public static byte[] hmac(String algorithm, String secret, byte[]... parts) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
      for (byte[] part : parts) {
        mac.update(part);
      }
      return mac.doFinal();
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String hmacHex(String algorithm, String secret, byte[] body) {
    return HexFormat.of().formatHex(hmac(algorithm, secret, body));
  }

  /** Zendesk's: base64 of HMAC-SHA256 over the timestamp header's text followed by the body. */
  public static String zendesk(String secret, String timestamp, byte[] body) {
    return Base64.getEncoder()
        .encodeToString(
            hmac("HmacSHA256", secret, timestamp.getBytes(StandardCharsets.UTF_8), body));
  }

  /** Constant-time comparison of two texts (a signature or a shared token). */
  public static boolean same(String expected, String presented) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A {@code <prefix>=<hex HMAC of the body>} header ({@code X-Hub-Signature-256: sha256=…} of
   * GitHub and Jira, {@code X-Hub-Signature: sha1=…} of Zammad).
   */
  public static Verification prefixedHex(
      String header,
      Optional<String> value,
      String prefix,
      String algorithm,
      String secret,
      byte[] body) {
    return Verification.check(
        header,
        value,
        value.isPresent()
            && same(prefix + "=" + hmacHex(algorithm, secret, body), value.get().trim()));
  }

  /** GitHub's {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>}. */
  public static boolean validGitHub(String header, String secret, byte[] body) {
    return prefixedHex(
            "X-Hub-Signature-256",
            Optional.ofNullable(header),
            "sha256",
            "HmacSHA256",
            secret,
            body)
        instanceof Verification.Verified;
  }

  public static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
