package io.slawatch.notifier.channel.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One {@code POST} of an HTTP channel: where, its content type, its own headers (the trace context
 * is added to them) and its body. URLs may hold secrets: they are never logged.
 */
public record HttpRequest(
    String url, String contentType, Map<String, String> headers, String body) {
  public HttpRequest {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(contentType, "contentType");
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    Objects.requireNonNull(body, "body");
  }

  /** A JSON body without headers of its own. */
  public static HttpRequest json(String url, String body) {
    return new HttpRequest(url, "application/json", Map.of(), body);
  }
}
