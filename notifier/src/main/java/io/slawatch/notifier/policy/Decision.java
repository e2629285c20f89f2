package io.slawatch.notifier.policy;

import java.util.Locale;
import java.util.Optional;

/** What an escalation step does with one of its targets. */
public sealed interface Decision {
  Target target();

  /** Notify the target, at this address when it is per target. */
  record Notify(Target target, Optional<String> address) implements Decision {}

  /** Leave the target out, for this reason (kept in the audit log). */
  record Skip(Target target, Why why, Optional<String> detail) implements Decision {
    public Skip(Target target, Why why) {
      this(target, why, Optional.empty());
    }

    /** The audit's words: the detail when there is one, else the reason's. */
    public String reason() {
      return detail.orElse(why.text());
    }
  }

  /** Why a target is left out. */
  enum Why {
    US_PERSONS_ONLY("the customer is served by US persons only"),
    OFF_DUTY("outside the target's on-call hours"),
    NO_DESIGNATED_ENGINEER("the customer has no designated engineer"),
    OTHER_REGION("the target serves another region than the customer's");

    private final String text;

    Why(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }

    /** The metric's word: {@code us_persons_only}, {@code off_duty}, ... */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
