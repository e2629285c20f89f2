package io.slawatch.contract.json;

import io.slawatch.core.engagement.EngagementEvent;
import java.util.List;

/** The outcome of decoding an engagement event: the event, or every violation found. */
public sealed interface EngagementDecoding {
  record Valid(EngagementEvent event) implements EngagementDecoding {}

  record Invalid(List<Violation> violations) implements EngagementDecoding {
    public Invalid {
      violations = List.copyOf(violations);
    }
  }
}
