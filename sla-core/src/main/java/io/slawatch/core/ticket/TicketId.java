package io.slawatch.core.ticket;

import java.util.Objects;

/** A helpdesk ticket's identifier, unique across sources once qualified by the intake. */
public record TicketId(String value) {
  public TicketId {
    Objects.requireNonNull(value, "ticket id");
    if (value.isBlank()) {
      throw new IllegalArgumentException("ticket id must not be blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
