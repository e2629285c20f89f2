package io.slawatch.bench.chaos;

/**
 * The figures of one kind of trial (or of all of them): events accepted by intake and lost before
 * sla-timer stored them; alerts owed by the plan, lost (never delivered to the webhook) and
 * delivered more than once; alerts delivered that no ticket owed; services that did not recover by
 * themselves after the strike and were restarted.
 */
record Tally(
    int trials,
    long tickets,
    long eventsAccepted,
    long eventsLost,
    long alertsOwed,
    long alertsLost,
    long duplicateDeliveries,
    long unexpectedAlerts,
    double recoverySeconds,
    int restartedStuck) {

  static final Tally EMPTY = new Tally(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

  Tally plus(Tally other) {
    return new Tally(
        trials + other.trials,
        tickets + other.tickets,
        eventsAccepted + other.eventsAccepted,
        eventsLost + other.eventsLost,
        alertsOwed + other.alertsOwed,
        alertsLost + other.alertsLost,
        duplicateDeliveries + other.duplicateDeliveries,
        unexpectedAlerts + other.unexpectedAlerts,
        recoverySeconds + other.recoverySeconds,
        restartedStuck + other.restartedStuck);
  }
}
