package io.slawatch.intake.api;

import io.slawatch.contract.json.Violation;
import java.util.List;

/** An RFC 9457 problem detail, with the offending fields named. */
public record Problem(
    String type, String title, int status, String detail, List<Violation> violations) {
  public static final String MEDIA_TYPE = "application/problem+json";
}
