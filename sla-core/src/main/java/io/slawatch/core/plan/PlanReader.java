package io.slawatch.core.plan;

import io.slawatch.core.alert.ClockKind;
import io.slawatch.core.config.ConfigException;
import io.slawatch.core.config.Tree;
import io.slawatch.core.config.YamlTrees;
import io.slawatch.core.event.TicketEvent;
import io.slawatch.core.ticket.Priority;
import io.slawatch.core.ticket.TicketStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads a plan file (YAML); a mistake is rejected naming its field and line. */
public final class PlanReader {
  private static final Set<String> FIELDS =
      Set.of(
          "name",
          "title",
          "source",
          "priorities",
          "warnings",
          "pause_statuses",
          "clocks",
          "defined_clocks",
          "entitlements");
  private static final Set<String> DEFINED_CLOCK =
      Set.of("title", "start_on", "stop_on", "pause_on", "targets", "warnings");
  private static final Set<String> CONDITION =
      Set.of("event", "name", "status", "priority", "channel");
  private static final Set<String> STATE = Set.of("status", "priority", "channel");
  private static final String ANY_PRIORITY = "any";
  private static final Set<String> CLOCKS =
      Set.of("first_response", "next_response", "update", "resolution");
  private static final Set<String> ENTITLEMENTS =
      Set.of(
          "channels",
          "premium_contacts",
          "non_premium_contact_plan",
          "triage_level",
          "level3_support",
          "phone_support",
          "support_24x7_english",
          "enhanced_updates_and_reports",
          "sla_reports",
          "professional_services_hours",
          "rca_for_p1",
          "designated_engineer",
          "executive_sponsor",
          "us_persons_only",
          "onsite_support",
          "languages",
          "escalation_path",
          "extras");
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final List<WarningThreshold> DEFAULT_WARNINGS =
      List.of(new WarningThreshold.Percent(75), new WarningThreshold.Percent(90));

  private PlanReader() {}

  public static SupportPlan read(Path file) {
    try {
      return read(Files.readString(file));
    } catch (IOException e) {
      throw new ConfigException("", 0, "cannot read plan file " + file + ": " + e.getMessage());
    }
  }

  public static SupportPlan read(String yaml) {
    Tree.Mapping plan = YamlTrees.parse(yaml).asMapping().allowOnly(FIELDS);
    Tree nameTree = plan.require("name");
    String name = nameTree.text().trim();
    if (!NAME.matcher(name).matches()) {
      throw nameTree.error("\"" + name + "\" is not a plan name (lower-case letters, digits, -)");
    }
    return new SupportPlan(
        name,
        plan.get("title").map(Tree::text).orElse(name),
        plan.get("source").map(Tree::text).orElse(""),
        plan.get("priorities").map(PlanReader::vocabulary).orElse(Map.of()),
        clocks(plan.require("clocks")),
        plan.get("warnings").map(PlanReader::warnings).orElse(DEFAULT_WARNINGS),
        plan.get("pause_statuses")
            .map(PlanReader::statuses)
            .orElse(Set.of(TicketStatus.PENDING, TicketStatus.ON_HOLD)),
        plan.get("entitlements").map(PlanReader::entitlements).orElseGet(PlanReader::none),
        plan.get("defined_clocks").map(PlanReader::definedClocks).orElse(List.of()));
  }

  private static Priority priority(String key, Tree at) {
    return Priority.parse(key)
        .orElseThrow(() -> at.error("not a canonical priority (P1, P2, P3, P4)"));
  }

  private static Map<String, Priority> vocabulary(Tree tree) {
    Map<String, Priority> words = new HashMap<>();
    for (Map.Entry<String, Tree> entry : tree.asMapping().fields().entrySet()) {
      Priority priority = priority(entry.getKey(), entry.getValue());
      for (Tree word : entry.getValue().asSequence().items()) {
        String key = word.text().trim().toLowerCase(Locale.ROOT);
        Priority previous = words.put(key, priority);
        if (previous != null && previous != priority) {
          throw word.error("\"" + key + "\" already means " + previous);
        }
      }
    }
    return words;
  }

