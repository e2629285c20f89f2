package io.slawatch.testinfra;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** slawatch's Kafka topics and their partition counts: the one list every environment creates. */
public final class Topics {
  /** Ticket lifecycle events, keyed by ticket id. */
  public static final String TICKET_EVENTS = "ticket.events.v1";

  /** SLA warnings and breaches, keyed by ticket id. */
  public static final String SLA_ALERTS = "sla.alerts.v1";

  /** Ticket events helpdesks publish straight to Kafka, validated by ticket-intake. */
  public static final String TICKET_INBOUND = "ticket.inbound.v1";

  /** Inbound records ticket-intake could not accept, with the reason in their headers. */
  public static final String TICKET_INBOUND_DLQ = "ticket.inbound.dlq.v1";

  /** Ticket events sla-timer could not process, with the reason in their headers. */
  public static final String TICKET_EVENTS_DLQ = "ticket.events.dlq.v1";

  /** Alerts the notifier could not deliver to a target after its retries, with the reason. */
  public static final String SLA_ALERTS_DLQ = "sla.alerts.dlq.v1";

  /** Every customer record, keyed by customer id; compacted, so the latest one per key stays. */
  public static final String CUSTOMER_EVENTS = "customer.events.v1";

  private static final Map<String, Integer> ALL;

  static {
    Map<String, Integer> all = new LinkedHashMap<>();
    all.put(TICKET_EVENTS, 6);
    all.put(SLA_ALERTS, 3);
    all.put(TICKET_INBOUND, 6);
    all.put(TICKET_INBOUND_DLQ, 3);
    all.put(CUSTOMER_EVENTS, 3);
    all.put(SLA_ALERTS_DLQ, 3);
    all.put(TICKET_EVENTS_DLQ, 3);
    ALL = Collections.unmodifiableMap(all);
  }

  private Topics() {}

  /** Topic-level settings beyond the broker's defaults. */
  public static Map<String, String> config(String topic) {
    return CUSTOMER_EVENTS.equals(topic) ? Map.of("cleanup.policy", "compact") : Map.of();
  }

  /** Every topic with its partition count, in a stable order. */
  public static Map<String, Integer> all() {
    return ALL;
  }
}
