package io.slawatch.notifier.channel.text;

import io.slawatch.core.alert.SlaAlert;
import io.slawatch.notifier.channel.GroupNotification;
import io.slawatch.notifier.channel.Notification;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The words of a group notification in its reader's language (its first member's): a headline ("12
 * tickets of acme breached first response") and a summary that lists the tickets, at most {@code
 * maxListed} of them ("...: T-1, T-2, T-3 and 9 more").
 */
public final class GroupText {
  private GroupText() {}

  /**
   * The facts (name to value, in the first member's order) that every member of the group shares,
   * said once for the whole group.
   */
  public static java.util.Map<String, String> sharedFacts(GroupNotification group) {
    List<java.util.Map<String, String>> everyones =
        group.members().stream().map(AlertText::facts).toList();
    java.util.Map<String, String> shared = new java.util.LinkedHashMap<>();
    everyones
        .get(0)
        .forEach(
            (name, value) -> {
              if (everyones.stream().allMatch(facts -> value.equals(facts.get(name)))) {
                shared.put(name, value);
              }
            });
    return shared;
  }

  /** The headline: how many tickets of which customers, and what happened to which clock. */
  public static String headline(GroupNotification group) {
    Notification first = group.first();
    AlertMessages words = AlertText.messages(first.language());
    String tickets = words.ticketCount(group.members().size());
    String customers = distinct(group, alert -> alert.customer().value());
    String clocks = distinct(group, alert -> AlertText.clock(alert, words));
    return switch (first.alert().kind()) {
      case BREACHED -> words.groupBreached(tickets, customers, clocks);
      case WARNING -> words.groupWarning(tickets, customers, clocks);
      case UPDATE_DUE -> words.groupUpdateDue(tickets, customers);
      case MET, ENDED ->
          throw new IllegalArgumentException("closing alerts are not grouped: " + group.id());
    };
  }

  /** The headline and the tickets it is about, at most {@code maxListed} of them named. */
  public static String summary(GroupNotification group, int maxListed) {
    AlertMessages words = AlertText.messages(group.first().language());
    return words.listed(headline(group), listing(group, maxListed));
  }

  /** The tickets, at most {@code maxListed} named, then how many more: "T-1, T-2 and 3 more". */
  public static String listing(GroupNotification group, int maxListed) {
    List<String> tickets = tickets(group);
    int shown = Math.max(1, Math.min(maxListed, tickets.size()));
    String named = String.join(", ", tickets.subList(0, shown));
    int more = tickets.size() - shown;
    return more == 0
        ? named
        : named + " " + AlertText.messages(group.first().language()).andMore(more);
  }

  /** The members' ticket ids, in the order they joined. */
  public static List<String> tickets(GroupNotification group) {
    return group.members().stream().map(m -> m.alert().ticket().value()).toList();
  }

  /** The name of the tickets fact in the reader's language. */
  public static String ticketsFact(GroupNotification group) {
    return AlertText.messages(group.first().language()).tickets();
  }

  private static String distinct(
      GroupNotification group, java.util.function.Function<SlaAlert, String> value) {
    return group.members().stream()
        .map(m -> value.apply(m.alert()))
        .distinct()
        .collect(Collectors.joining(", "));
  }
}
