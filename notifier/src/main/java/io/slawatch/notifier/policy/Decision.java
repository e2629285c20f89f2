package io.slawatch.notifier.policy;

import java.util.Optional;

/** What an escalation step does with one of its targets. */
public sealed interface Decision {
  Target target();

  /** Notify the target, at this address when it is per target. */
  record Notify(Target target, Optional<String> address) implements Decision {}

  /** Leave the target out, for this reason (kept in the audit log). */
  record Skip(Target target, String reason) implements Decision {}
}
