package io.slawatch.service.problem;

import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The framework's own refusals, and whatever slips through, as RFC 9457 problems like every other
 * error of the services' APIs: never a bare status, never a stack trace to the caller (it goes to
 * the log). A service says which content types a path takes through a {@link ContentTypeHint}.
 */
public class ProblemMappers {
  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  private final Instance<ContentTypeHint> hints;

  ProblemMappers(Instance<ContentTypeHint> hints) {
    this.hints = hints;
  }

  @ServerExceptionMapper
  public Response unsupportedMediaType(NotSupportedException e, UriInfo uri) {
    String path = uri.getPath();
    String detail =
        hints.stream()
            .map(hint -> hint.accepted(path))
            .flatMap(java.util.Optional::stream)
            .findFirst()
            .orElse("send application/json");
    return Problem.response(415, "unsupported-media-type", "Unsupported content type", detail);
  }

  @ServerExceptionMapper
  public Response notAcceptable(NotAcceptableException e) {
    return Problem.response(
        406,
        "not-acceptable",
        "Not acceptable",
        "answers are application/json or application/problem+json");
  }

  @ServerExceptionMapper
  public Response methodNotAllowed(NotAllowedException e) {
    return Problem.response(405, "method-not-allowed", "Method not allowed", e.getMessage());
  }

  @ServerExceptionMapper
  public Response notFound(NotFoundException e) {
    return Problem.response(404, "not-found", "Not found", "no such resource");
  }

  /** Any other refusal by the framework (400…): its status, as a problem. */
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
    return Problem.response(
        status, "http-" + status, title == null ? "Refused" : title, e.getMessage());
  }

  /** A bug or broken infrastructure: logged with its stack trace, answered as a problem. */
  @ServerExceptionMapper
  public Response unexpected(Throwable e) {
    LOG.error("unexpected failure of an API call", e);
    return Problem.response(
        500,
        "internal-error",
        "Internal error",
        "the request could not be answered; the failure is logged");
  }

  /** Which content types a path takes, for the 415 answer. */
  public interface ContentTypeHint {
    /** What to send to this path, if this hint knows it. */
    java.util.Optional<String> accepted(String path);
  }
}
