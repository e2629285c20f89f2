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
   * The terms of a built-in clock ({@code UPDATE} gives the cadence's terms, or for "on status
   * change" the first-response terms); empty for a clock a plan defines by name.
   */
  public Optional<ClockTerms> terms(ClockKind clock) {
    if (clock.equals(ClockKind.FIRST_RESPONSE)) {
      return Optional.of(firstResponse);
    }
    if (clock.equals(ClockKind.NEXT_RESPONSE)) {
      return nextResponse;
    }
    if (clock.equals(ClockKind.RESOLUTION)) {
      return resolution;
    }
    if (clock.equals(ClockKind.UPDATE)) {
      return update.map(
          cadence ->
              switch (cadence) {
                case UpdateCadence.Every every -> every.terms();
                case UpdateCadence.OnStatusChange change -> firstResponse;
              });
    }
    return Optional.empty();
  }
}
