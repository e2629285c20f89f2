package io.slawatch.notifier.policy;

import io.slawatch.core.alert.AlertKind;
import io.slawatch.core.alert.ClockKind;
import io.slawatch.core.calendar.BusinessCalendar;
import io.slawatch.core.calendar.CalendarReader;
import io.slawatch.core.config.ConfigException;
import io.slawatch.core.config.Tree;
import io.slawatch.core.config.YamlTrees;
import io.slawatch.core.customer.Customer;
import io.slawatch.core.ticket.Priority;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a policy file (YAML): {@code targets} by name and {@code policies} in order. A mistake is a
 * {@link ConfigException} naming the field and the line.
 *
 * <pre>
 * targets:
 *   support-chat: {channel: slack}
 *   l1-mail: {channel: email, address: l1@example.com,
 *             on_call: {zone: Europe/Warsaw, week: {MON: [["08:00", "16:00"]]}}}
 *   l2-pager: {channel: pagerduty, us_person: true}
 *   designated: {channel: email, designated_engineer: true}
 *   oncall-emea: {channel: pagerduty, region: emea}
 *   duty-manager: {channel: email, address: duty@example.com, language: fr, zone: Europe/Paris}
 * policies:
 *   - name: breaches
 *     match: {types: [sla.breached], plans: [eurolinux-*], priorities: [P1, P2]}
 *     page_anytime: false
 *     rounds: 2
 *     language: pl                 # targets without a language of their own
 *     fallback: duty-manager       # a step none of whose targets can take the alert
 *     when_unroutable: fallback    # or wait: for the next on-call window
 *     group_by: [customer, clock, level]   # the default; also priority, plan
 *     group_window: PT10S          # the default (slawatch.notifier.grouping.window); 0: at once
 *     steps:
 *       - {notify: [designated, support-chat, l1-mail], wait: PT15M}
 *       - {notify: [l2-pager], wait: PT30M}
 * </pre>
 */
public final class PolicyReader {
  private final Set<String> channels;
  private final CalendarReader calendars;

  /**
   * @param channels the channel names a target may use
   */
  public PolicyReader(Set<String> channels, CalendarReader calendars) {
    this.channels = Set.copyOf(channels);
    this.calendars = calendars;
  }

  public PolicyBook read(String yaml) {
    Tree.Mapping root = YamlTrees.parse(yaml).asMapping().allowOnly(Set.of("targets", "policies"));
    Map<String, Target> targets = new LinkedHashMap<>();
    for (Map.Entry<String, Tree> entry : root.require("targets").asMapping().fields().entrySet()) {
      targets.put(entry.getKey(), target(entry.getKey(), entry.getValue()));
    }
    List<Policy> policies = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (Tree item : root.require("policies").asSequence().items()) {
      Policy policy = policy(item, targets);
      if (!names.add(policy.name())) {
        throw item.error("a second policy named " + policy.name());
      }
      policies.add(policy);
    }
    return new PolicyBook(targets, policies);
  }

  private Target target(String name, Tree tree) {
    Tree.Mapping fields =
        tree.asMapping()
            .allowOnly(
                Set.of(
                    "channel",
                    "address",
                    "designated_engineer",
                    "us_person",
                    "on_call",
                    "region",
                    "language",
                    "zone"));
    Tree channelTree = fields.require("channel");
    String channel = channelTree.text().trim();
    if (!channels.contains(channel)) {
      throw channelTree.error("\"" + channel + "\" is not a channel (one of " + channels + ")");
    }
    Optional<BusinessCalendar> onCall =
        fields.get("on_call").map(hours -> BusinessCalendar.of(calendars.read(hours)));
    return new Target(
        name,
        channel,
        fields.get("address").map(Tree::text).map(String::trim),
        fields.get("designated_engineer").map(Tree::bool).orElse(false),
        fields.get("us_person").map(Tree::bool).orElse(false),
        onCall,
        fields.get("region").map(PolicyReader::region),
        fields.get("language").map(PolicyReader::language),
        fields.get("zone").map(PolicyReader::zone));
  }

  private static String region(Tree tree) {
    String region = tree.text().trim();
    if (region.isEmpty()) {
      throw tree.error("must name a region (as customer records do, e.g. emea)");
    }
    return region;
  }

  private static Locale language(Tree tree) {
    String tag = tree.text().trim();
    if (!Customer.LANGUAGES.contains(tag)) {
      throw tree.error(
          "\"" + tag + "\" is not one of the messages' languages " + Customer.LANGUAGES);
    }
    return Locale.forLanguageTag(tag);
  }

  private static ZoneId zone(Tree tree) {
    try {
      return ZoneId.of(tree.text().trim());
    } catch (DateTimeException e) {
      throw tree.error("\"" + tree.text() + "\" is not a time zone like Europe/Warsaw");
    }
  }

