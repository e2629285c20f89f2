package io.slawatch.intake.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What became of a helpdesk's webhook delivery. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "What became of the delivery")
public record WebhookReply(
    @Schema(
            description =
                "accepted (stored and published), duplicate (accepted before: not published"
                    + " again) or ignored (nothing an SLA clock depends on)",
            enumeration = {"accepted", "duplicate", "ignored"})
        String status,
    @Schema(description = "why it was ignored", nullable = true) String reason,
    @Schema(description = "the types of the canonical events it meant", nullable = true)
        List<String> events) {

  static WebhookReply ignored(String reason) {
    return new WebhookReply("ignored", reason, null);
  }

  static WebhookReply events(String status, List<String> types) {
    return new WebhookReply(status, null, List.copyOf(types));
  }
}
