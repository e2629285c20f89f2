package io.slawatch.cli;

import io.slawatch.core.calendar.BusinessCalendar;
import io.slawatch.core.calendar.CalendarReader;
import io.slawatch.core.calendar.TimeSpan;
import io.slawatch.core.config.ConfigException;
import io.slawatch.core.config.Tree;
import io.slawatch.core.config.YamlTrees;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code slawatch calc}: one JSON request a line in, one JSON answer a line out, in order; a bad
 * line answers {@code {"error": ...}} naming the field, and the next line goes on.
 */
final class CalcCommand {
  private static final Set<String> FIELDS =
      Set.of("calendar", "op", "start", "duration", "end", "pauses");
  private static final int CACHED_CALENDARS = 64;

  private final CalendarReader reader = CalendarReader.relativeTo(Path.of(""));
  private final Map<Tree, BusinessCalendar> calendars =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Tree, BusinessCalendar> eldest) {
          return size() > CACHED_CALENDARS;
        }
      };

  int run(BufferedReader in, PrintStream out) throws IOException {
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      out.println(answer(line));
    }
    out.flush();
    return 0;
  }

  String answer(String line) {
    try {
      return line("result", compute(line));
    } catch (ConfigException e) {
      return line("error", e.getMessage().replaceFirst("^line \\d+, ", ""));
    } catch (IllegalArgumentException | IllegalStateException e) {
      return line("error", e.getMessage());
    }
  }

  /** A one-field JSON object on one line. */
  private static String line(String field, String value) {
    return SlawatchCli.JSON.createObjectNode().put(field, value).toString();
  }

  private String compute(String line) {
    if (line.isBlank()) {
      throw new ConfigException("", 0, "empty line (expected a JSON object)");
    }
    Tree.Mapping request = YamlTrees.parse(line).asMapping().allowOnly(FIELDS);
    BusinessCalendar calendar = calendar(request.require("calendar"));
    List<TimeSpan> pauses = request.get("pauses").map(CalcCommand::pauses).orElse(List.of());
    Tree opTree = request.require("op");
    Instant start = Inputs.instant(request.require("start"));
    return switch (opTree.text().trim()) {
      case "add" ->
          Inputs.format(
              calendar.add(start, Inputs.duration(request.require("duration")), pauses),
              calendar.zone());
      case "subtract" ->
          Inputs.format(
              calendar.subtract(start, Inputs.duration(request.require("duration")), pauses),
              calendar.zone());
      case "elapsed" ->
          calendar.elapsed(start, Inputs.instant(request.require("end")), pauses).toString();
      case "next_open" -> Inputs.format(calendar.nextOpen(start, pauses), calendar.zone());
      default ->
          throw opTree.error(
              "\"" + opTree.text() + "\" is not an operation (add, subtract, elapsed, next_open)");
    };
  }

  private BusinessCalendar calendar(Tree tree) {
    BusinessCalendar cached = calendars.get(tree);
    if (cached == null) {
      cached = BusinessCalendar.of(reader.read(tree));
      calendars.put(tree, cached);
    }
    return cached;
  }

  private static List<TimeSpan> pauses(Tree tree) {
    List<TimeSpan> pauses = new ArrayList<>();
    for (Tree pair : tree.asSequence().items()) {
      List<Tree> ends = pair.asSequence().items();
      if (ends.size() != 2) {
        throw pair.error("a pause is a pair [\"<from>\", \"<to>\"]");
      }
      Instant from = Inputs.instant(ends.get(0));
      Instant to = Inputs.instant(ends.get(1));
      if (to.isBefore(from)) {
        throw pair.error("a pause ends before it starts");
      }
      pauses.add(new TimeSpan(from, to));
    }
    return pauses;
  }
}
