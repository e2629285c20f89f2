package io.slawatch.service.problem;

import io.slawatch.contract.json.Violation;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem detail, with the offending fields named: every error answer of the three
 * services' APIs.
 */
public record Problem(
    String type, String title, int status, String detail, List<Violation> violations) {
  public static final String MEDIA_TYPE = "application/problem+json";

  public Problem {
    violations = List.copyOf(violations);
  }

  /** A problem response under {@code https://slawatch.io/problems/<type>}, to add headers to. */
  public static Response.ResponseBuilder builder(
      int status, String type, String title, String detail, List<Violation> violations) {
    return Response.status(status)
        .type(MEDIA_TYPE)
        .entity(
            new Problem("https://slawatch.io/problems/" + type, title, status, detail, violations));
  }

  public static Response response(
      int status, String type, String title, String detail, List<Violation> violations) {
    return builder(status, type, title, detail, violations).build();
  }

  /** A problem without fields to name. */
  public static Response response(int status, String type, String title, String detail) {
    return builder(status, type, title, detail, List.of()).build();
  }

  /** A problem whose detail lists the violations (or repeats the title when there are none). */
  public static Response response(
      int status, String type, String title, List<Violation> violations) {
    return response(status, type, title, detail(title, violations), violations);
  }

  /** The violations as one line ({@code [field message, …]}), or the title when there are none. */
  public static String detail(String title, List<Violation> violations) {
    return violations.isEmpty()
        ? title
        : violations.stream().map(v -> v.field() + " " + v.message()).toList().toString();
  }
}
