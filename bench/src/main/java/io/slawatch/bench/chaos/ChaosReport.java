package io.slawatch.bench.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a fault-suite run found, per kind of trial and in total, as a Markdown table: the losses and
 * duplicates of the tickets opened during each trial (from the moment it began to the next
 * trial's), and the checks that decide the exit code.
 */
record ChaosReport(
    String settings,
    Map<String, Tally> byKind,
    long neverAccepted,
    long eventsPublishedTwice,
    long keyMismatches,
    long duplicateBound,
    long wallSeconds,
    List<String> lostSamples,
    List<String> stuck) {

  Tally total() {
    return byKind.values().stream().reduce(Tally.EMPTY, Tally::plus);
  }

  /** Nothing lost, duplicates within the bound, every duplicate under the same key. */
  boolean passed() {
    Tally total = total();
    return total.eventsLost() == 0
        && total.alertsLost() == 0
        && total.duplicateDeliveries() <= duplicateBound
        && keyMismatches == 0;
  }

  String markdown() {
    List<String> lines = new ArrayList<>();
    lines.add("fault suite: " + settings);
    lines.add("");
    lines.add(
        "| trial kind | trials | tickets | events accepted | events lost | alerts owed |"
            + " alerts lost | duplicate deliveries | unexpected alerts | mean recovery |"
            + " stuck, restarted |");
    lines.add("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    byKind.forEach((kind, tally) -> lines.add(row(kind, tally)));
    lines.add(row("**all**", total()));
    lines.add("");
    lines.add(
        "duplicate deliveries %d (bound %d: the notifier's in-flight deliveries per kill);"
                .formatted(total().duplicateDeliveries(), duplicateBound)
            + " deliveries whose Idempotency-Key is not the alert id: "
            + keyMismatches);
    lines.add(
        "events never accepted (still refused at the end): %d; events published twice on"
                .formatted(neverAccepted)
            + " ticket.events.v1 (harmless: sla-timer skips them): "
            + eventsPublishedTwice);
    if (!stuck.isEmpty()) {
      lines.add(
          "services not ready 180 s after a strike, restarted (kill -9) by the suite: "
              + String.join("; ", stuck));
    }
    if (!lostSamples.isEmpty()) {
      lines.add("lost or unexpected, first ones: " + String.join(", ", lostSamples));
    }
    lines.add(
        "wall time %d s; %s".formatted(wallSeconds, passed() ? "PASSED" : "FAILED: see above"));
    return String.join("\n", lines) + "\n";
  }

  private static String row(String kind, Tally t) {
    return "| %s | %d | %d | %d | %d | %d | %d | %d | %d | %s | %d |"
        .formatted(
            kind,
            t.trials(),
            t.tickets(),
            t.eventsAccepted(),
            t.eventsLost(),
            t.alertsOwed(),
            t.alertsLost(),
            t.duplicateDeliveries(),
            t.unexpectedAlerts(),
            t.trials() == 0 ? "" : "%.1f s".formatted(t.recoverySeconds() / t.trials()),
            t.restartedStuck());
  }
}
