package io.slawatch.cli;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.slawatch.core.config.ConfigException;
import io.slawatch.core.plan.PlanCatalog;
import io.slawatch.core.plan.PlanReader;
import io.slawatch.core.plan.PresetPlans;
import io.slawatch.core.plan.SupportPlan;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The command line: {@code calc}, {@code simulate}, {@code plans [show <name>]}. Reads stdin,
 * writes stdout; problems go to stderr with a non-zero exit.
 */
public final class SlawatchCli {
  /** JSON in and out: duplicate keys and anything after the value on a line are refused. */
  static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  static final String USAGE =
      """
      usage: slawatch calc                 JSON lines in: {"calendar", "op", "start", "duration"|"end", "pauses"}
             slawatch simulate --plan <preset or file> [--zone <IANA>] [--calendar <file>] [--until <instant>]
                                           CloudEvent lines in: ticket.* and engagement.* events
             slawatch plans                list the preset plans
             slawatch plans show <name|file>  print a preset or a plan file (checked) with its defined clocks""";

  private SlawatchCli() {}

  public static void main(String[] args) throws IOException {
    // the libraries log through SLF4J; the command line prints results, not their log setup
    System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
    System.setProperty("slf4j.internal.verbosity", "WARN");
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    int status = run(args, System.in, out, err);
    out.flush();
    if (status != 0) {
      System.exit(status);
    }
  }

  public static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err)
      throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
    List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
    try {
      return switch (args.length == 0 ? "" : args[0]) {
        case "calc" -> new CalcCommand().run(in, out);
        case "simulate" -> new SimulateCommand().run(rest, in, out, err);
        case "plans" -> plans(rest, out, err);
        default -> {
          err.println(USAGE);
          yield 2;
        }
      };
    } catch (ConfigException e) {
      err.println("slawatch: " + e.getMessage());
      return 2;
    }
  }

  private static int plans(List<String> args, PrintStream out, PrintStream err) throws IOException {
    if (args.isEmpty()) {
      for (String name : PresetPlans.NAMES) {
        out.println(name + "\t" + PlanCatalog.presets().find(name).orElseThrow().title());
      }
      return 0;
    }
    if (args.size() == 2 && args.get(0).equals("show")) {
      String name = args.get(1);
      String yaml;
      if (PresetPlans.NAMES.contains(name)) {
        yaml = PresetPlans.yaml(name);
      } else if (Files.isRegularFile(Path.of(name))) {
        yaml = Files.readString(Path.of(name));
      } else {
        err.println(
            "slawatch: no preset or plan file named " + name + " (slawatch plans lists them)");
        return 1;
      }
      SupportPlan plan = PlanReader.read(yaml); // a plan file with a mistake: its line and field
      out.print(yaml.endsWith("\n") ? yaml : yaml + "\n");
      DefinedClocksText.lines(plan).forEach(out::println);
      return 0;
    }
    err.println(USAGE);
    return 2;
  }
}