  private static Map<Priority, PriorityTerms> clocks(Tree tree) {
    Tree.Mapping byPriority = tree.asMapping();
    Map<Priority, PriorityTerms> terms = new EnumMap<>(Priority.class);
    for (Map.Entry<String, Tree> entry : byPriority.fields().entrySet()) {
      terms.put(priority(entry.getKey(), entry.getValue()), priorityTerms(entry.getValue()));
    }
    for (Priority priority : Priority.values()) {
      if (!terms.containsKey(priority)) {
        throw new ConfigException(
            byPriority.child(priority.name()),
            tree.line(),
            "is required (every priority needs terms)");
      }
    }
    return terms;
  }

  private static PriorityTerms priorityTerms(Tree tree) {
    Tree.Mapping clocks = tree.asMapping().allowOnly(CLOCKS);
    return new PriorityTerms(
        clockTerms(clocks.require("first_response")),
        clocks.get("next_response").map(PlanReader::clockTerms),
        clocks.get("update").map(PlanReader::update),
        clocks.get("resolution").map(PlanReader::clockTerms));
  }

  private static ClockTerms clockTerms(Tree tree) {
    Tree.Mapping fields = tree.asMapping().allowOnly(Set.of("target", "calendar"));
    return new ClockTerms(target(fields.require("target")), coverage(fields.require("calendar")));
  }

  private static UpdateCadence update(Tree tree) {
    if (tree instanceof Tree.Scalar scalar) {
      if ("on_status_change".equals(scalar.value())) {
        return new UpdateCadence.OnStatusChange();
      }
      throw tree.error("an update is on_status_change or {every: <target>, calendar: <calendar>}");
    }
    Tree.Mapping fields = tree.asMapping().allowOnly(Set.of("every", "calendar"));
    return new UpdateCadence.Every(
        new ClockTerms(target(fields.require("every")), coverage(fields.require("calendar"))));
  }

  // ---- clocks defined by name (defined_clocks)

  private static List<DefinedClock> definedClocks(Tree tree) {
    List<DefinedClock> clocks = new ArrayList<>();
    for (Map.Entry<String, Tree> entry : tree.asMapping().fields().entrySet()) {
      clocks.add(definedClock(entry.getKey(), entry.getValue()));
    }
    return clocks;
  }

  private static DefinedClock definedClock(String name, Tree tree) {
    ClockKind kind;
    try {
      kind = ClockKind.defined(name);
    } catch (IllegalArgumentException e) {
      throw tree.error(
          java.util.Arrays.stream(ClockKind.values()).anyMatch(k -> k.wireName().equals(name))
              ? "is a built-in clock: a defined clock needs a name of its own"
              : "\""
                  + name
                  + "\" is not a clock name (lower-case letters, digits and _, starting with a"
                  + " letter, at most 64)");
    }
    Tree.Mapping fields = tree.asMapping().allowOnly(DEFINED_CLOCK);
    return new DefinedClock(
        kind,
        fields.get("title").map(Tree::text).orElse(name),
        conditions(fields.require("start_on"), true),
        conditions(fields.require("stop_on"), true),
        fields.get("pause_on").map(t -> conditions(t, false)).orElse(List.of()),
        targets(fields.require("targets")),
        fields.get("warnings").map(PlanReader::warnings));
  }

  /** One condition (a mapping) or several (a list: any of them). */
  private static List<ClockCondition> conditions(Tree tree, boolean onEvent) {
    List<Tree> items = tree instanceof Tree.Sequence list ? list.items() : List.of(tree);
    if (items.isEmpty()) {
      throw tree.error("needs at least one condition");
    }
    return items.stream().map(item -> condition(item, onEvent)).toList();
  }

