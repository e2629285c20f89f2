package io.slawatch.core.plan;

import io.slawatch.core.alert.ClockKind;
import java.util.Objects;
import java.util.Optional;

/** Everything a plan promises for one canonical priority. */
public record PriorityTerms(
    ClockTerms firstResponse,
    Optional<ClockTerms> nextResponse,
    Optional<UpdateCadence> update,
    Optional<ClockTerms> resolution) {
  public PriorityTerms {
    Objects.requireNonNull(firstResponse, "firstResponse");
    Objects.requireNonNull(nextResponse, "nextResponse");
    Objects.requireNonNull(update, "update");
    Objects.requireNonNull(resolution, "resolution");
  }

  /**
   * The terms of a response-like clock ({@code UPDATE} gives the cadence's terms, or for "on status
   * change" the first-response terms).
   */
  public Optional<ClockTerms> terms(ClockKind clock) {
    return switch (clock) {
      case FIRST_RESPONSE -> Optional.of(firstResponse);
      case NEXT_RESPONSE -> nextResponse;
      case RESOLUTION -> resolution;
      case UPDATE ->
          update.map(
              cadence ->
                  switch (cadence) {
                    case UpdateCadence.Every every -> every.terms();
                    case UpdateCadence.OnStatusChange change -> firstResponse;
                  });
    };
  }
}
