package io.slawatch.core.cli;

import io.slawatch.core.alert.SlaAlert;

/** An alert as a structured CloudEvent 1.0 (type {@code sla.*}, subject = ticket id). */
final class AlertWriter {
  static final String SOURCE = "/slawatch/sla-core";

  private AlertWriter() {}

  static String write(SlaAlert alert) {
    Json data =
        Json.object()
            .put("ticket", alert.ticket().value())
            .put("customer", alert.customer().value())
            .put("plan", alert.plan())
            .put("priority", alert.priority().name())
            .put("clock", alert.clock().wireName())
            .put("cycle", alert.cycle())
            .put("target", alert.target().toString())
            .put("due", alert.due().toString());
    alert.threshold().ifPresent(t -> data.put("threshold", t));
    alert.metAt().ifPresent(t -> data.put("met_at", t.toString()));
    alert.elapsed().ifPresent(d -> data.put("elapsed", d.toString()));
    alert.reason().ifPresent(r -> data.put("reason", r.wireName()));
    alert.terms().ifPresent(t -> data.put("terms", t));
    if (!alert.flags().isEmpty()) {
      data.put("flags", alert.flags());
    }
    alert.ticketUrl().ifPresent(u -> data.put("ticket_url", u.toString()));
    return Json.object()
        .put("specversion", "1.0")
        .put("id", alert.id())
        .put("source", SOURCE)
        .put("type", alert.kind().type())
        .put("subject", alert.ticket().value())
        .put("time", alert.firedAt().toString())
        .put("datacontenttype", "application/json")
        .put("data", data)
        .toString();
  }
}
