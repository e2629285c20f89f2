package io.slawatch.core.engagement;

import io.slawatch.core.event.EventId;
import java.util.Objects;

/**
 * An event the replay refused because it breaks a rule that needs the engagement's state (a remote
 * booking that is not whole 4-hour blocks): {@code field} is named as the codec names it ({@code
 * data.duration}).
 */
public record BookingViolation(EventId event, String field, String message) {
  public BookingViolation {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }
}
