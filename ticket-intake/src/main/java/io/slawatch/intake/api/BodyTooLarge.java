package io.slawatch.intake.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.slawatch.service.problem.Problem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body over {@code quarkus.http.limits.max-body-size} is refused by the HTTP layer before any
 * resource runs, with an empty 413. A request whose {@code Content-Length} says it is too large is
 * answered here first, with a problem that says the limit (a chunked one still gets the HTTP
 * layer's bare 413 when it goes over).
 */
@ApplicationScoped
public class BodyTooLarge {
  private final long bytes;

  BodyTooLarge(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
    this.bytes = limit.asLongValue();
  }

  void install(@Observes Router router) {
    router
        .route()
        .order(-3) // before the HTTP layer's own check (order -2)
        .handler(
            ctx -> {
              long length;
              try {
                String header = ctx.request().getHeader("Content-Length");
                length = header == null ? -1 : Long.parseLong(header.trim());
              } catch (NumberFormatException e) {
                length = -1;
              }
              if (length <= bytes) {
                ctx.next();
                return;
              }
              String detail = "The body is too large: at most " + bytes + " bytes are accepted";
              ctx.response()
                  .setStatusCode(413)
                  .putHeader("Content-Type", Problem.MEDIA_TYPE)
                  .end(
                      new JsonObject()
                          .put("type", "https://slawatch.io/problems/body-too-large")
                          .put("title", "Body too large")
                          .put("status", 413)
                          .put("detail", detail)
                          .put("violations", new JsonArray())
                          .encode());
            });
  }
}