  private static ClockCondition condition(Tree tree, boolean onEvent) {
    Tree.Mapping fields = tree.asMapping();
    if (!onEvent) {
      for (String eventField : List.of("event", "name")) {
        fields
            .get(eventField)
            .ifPresent(
                t -> {
                  throw t.error(
                      "pause_on is a state of the ticket (status, priority, channel), not an"
                          + " event");
                });
      }
    }
    fields.allowOnly(onEvent ? CONDITION : STATE);
    Optional<String> event = Optional.empty();
    Optional<String> milestone = Optional.empty();
    if (onEvent) {
      Tree eventTree = fields.require("event");
      String type = eventTree.text().trim();
      if (!TicketEvent.TYPES.contains(type)) {
        throw eventTree.error(
            "\""
                + type
                + "\" is not a ticket event type (expected one of "
                + String.join(", ", TicketEvent.TYPES)
                + ")");
      }
      event = Optional.of(type);
      boolean isMilestone = type.equals(TicketEvent.Milestone.TYPE);
      Optional<Tree> name = fields.get("name");
      if (name.isPresent() && !isMilestone) {
        throw name.get()
            .error("names a milestone: it goes with event " + TicketEvent.Milestone.TYPE);
      }
      if (isMilestone) {
        Tree nameTree = fields.require("name");
        String text = nameTree.text().trim();
        if (!TicketEvent.Milestone.isName(text)) {
          throw nameTree.error(
              "\""
                  + text
                  + "\" is not a milestone name ("
                  + TicketEvent.Milestone.NAME_CHARS
                  + ", 1 to "
                  + TicketEvent.Milestone.MAX_NAME_LENGTH
                  + " characters)");
        }
        milestone = Optional.of(text);
      }
    }
    Set<TicketStatus> statuses = new LinkedHashSet<>();
    fields
        .get("status")
        .ifPresent(
            t ->
                oneOrMany(t)
                    .forEach(
                        item ->
                            statuses.add(
                                TicketStatus.parse(item.text())
                                    .orElseThrow(
                                        () ->
                                            item.error(
                                                "\""
                                                    + item.text()
                                                    + "\" is not a ticket status (new, open,"
                                                    + " pending, on_hold, solved, closed)")))));
    Set<Priority> priorities = new LinkedHashSet<>();
    fields
        .get("priority")
        .ifPresent(t -> oneOrMany(t).forEach(item -> priorities.add(priority(item.text(), item))));
    Set<String> channels = new LinkedHashSet<>();
    fields
        .get("channel")
        .ifPresent(
            t ->
                oneOrMany(t)
                    .forEach(
                        item -> {
                          if (item.text().isBlank()) {
                            throw item.error("must not be blank");
                          }
                          channels.add(item.text().trim());
                        }));
    if (!onEvent && statuses.isEmpty() && priorities.isEmpty() && channels.isEmpty()) {
      throw tree.error("gives no status, priority or channel: the clock would never run");
    }
    return new ClockCondition(event, milestone, statuses, priorities, channels);
  }

  private static List<Tree> oneOrMany(Tree tree) {
    return tree instanceof Tree.Sequence list ? list.items() : List.of(tree);
  }

  /**
   * {@code P1..P4} (or {@code any}, for every priority not named) to {@code {target, calendar}}.
   */
  private static Map<Priority, ClockTerms> targets(Tree tree) {
    Tree.Mapping byPriority = tree.asMapping();
    if (byPriority.fields().isEmpty()) {
      throw tree.error("gives no target (P1..P4 or any: {target: ..., calendar: ...})");
    }
    Map<Priority, ClockTerms> targets = new EnumMap<>(Priority.class);
    Optional<ClockTerms> any = byPriority.get(ANY_PRIORITY).map(PlanReader::clockTerms);
    for (Map.Entry<String, Tree> entry : byPriority.fields().entrySet()) {
      if (entry.getKey().equals(ANY_PRIORITY)) {
        continue;
      }
      Priority priority =
          Priority.parse(entry.getKey())
              .orElseThrow(
                  () ->
                      entry
                          .getValue()
                          .error(
                              "\""
                                  + entry.getKey()
                                  + "\" is not a canonical priority (P1, P2, P3, P4) or any"));
      targets.put(priority, clockTerms(entry.getValue()));
    }
    any.ifPresent(
        terms -> {
          for (Priority priority : Priority.values()) {
            targets.putIfAbsent(priority, terms);
          }
        });
    return targets;
  }

  static Target target(Tree tree) {
    return Targets.parse(tree.text())
        .orElseThrow(
            () ->
                tree.error(
                    "\""
                        + tree.text()
                        + "\" is not a target (e.g. 4h, 30m, PT4H, 1 business day, 2 business days)"));
  }

  static Coverage coverage(Tree tree) {
    return Coverage.parse(tree.text())
        .orElseThrow(
            () ->
                tree.error(
                    "\""
                        + tree.text()
                        + "\" is not a calendar (24x7, business_hours, business_days HH:MM-HH:MM)"));
  }

