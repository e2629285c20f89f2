package io.slawatch.intake.customer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A customer record as the API answers it: the fields of {@code CustomerCodec.toJson}, under the
 * same names (what is absent from the record stays absent from the answer).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Customer", description = "A customer record")
public record CustomerDocument(
    @Schema(required = true) String id,
    @Schema(required = true) String name,
    @Schema(required = true, description = "a plan name (a preset or one of the extra plans)")
        String plan,
    @Schema(required = true, description = "an IANA time zone id, e.g. Europe/Warsaw") String zone,
    @Schema(
            type = SchemaType.OBJECT,
            description = "the business calendar (zone, week, holidays), when not the zone's",
            nullable = true)
        JsonNode calendar,
    @Schema(description = "language of messages, e.g. en") String language,
    @JsonProperty("premium_contacts")
        @Schema(description = "requesters entitled to the premium treatment")
        List<String> premiumContacts,
    @JsonProperty("designated_engineer") @Schema(nullable = true) String designatedEngineer,
    @Schema(nullable = true) String region,
    @JsonProperty("us_persons_only") Boolean usPersonsOnly,
    @JsonProperty("report_recipients")
        @Schema(
            description =
                "e-mail addresses that receive the customer's compliance reports (plans with"
                    + " sla_reports), at most 20",
            nullable = true)
        List<String> reportRecipients) {

  /** Reads records as the codec writes them: a field this record does not know is an error. */
  public static ObjectReader reader(ObjectMapper mapper) {
    return mapper
        .readerFor(CustomerDocument.class)
        .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }
}