  private static Policy policy(Tree tree, Map<String, Target> targets) {
    Tree.Mapping fields =
        tree.asMapping()
            .allowOnly(
                Set.of(
                    "name",
                    "match",
                    "steps",
                    "rounds",
                    "page_anytime",
                    "language",
                    "fallback",
                    "when_unroutable",
                    "group_by",
                    "group_window"));
    String name = fields.require("name").text().trim();
    Match match = fields.get("match").map(PolicyReader::match).orElse(Match.ANY);
    List<Step> steps = new ArrayList<>();
    for (Tree item : fields.require("steps").asSequence().items()) {
      steps.add(step(item, targets));
    }
    if (steps.isEmpty()) {
      throw fields.require("steps").error("needs at least one step");
    }
    Tree roundsTree = fields.get("rounds").orElse(null);
    int rounds = roundsTree == null ? 1 : roundsTree.integer();
    if (rounds < 1) {
      throw roundsTree.error("must be at least 1");
    }
    Optional<String> fallback = fields.get("fallback").map(t -> targetName(t, targets));
    Policy.WhenUnroutable whenUnroutable =
        fields
            .get("when_unroutable")
            .map(
                t ->
                    switch (t.text().trim()) {
                      case "fallback" -> Policy.WhenUnroutable.FALLBACK;
                      case "wait" -> Policy.WhenUnroutable.WAIT;
                      default ->
                          throw t.error(
                              "\"" + t.text().trim() + "\" is not one of [fallback, wait]");
                    })
            .orElse(Policy.WhenUnroutable.FALLBACK);
    return new Policy(
        name,
        match,
        steps,
        rounds,
        fields.get("page_anytime").map(Tree::bool).orElse(false),
        fields.get("language").map(PolicyReader::language),
        fallback,
        whenUnroutable,
        new Grouping(
            fields.get("group_by").map(PolicyReader::groupBy).orElse(Grouping.DEFAULT.by()),
            fields.get("group_window").map(PolicyReader::window)));
  }

  private static List<Grouping.Field> groupBy(Tree tree) {
    List<String> allowed =
        Arrays.stream(Grouping.Field.values()).map(Grouping.Field::word).toList();
    List<Grouping.Field> by = new ArrayList<>();
    for (Tree item : tree.asSequence().items()) {
      String word = item.text().trim();
      if (!allowed.contains(word)) {
        throw item.error("\"" + word + "\" is not one of " + allowed);
      }
      Grouping.Field field = Grouping.Field.valueOf(word.toUpperCase(Locale.ROOT));
      if (by.contains(field)) {
        throw item.error("\"" + word + "\" is named twice");
      }
      by.add(field);
    }
    return by;
  }

  /** A group window: an ISO-8601 duration ({@code PT10S}), {@code 0} or {@code PT0S} = at once. */
  private static Duration window(Tree tree) {
    return tree.text().trim().equals("0") ? Duration.ZERO : duration(tree);
  }

  private static String targetName(Tree tree, Map<String, Target> targets) {
    String name = tree.text().trim();
    if (!targets.containsKey(name)) {
      throw tree.error("\"" + name + "\" is not a target (one of " + targets.keySet() + ")");
    }
    return name;
  }

  private static Step step(Tree tree, Map<String, Target> targets) {
    Tree.Mapping fields = tree.asMapping().allowOnly(Set.of("notify", "wait"));
    Tree notifyTree = fields.require("notify");
    List<String> notify = new ArrayList<>();
    for (Tree target : notifyTree.asSequence().items()) {
      notify.add(targetName(target, targets));
    }
    if (notify.isEmpty()) {
      throw notifyTree.error("needs at least one target");
    }
    Duration wait = fields.get("wait").map(PolicyReader::duration).orElse(Duration.ZERO);
    return new Step(notify, wait);
  }

  private static Duration duration(Tree tree) {
    try {
      Duration duration = Duration.parse(tree.text().trim());
      if (duration.isNegative()) {
        throw tree.error("must not be negative");
      }
      return duration;
    } catch (DateTimeParseException e) {
      throw tree.error("\"" + tree.text() + "\" is not an ISO-8601 duration like PT15M");
    }
  }

  private static Match match(Tree tree) {
    Tree.Mapping fields =
        tree.asMapping()
            .allowOnly(
                Set.of("types", "plans", "priorities", "clocks", "customers", "us_persons_only"));
    Set<String> types =
        words(fields, "types", Arrays.stream(AlertKind.values()).map(AlertKind::type).toList());
    Set<String> priorities =
        words(fields, "priorities", Arrays.stream(Priority.values()).map(Enum::name).toList());
    Set<String> clocks = clocks(fields);
    return new Match(
        types,
        List.copyOf(words(fields, "plans", null)),
        priorities,
        clocks,
        List.copyOf(words(fields, "customers", null)),
        fields.get("us_persons_only").map(Tree::bool));
  }

  /**
   * The clocks a policy matches: the built-in ones by name, and any clock a plan defines (the
   * notifier does not read sla-timer's plan files, so a defined name is checked for its form only).
   */
  private static Set<String> clocks(Tree.Mapping fields) {
    List<String> builtIn = Arrays.stream(ClockKind.values()).map(ClockKind::wireName).toList();
    Set<String> clocks = new LinkedHashSet<>();
    for (Tree item : fields.get("clocks").map(t -> t.asSequence().items()).orElse(List.of())) {
      String word = item.text().trim();
      if (!builtIn.contains(word) && !ClockKind.DEFINED_NAME.matcher(word).matches()) {
        throw item.error(
            "\""
                + word
                + "\" is neither a built-in clock "
                + builtIn
                + " nor the name of a clock a plan defines ("
                + ClockKind.DEFINED_NAME.pattern()
                + ")");
      }
      clocks.add(word);
    }
    return clocks;
  }

  private static Set<String> words(Tree.Mapping fields, String key, List<String> allowed) {
    Set<String> words = new LinkedHashSet<>();
    Optional<Tree> list = fields.get(key);
    if (list.isEmpty()) {
      return words;
    }
    for (Tree item : list.get().asSequence().items()) {
      String word = item.text().trim();
      if (allowed != null && !allowed.contains(word)) {
        throw item.error("\"" + word + "\" is not one of " + allowed);
      }
      words.add(word);
    }
    return words;
  }
}