  private static List<WarningThreshold> warnings(Tree tree) {
    List<WarningThreshold> warnings = new ArrayList<>();
    for (Tree item : tree.asSequence().items()) {
      String text = item.text().trim();
      try {
        if (text.endsWith("%")) {
          warnings.add(
              new WarningThreshold.Percent(
                  Integer.parseInt(text.substring(0, text.length() - 1).trim())));
          continue;
        }
        if (text.endsWith(" before")) {
          Optional<java.time.Duration> lead =
              Targets.parseDuration(text.substring(0, text.length() - " before".length()));
          if (lead.isPresent()) {
            warnings.add(new WarningThreshold.LeadTime(lead.get()));
            continue;
          }
        }
      } catch (IllegalArgumentException e) {
        throw item.error("\"" + text + "\": " + e.getMessage());
      }
      throw item.error("\"" + text + "\" is not a warning (a percentage like 75%, or 30m before)");
    }
    return warnings;
  }

  private static Set<TicketStatus> statuses(Tree tree) {
    Set<TicketStatus> statuses = new LinkedHashSet<>();
    for (Tree item : tree.asSequence().items()) {
      TicketStatus status =
          TicketStatus.parse(item.text())
              .orElseThrow(() -> item.error("\"" + item.text() + "\" is not a ticket status"));
      if (status.isFinished()) {
        throw item.error("solved and closed stop the clocks; they cannot pause them");
      }
      statuses.add(status);
    }
    return statuses;
  }

  private static Entitlements none() {
    return new Entitlements(
        Map.of(),
        OptionalInt.empty(),
        Optional.empty(),
        Optional.empty(),
        false,
        Optional.empty(),
        false,
        false,
        false,
        0,
        false,
        "none",
        false,
        false,
        false,
        List.of(),
        List.of(),
        Map.of());
  }

  private static Entitlements entitlements(Tree tree) {
    Tree.Mapping e = tree.asMapping().allowOnly(ENTITLEMENTS);
    Map<String, Coverage> channels = new LinkedHashMap<>();
    e.get("channels")
        .ifPresent(
            c ->
                c.asMapping()
                    .fields()
                    .forEach((channel, hours) -> channels.put(channel, coverage(hours))));
    return new Entitlements(
        channels,
        e.get("premium_contacts").map(t -> OptionalInt.of(t.integer())).orElse(OptionalInt.empty()),
        e.get("non_premium_contact_plan").map(Tree::text),
        e.get("triage_level").map(Tree::text),
        flag(e, "level3_support"),
        e.get("phone_support").map(Tree::text),
        flag(e, "support_24x7_english"),
        flag(e, "enhanced_updates_and_reports"),
        flag(e, "sla_reports"),
        e.get("professional_services_hours").map(Tree::integer).orElse(0),
        flag(e, "rca_for_p1"),
        e.get("designated_engineer").map(Tree::text).orElse("none"),
        flag(e, "executive_sponsor"),
        flag(e, "us_persons_only"),
        onsiteSupport(e, channels),
        e.get("languages").map(PlanReader::texts).orElse(List.of()),
        e.get("escalation_path").map(PlanReader::texts).orElse(List.of()),
        e.get("extras").map(PlanReader::textMap).orElse(Map.of()));
  }

  /**
   * {@code onsite_support}, which also includes the {@code onsite} channel; listing that channel
   * says the same, and contradicting it ({@code onsite_support: false}) is a mistake.
   */
  private static boolean onsiteSupport(Tree.Mapping e, Map<String, Coverage> channels) {
    Optional<Tree> flag = e.get("onsite_support");
    boolean listed = channels.containsKey(Entitlements.ONSITE);
    if (listed && flag.isPresent() && !flag.get().bool()) {
      throw flag.get().error("is false, but channels lists onsite; remove one of them");
    }
    return listed || flag.map(Tree::bool).orElse(false);
  }

  private static boolean flag(Tree.Mapping fields, String name) {
    return fields.get(name).map(Tree::bool).orElse(false);
  }

  private static List<String> texts(Tree tree) {
    return tree.asSequence().items().stream().map(Tree::text).toList();
  }

  private static Map<String, String> textMap(Tree tree) {
    Map<String, String> map = new LinkedHashMap<>();
    tree.asMapping().fields().forEach((k, v) -> map.put(k, v.text()));
    return map;
  }
}
