package io.slawatch.intake.api;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The framework's own refusals, as RFC 9457 problems like every other error of the API. */
public class ProblemMappers {
  @ServerExceptionMapper
  public Response unsupportedMediaType(NotSupportedException e, UriInfo uri) {
    String path = uri.getPath();
    String detail =
        path.startsWith("/api/v1/events")
            ? "send application/cloudevents+json (structured), application/json with ce-* headers"
                + " (binary) or application/cloudevents-batch+json (batch)"
            : "send application/json";
    return problem(415, "unsupported-media-type", "Unsupported content type", detail);
  }

  @ServerExceptionMapper
  public Response methodNotAllowed(NotAllowedException e) {
    return problem(405, "method-not-allowed", "Method not allowed", e.getMessage());
  }

  @ServerExceptionMapper
  public Response notFound(NotFoundException e) {
    return problem(404, "not-found", "Not found", "no such resource");
  }

  static Response problem(int status, String type, String title, String detail) {
    return Problem.response(status, type, title, detail, List.of());
  }
}
