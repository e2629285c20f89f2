package io.slawatch.notifier.channel.http;

import io.slawatch.core.alert.AlertKind;
import io.slawatch.core.alert.SlaAlert;
import java.util.LinkedHashMap;
import java.util.Map;

/** The words of an alert message (English), shared by the chat and paging channels. */
public final class AlertText {
  private AlertText() {}

  public static String title(SlaAlert alert) {
    String what =
        switch (alert.kind()) {
          case WARNING ->
              "SLA warning: %.0f%% of the %s target used"
                  .formatted(alert.threshold().orElse(0.0) * 100, clock(alert));
          case UPDATE_DUE -> "Update due";
          case BREACHED -> "SLA breached: " + clock(alert) + " overdue";
          case MET -> "SLA met: " + clock(alert);
        };
    return what
        + " on ticket "
        + alert.ticket()
        + " ("
        + alert.priority()
        + ", "
        + alert.customer()
        + ")";
  }

  /** Facts in display order. */
  public static Map<String, String> facts(SlaAlert alert) {
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("Ticket", alert.ticket().value());
    facts.put("Customer", alert.customer().value());
    facts.put("Plan", alert.plan());
    facts.put("Priority", alert.priority().name());
    facts.put("Commitment", clock(alert) + " within " + humanize(alert.target()));
    facts.put(alert.kind() == AlertKind.MET ? "Was due" : "Due", alert.due().toString());
    alert.threshold().ifPresent(t -> facts.put("Used", "%.0f%%".formatted(t * 100)));
    alert.elapsed().ifPresent(e -> facts.put("Took", humanize(e)));
    return facts;
  }

  static String clock(SlaAlert alert) {
    return alert.clock().wireName().replace('_', ' ');
  }

  static String humanize(java.time.Duration d) {
    return d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
  }
}
