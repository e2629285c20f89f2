package io.slawatch.core.ticket;

import java.util.Locale;
import java.util.Optional;

/** The canonical ticket statuses of the event contract. */
public enum TicketStatus {
  NEW,
  OPEN,
  PENDING,
  ON_HOLD,
  SOLVED,
  CLOSED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean isFinished() {
    return this == SOLVED || this == CLOSED;
  }

  public static Optional<TicketStatus> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    for (TicketStatus status : values()) {
      if (status.wireName().equals(text.trim().toLowerCase(Locale.ROOT))) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}
