package io.slawatch.core.alert;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The SLA clock an alert is about: one of the four built-in clocks ({@link #FIRST_RESPONSE}, {@link
 * #NEXT_RESPONSE}, {@link #UPDATE}, {@link #RESOLUTION}), or a clock a plan file defines by name
 * ({@code hardware_replacement}, {@code rca}).
 *
 * <p>A value object with the built-ins as constants: a built-in clock is always the same instance
 * (so {@code ==} works for them, as it did when this was an enum), {@link #ofWireName} gives the
 * constant for a built-in name and a defined clock for any other valid name.
 */
public final class ClockKind implements Comparable<ClockKind> {
  /** A defined clock's name: a lower-case token, like the built-ins' wire names. */
  public static final Pattern DEFINED_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  public static final ClockKind FIRST_RESPONSE = new ClockKind("first_response", 0);
  public static final ClockKind NEXT_RESPONSE = new ClockKind("next_response", 1);
  public static final ClockKind UPDATE = new ClockKind("update", 2);
  public static final ClockKind RESOLUTION = new ClockKind("resolution", 3);

  private static final List<ClockKind> BUILT_IN =
      List.of(FIRST_RESPONSE, NEXT_RESPONSE, UPDATE, RESOLUTION);

  private final String wireName;

  /** The built-ins' order (0..3); defined clocks come after them, by name. */
  private final int rank;

  private ClockKind(String wireName, int rank) {
    this.wireName = wireName;
    this.rank = rank;
  }

  /** The four built-in clocks, in their usual order. */
  public static ClockKind[] values() {
    return BUILT_IN.toArray(ClockKind[]::new);
  }

  /**
   * A clock a plan defines: {@code name} matches {@link #DEFINED_NAME} and is not a built-in's.
   *
   * @throws IllegalArgumentException otherwise
   */
  public static ClockKind defined(String name) {
    Objects.requireNonNull(name, "name");
    if (builtIn(name) != null) {
      throw new IllegalArgumentException(name + " is a built-in clock");
    }
    if (!DEFINED_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "not a clock name (" + DEFINED_NAME.pattern() + "): " + name);
    }
    return new ClockKind(name, BUILT_IN.size());
  }

  /**
   * The clock of this wire name: a built-in's constant, else a defined clock.
   *
   * @throws IllegalArgumentException for a name no clock can have
   */
  public static ClockKind ofWireName(String name) {
    Objects.requireNonNull(name, "name");
    ClockKind builtIn = builtIn(name.toLowerCase(Locale.ROOT));
    return builtIn != null ? builtIn : defined(name);
  }

  private static ClockKind builtIn(String name) {
    for (ClockKind kind : BUILT_IN) {
      if (kind.wireName.equals(name)) {
        return kind;
      }
    }
    return null;
  }

  public String wireName() {
    return wireName;
  }

  /** Whether a plan file defines this clock (it is not one of the four built-ins). */
  public boolean isDefined() {
    return rank == BUILT_IN.size();
  }

  /** As the enum it was: {@code FIRST_RESPONSE} for a built-in; a defined clock's name. */
  public String name() {
    return isDefined() ? wireName : wireName.toUpperCase(Locale.ROOT);
  }

  @Override
  public int compareTo(ClockKind other) {
    int byRank = Integer.compare(rank, other.rank);
    return byRank != 0 ? byRank : wireName.compareTo(other.wireName);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClockKind other && other.wireName.equals(wireName);
  }

  @Override
  public int hashCode() {
    return wireName.hashCode();
  }

  @Override
  public String toString() {
    return name();
  }
}
