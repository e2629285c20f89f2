package io.slawatch.bench.chaos;

/**
 * What a trial of the fault suite kills and restarts: a service, the broker, or the database
 * (crashed).
 */
public enum Target {
  INTAKE("ticket-intake"),
  TIMER("sla-timer"),
  NOTIFIER("notifier"),
  BROKER("kafka broker"),
  DATABASE("postgresql");

  private final String label;

  Target(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean isService() {
    return this == INTAKE || this == TIMER || this == NOTIFIER;
  }
}
