package io.slawatch.notifier.channel;

import java.util.List;
import java.util.Objects;

/**
 * One notification for a group of alerts of one type to one target: what a grouping channel
 * delivers instead of one notification per alert.
 *
 * @param id the group's identity (policy, target, type, key and the instant its window opened): the
 *     notification's idempotency key
 * @param key the group key ({@code customer=acme,clock=first_response,level=1}): PagerDuty's {@code
 *     dedup_key}
 * @param members the alerts still open when the group is sent (not acknowledged or resolved), each
 *     as it would have been notified alone, in the order they joined; never empty
 */
public record GroupNotification(String id, String key, List<Notification> members) {
  public GroupNotification {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(key, "key");
    members = List.copyOf(members);
    if (members.isEmpty()) {
      throw new IllegalArgumentException("a group notification has at least one member");
    }
  }

  /** The first member: its target, language, zone and level are the group's. */
  public Notification first() {
    return members.get(0);
  }
}
