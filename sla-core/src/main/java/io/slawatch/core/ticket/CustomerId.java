package io.slawatch.core.ticket;

import java.util.Objects;

/** A customer (the account a support plan belongs to). */
public record CustomerId(String value) {
  public CustomerId {
    Objects.requireNonNull(value, "customer id");
    if (value.isBlank()) {
      throw new IllegalArgumentException("customer id must not be blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
