package io.slawatch.intake.api;

import io.slawatch.core.event.EventId;
import io.slawatch.core.event.TicketEvent;
import io.slawatch.intake.publish.EventLog;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What became of one event sent to {@code POST /api/v1/events}. */
@Schema(description = "What became of the event")
public record EventResult(
    @Schema(
            description =
                "accepted (stored and published) or duplicate (its source and id were accepted"
                    + " before: not published again)",
            enumeration = {"accepted", "duplicate"})
        String status,
    @Schema(description = "the event's id") String id,
    @Schema(description = "the event's source") String source) {

  static EventResult of(TicketEvent event, EventLog.Acceptance acceptance) {
    return of(event.eventId(), acceptance);
  }

  static EventResult of(EventId event, EventLog.Acceptance acceptance) {
    return new EventResult(acceptance.name().toLowerCase(Locale.ROOT), event.id(), event.source());
  }
}
