package io.slawatch.intake.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.slawatch.contract.json.Violation;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What became of the event at {@code index} of a batch: its result, or {@code invalid} with the
 * offending fields.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "What became of one event of a batch")
public record BatchResult(
    @Schema(description = "the event's position in the batch, from 0") int index,
    @Schema(enumeration = {"accepted", "duplicate", "invalid"}) String status,
    @Schema(description = "the event's id (not for an invalid one)", nullable = true) String id,
    @Schema(description = "the event's source (not for an invalid one)", nullable = true)
        String source,
    @Schema(description = "what is wrong with an invalid event", nullable = true)
        List<Violation> violations) {

  static BatchResult of(int index, EventResult result) {
    return new BatchResult(index, result.status(), result.id(), result.source(), null);
  }

  static BatchResult invalid(int index, List<Violation> violations) {
    return new BatchResult(index, "invalid", null, null, List.copyOf(violations));
  }
}
