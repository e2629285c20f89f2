package io.slawatch.timer.api;

import io.slawatch.contract.json.Violation;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** An RFC 9457 problem detail, with the offending fields named. */
public record Problem(
    String type, String title, int status, String detail, List<Violation> violations) {
  public static final String MEDIA_TYPE = "application/problem+json";

  /** A problem response under {@code https://slawatch.io/problems/<type>}, to add headers to. */
  public static Response.ResponseBuilder builder(
      int status, String type, String title, String detail, List<Violation> violations) {
    return Response.status(status)
        .type(MEDIA_TYPE)
        .entity(
            new Problem("https://slawatch.io/problems/" + type, title, status, detail, violations));
  }

  /** A problem whose detail lists the violations (or repeats the title when there are none). */
  static Response response(int status, String type, String title, List<Violation> violations) {
    return builder(
            status,
            type,
            title,
            violations.isEmpty()
                ? title
                : violations.stream().map(v -> v.field() + " " + v.message()).toList().toString(),
            violations)
        .build();
  }
}
