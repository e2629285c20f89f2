package io.slawatch.core.event;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The rule for a ticket's URL in the helpdesk (where an engineer opens it): an absolute {@code
 * http} or {@code https} URI with a host, at most {@value #MAX_LENGTH} characters.
 */
public final class TicketUrls {
  public static final int MAX_LENGTH = 2048;

  private TicketUrls() {}

  /** Why this text cannot be a ticket URL, if it cannot. */
  public static Optional<String> problem(String text) {
    if (text.length() > MAX_LENGTH) {
      return Optional.of(
          "is " + text.length() + " characters long; at most " + MAX_LENGTH + " are accepted");
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      return Optional.of("must be an absolute http or https URL (" + e.getReason() + ")");
    }
    return problem(uri);
  }

  /** Why this URI cannot be a ticket URL, if it cannot. */
  public static Optional<String> problem(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
      return Optional.of("must be an absolute http or https URL");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      return Optional.of("must be an absolute http or https URL with a host");
    }
    if (uri.toString().length() > MAX_LENGTH) {
      return Optional.of(
          "is "
              + uri.toString().length()
              + " characters long; at most "
              + MAX_LENGTH
              + " are accepted");
    }
    return Optional.empty();
  }

  /**
   * The text as a ticket URL, or empty when it is not one (for adapters reading a helpdesk's
   * payload: a URL slawatch cannot use is left out rather than losing the ticket).
   */
  public static Optional<URI> parse(String text) {
    if (text == null || text.isBlank() || problem(text).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(URI.create(text));
  }

  /** The URL itself, or an {@link IllegalArgumentException} naming why it is not a ticket URL. */
  static URI require(URI uri) {
    problem(uri)
        .ifPresent(
            p -> {
              throw new IllegalArgumentException("ticket URL " + p + ": " + uri);
            });
    return uri;
  }
}
