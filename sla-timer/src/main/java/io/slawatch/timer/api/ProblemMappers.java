package io.slawatch.timer.api;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The framework's own refusals, and whatever slips through, as RFC 9457 problems like every other
 * error of the API: never a bare status, never a stack trace to the caller.
 */
public class ProblemMappers {
  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @ServerExceptionMapper
  public Response unsupportedMediaType(NotSupportedException e) {
    return problem(
        415, "unsupported-media-type", "Unsupported content type", "send application/json");
  }

  @ServerExceptionMapper
  public Response notAcceptable(NotAcceptableException e) {
    return problem(
        406,
        "not-acceptable",
        "Not acceptable",
        "answers are application/json or application/problem+json");
  }

  @ServerExceptionMapper
  public Response methodNotAllowed(NotAllowedException e) {
    return problem(405, "method-not-allowed", "Method not allowed", e.getMessage());
  }

  /** Any other refusal by the framework (404, 400…): its status, as a problem. */
  @ServerExceptionMapper
  public Response refused(WebApplicationException e) {
    Response original = e.getResponse();
    if (original.hasEntity()) {
      return original;
    }
    int status = original.getStatus();
    if (status >= 500) {
      return unexpected(e);
    }
    String title = original.getStatusInfo().getReasonPhrase();
    return problem(status, "http-" + status, title == null ? "Refused" : title, e.getMessage());
  }

  /** A bug or broken infrastructure: logged with its stack trace, answered as a problem. */
  @ServerExceptionMapper
  public Response unexpected(Throwable e) {
    LOG.error("unexpected failure of an API call", e);
    return problem(
        500,
        "internal-error",
        "Internal error",
        "the request could not be answered; the failure is logged");
  }

  private static Response problem(int status, String type, String title, String detail) {
    return Problem.builder(status, type, title, detail, List.of()).build();
  }
}
