package io.slawatch.notifier.channel.webhook;

import java.nio.charset.StandardCharsets;

/**
 * Alert ids as HTTP header values ({@code Idempotency-Key}, {@code webhook-id}): every byte of the
 * id's UTF-8 outside visible ASCII, and {@code %} itself, is percent-encoded. Usual ids pass
 * unchanged; a control character can never break a header, a non-Latin id is not mangled, and two
 * distinct ids never share a key (the encoding is one-to-one).
 */
final class HeaderValues {
  private HeaderValues() {}

  static String of(String id) {
    StringBuilder out = null;
    byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xff;
      boolean plain = b > 0x20 && b < 0x7f && b != '%';
      if (plain && out == null) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(bytes.length + 16);
        out.append(new String(bytes, 0, i, StandardCharsets.US_ASCII));
      }
      if (plain) {
        out.append((char) b);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
      }
    }
    return out == null ? id : out.toString();
  }
}
