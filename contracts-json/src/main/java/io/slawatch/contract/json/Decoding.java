package io.slawatch.contract.json;

import io.slawatch.core.event.TicketEvent;
import java.util.List;

/** The outcome of decoding a ticket event: the event, or every violation found. */
public sealed interface Decoding {
  record Valid(TicketEvent event) implements Decoding {}

  record Invalid(List<Violation> violations) implements Decoding {
    public Invalid {
      violations = List.copyOf(violations);
    }
  }
}
