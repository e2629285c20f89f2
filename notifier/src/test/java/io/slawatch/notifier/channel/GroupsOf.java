package io.slawatch.notifier.channel;

import io.slawatch.notifier.testdata.AnAlert;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;

/** Test groups: {@code size} breaches of customer acme's first response, tickets T-1 to T-size. */
public final class GroupsOf {
  private GroupsOf() {}

  public static GroupNotification breaches(int size) {
    List<Notification> members =
        IntStream.rangeClosed(1, size)
            .mapToObj(
                i ->
                    new Notification(
                        AnAlert.breach().ticket("T-" + i).build(),
                        "{}",
                        "chat",
                        Optional.empty(),
                        Locale.ENGLISH,
                        1,
                        Optional.empty(),
                        Optional.empty()))
            .toList();
    return new GroupNotification(
        "p|chat|sla.breached|customer=acme,clock=first_response,level=1|t",
        "customer=acme,clock=first_response,level=1",
        members);
  }
}
