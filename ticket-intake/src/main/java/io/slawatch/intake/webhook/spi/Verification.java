package io.slawatch.intake.webhook.spi;

/** Whether a delivery proved it came from the helpdesk, naming the header when it did not. */
public sealed interface Verification {
  record Verified() implements Verification {}

  /** The header carrying the signature or token is absent. */
  record Missing(String header) implements Verification {
    public String message() {
      return header + " is missing";
    }
  }

  /** The header is there but does not match the body and the source's secret. */
  record Mismatch(String header) implements Verification {
    public String message() {
      return header + " does not match the body";
    }
  }

  Verification VERIFIED = new Verified();

  /** {@code Missing} when the header is absent, else verified or mismatch. */
  static Verification check(String header, java.util.Optional<String> value, boolean matches) {
    if (value.isEmpty()) {
      return new Missing(header);
    }
    return matches ? VERIFIED : new Mismatch(header);
  }
}
