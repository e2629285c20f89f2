package io.slawatch.notifier.policy;

import io.slawatch.core.alert.SlaAlert;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How a policy groups its alerts (Alertmanager-style): the alerts of one type that one target is to
 * get, whose {@link #by fields} have the same values, within one {@link #window} of the first of
 * them, become one notification.
 *
 * @param by the fields whose values make the group key (default customer, clock, level; empty: one
 *     group per target and alert type)
 * @param window how long a group stays open after its first member (empty: the notifier's default;
 *     zero: not grouped, each alert sent at once)
 */
public record Grouping(List<Field> by, Optional<Duration> window) {
  /** The fields a group key may be made of. */
  public enum Field {
    CUSTOMER,
    CLOCK,
    LEVEL,
    PRIORITY,
    PLAN;

    /** The word in the policy file and in the key: {@code customer}, {@code clock}, ... */
    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Customer, clock and level; the notifier's window. */
  public static final Grouping DEFAULT =
      new Grouping(List.of(Field.CUSTOMER, Field.CLOCK, Field.LEVEL), Optional.empty());

  public Grouping {
    by = List.copyOf(by);
    Objects.requireNonNull(window, "window");
    if (window.filter(Duration::isNegative).isPresent()) {
      throw new IllegalArgumentException("a group window is not negative");
    }
    if (by.stream().distinct().count() != by.size()) {
      throw new IllegalArgumentException("a group_by field is named twice");
    }
  }

  /** The window in force: the policy's, else {@code fallback}. */
  public Duration windowOr(Duration fallback) {
    return window.orElse(fallback);
  }

  /**
   * The group key of an alert at an escalation level, e.g. {@code
   * customer=acme,clock=first_response,level=1}: the fields in the policy's order (empty when it
   * groups by nothing).
   */
  public String key(SlaAlert alert, int level) {
    return by.stream()
        .map(field -> field.word() + "=" + value(field, alert, level))
        .collect(Collectors.joining(","));
  }

  private static String value(Field field, SlaAlert alert, int level) {
    return switch (field) {
      case CUSTOMER -> alert.customer().value();
      case CLOCK -> alert.clock().wireName();
      case LEVEL -> Integer.toString(level);
      case PRIORITY -> alert.priority().name();
      case PLAN -> alert.plan();
    };
  }

  /** When a group whose first member joined at {@code first} is sent. */
  public static Instant flushAt(Instant first, Duration window) {
    return first.plus(window);
  }

  /**
   * A group's identity, also its notification's idempotency key: the policy, the target, the alert
   * type, the key and the instant its window opened.
   */
  public static String groupId(
      String policy, String target, String type, String key, Instant opened) {
    return String.join("|", policy, target, type, key, opened.toString());
  }
}
