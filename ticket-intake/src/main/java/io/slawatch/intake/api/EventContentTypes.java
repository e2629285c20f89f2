package io.slawatch.intake.api;

import io.slawatch.service.problem.ProblemMappers;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** What the events API takes, for its 415 answer. */
@ApplicationScoped
public class EventContentTypes implements ProblemMappers.ContentTypeHint {
  @Override
  public Optional<String> accepted(String path) {
    return path.startsWith("/api/v1/events")
        ? Optional.of(
            "send application/cloudevents+json (structured), application/json with ce-* headers"
                + " (binary) or application/cloudevents-batch+json (batch)")
        : Optional.empty();
  }
}
