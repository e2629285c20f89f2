package io.slawatch.core.plan;

import java.util.Objects;

/** A clock's promise: a target on a calendar. */
public record ClockTerms(Target target, Coverage coverage) {
  public ClockTerms {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(coverage, "coverage");
  }

  /**
   * The target in the plan's words, for people: {@code 4 business hours}, {@code 1 business day},
   * {@code 1 hour, 24x7}, {@code 4 hours, 08:00-20:00 on business days}.
   */
  public String words() {
    return switch (target) {
      case Target.BusinessDays days -> days.toString();
      case Target.BusinessTime time ->
          switch (coverage) {
            case Coverage.BusinessHours hours -> amount(time.duration(), "business ");
            case Coverage.AlwaysOpen always -> amount(time.duration(), "") + ", 24x7";
            case Coverage.BusinessDayHours day ->
                amount(time.duration(), "")
                    + ", "
                    + day.from()
                    + "-"
                    + day.to()
                    + " on business days";
          };
    };
  }

  private static String amount(java.time.Duration d, String kind) {
    long hours = d.toHours();
    long minutes = d.toMinutesPart();
    String h = hours == 0 ? "" : hours + " " + kind + (hours == 1 ? "hour" : "hours");
    String m =
        minutes == 0
            ? ""
            : minutes + " " + (h.isEmpty() ? kind : "") + (minutes == 1 ? "minute" : "minutes");
    if (h.isEmpty() && m.isEmpty()) {
      return d.toSeconds() + " " + kind + "seconds";
    }
    return h.isEmpty() ? m : m.isEmpty() ? h : h + " " + m;
  }

  @Override
  public String toString() {
    return target + " on " + coverage;
  }
}
