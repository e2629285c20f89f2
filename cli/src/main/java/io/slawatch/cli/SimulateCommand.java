package io.slawatch.cli;

import io.slawatch.contract.json.Decoding;
import io.slawatch.contract.json.EngagementDecoding;
import io.slawatch.contract.json.EngagementEventCodec;
import io.slawatch.contract.json.SlaAlertCodec;
import io.slawatch.core.alert.SlaAlert;
import io.slawatch.core.calendar.CalendarDefinition;
import io.slawatch.core.calendar.CalendarReader;
import io.slawatch.core.config.ConfigException;
import io.slawatch.core.config.YamlTrees;
import io.slawatch.core.customer.CustomerTerms;
import io.slawatch.core.engagement.BookingViolation;
import io.slawatch.core.engagement.EngagementEvent;
import io.slawatch.core.event.EventId;
import io.slawatch.core.event.TicketEvent;
import io.slawatch.core.plan.PlanCatalog;
import io.slawatch.core.plan.PlanReader;
import io.slawatch.core.plan.SupportPlan;
import io.slawatch.core.simulation.Simulation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code slawatch simulate --plan <preset or file> [--zone <IANA>] [--calendar <file>] [--until
 * <instant>]}: ticket events and engagement events in (one CloudEvent a line, any order), every
 * alert the engine would emit up to {@code --until} out, ordered by firing instant. A line whose
 * {@code type} is an engagement event's ({@code engagement.purchased}...) is read by the engagement
 * codec; a booking the replay refuses (a remote one not in whole 4-hour blocks) is reported on
 * stderr with its line, like an unreadable event.
 */
final class SimulateCommand {
  record Options(
      String plan, Optional<ZoneId> zone, Optional<Path> calendar, Optional<Instant> until) {}

  static Options options(List<String> args) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String flag = args.get(i);
      if (!List.of("--plan", "--zone", "--calendar", "--until").contains(flag)
          || i + 1 >= args.size()) {
        throw new ConfigException(
            flag, 0, "unknown option or missing value (--plan, --zone, --calendar, --until)");
      }
      values.put(flag, args.get(++i));
    }
    if (!values.containsKey("--plan")) {
      throw new ConfigException("--plan", 0, "is required (a preset name or a plan file)");
    }
    Optional<ZoneId> zone =
        Optional.ofNullable(values.get("--zone"))
            .map(z -> CalendarReader.zone(new io.slawatch.core.config.Tree.Scalar("--zone", 0, z)));
    Optional<Instant> until =
        Optional.ofNullable(values.get("--until"))
            .map(u -> Inputs.instant(u, new io.slawatch.core.config.Tree.Scalar("--until", 0, u)));
    return new Options(
        values.get("--plan"),
        zone,
        Optional.ofNullable(values.get("--calendar")).map(Path::of),
        until);
  }

  int run(List<String> args, BufferedReader in, PrintStream out, PrintStream err)
      throws IOException {
    Options options = options(args);
    SupportPlan defaultPlan = plan(options.plan());
    PlanCatalog catalog = PlanCatalog.of(List.of(defaultPlan));
    CustomerTerms customer = new CustomerTerms(defaultPlan.name(), calendar(options));
    TicketEventLines reader =
        new TicketEventLines(
            SlawatchCli.JSON, name -> name.flatMap(catalog::find).orElse(defaultPlan));
    SlaAlertCodec alerts = new SlaAlertCodec(SlawatchCli.JSON);

    EngagementEventCodec engagementCodec = new EngagementEventCodec(SlawatchCli.JSON);

    List<TicketEvent> events = new ArrayList<>();
    List<EngagementEvent> engagementEvents = new ArrayList<>();
    Map<EventId, Integer> engagementLines = new LinkedHashMap<>();
    int rejected = 0;
    int lineNumber = 0;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      if (isEngagementEvent(line)) {
        switch (engagementCodec.decode(line.getBytes(StandardCharsets.UTF_8))) {
          case EngagementDecoding.Valid valid -> {
            engagementEvents.add(valid.event());
            engagementLines.putIfAbsent(valid.event().eventId(), lineNumber);
          }
          case EngagementDecoding.Invalid invalid -> {
            rejected++;
            err.println(
                "line " + lineNumber + ": " + TicketEventLines.describe(invalid.violations()));
          }
        }
        continue;
      }
      switch (reader.read(line)) {
        case Decoding.Valid valid -> events.add(valid.event());
        case Decoding.Invalid invalid -> {
          rejected++;
          err.println(
              "line " + lineNumber + ": " + TicketEventLines.describe(invalid.violations()));
        }
      }
    }
    if (events.isEmpty() && engagementEvents.isEmpty()) {
      return rejected == 0 ? 0 : 1;
    }
    Simulation.Result result =
        new Simulation(catalog).run(customer, events, engagementEvents, options.until());
    for (BookingViolation refused : result.refused()) {
      rejected++;
      err.println(
          "line "
              + engagementLines.getOrDefault(refused.event(), 0)
              + ": "
              + refused.field()
              + ": "
              + refused.message());
    }
    for (SlaAlert alert : result.alerts()) {
      out.println(new String(alerts.encode(alert), StandardCharsets.UTF_8));
    }
    out.flush();
    return rejected == 0 ? 0 : 1;
  }

  /** Whether the line is a JSON object whose {@code type} is an engagement event's. */
  private static boolean isEngagementEvent(String line) {
    try {
      return EngagementEventCodec.isEngagementType(
          SlawatchCli.JSON.readTree(line).path("type").asText(""));
    } catch (IOException e) {
      return false; // the ticket reader reports it
    }
  }

  private static SupportPlan plan(String nameOrFile) {
    Path file = Path.of(nameOrFile);
    if (Files.isRegularFile(file)) {
      return PlanReader.read(file);
    }
    return PlanCatalog.presets()
        .find(nameOrFile)
        .orElseThrow(
            () -> new ConfigException("--plan", 0, "no preset or plan file named " + nameOrFile));
  }

  private static CalendarDefinition calendar(Options options) throws IOException {
    ZoneId zone = options.zone().orElse(ZoneId.of("UTC"));
    if (options.calendar().isEmpty()) {
      return CalendarDefinition.businessHours(zone);
    }
    Path file = options.calendar().get();
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("--calendar", 0, "no calendar file " + file);
    }
    Path base = file.toAbsolutePath().getParent();
    CalendarDefinition read =
        CalendarReader.relativeTo(base).read(YamlTrees.parse(Files.readString(file)));
    return options.zone().map(read::withZone).orElse(read);
  }
}
