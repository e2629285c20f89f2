package io.slawatch.intake.api;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The framework's own refusals, as RFC 9457 problems like every other error of the API. */
public class ProblemMappers {
  @ServerExceptionMapper
  public Response unsupportedMediaType(NotSupportedException e) {
    return problem(
        415,
        "unsupported-media-type",
        "Unsupported content type",
        "send application/cloudevents+json (structured), application/json with ce-* headers"
            + " (binary) or application/cloudevents-batch+json (batch)");
  }

  @ServerExceptionMapper
  public Response methodNotAllowed(NotAllowedException e) {
    return problem(405, "method-not-allowed", "Method not allowed", e.getMessage());
  }

  static Response problem(int status, String type, String title, String detail) {
    return Problem.response(status, type, title, detail, List.of());
  }
}
