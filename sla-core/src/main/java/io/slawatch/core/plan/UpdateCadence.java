package io.slawatch.core.plan;

/** The proactive update promise of a priority. */
public sealed interface UpdateCadence {
  /**
   * Due {@code every} after the last public agent reply on the calendar: "every 4 business hours"
   * is {@code 4h}, "once per business day" is {@code 1 business day}.
   */
  record Every(ClockTerms terms) implements UpdateCadence {
    @Override
    public String toString() {
      return "every " + terms;
    }
  }

  /**
   * "When the status changes": each status change (except to solved/closed) starts an update clock
   * with the priority's first-response target.
   */
  record OnStatusChange() implements UpdateCadence {
    @Override
    public String toString() {
      return "on_status_change";
    }
  }
}
