package io.slawatch.core.engagement;

import io.slawatch.core.alert.ClockKind;
import io.slawatch.core.ticket.Priority;
import java.time.Duration;
import java.util.List;

/**
 * The obligations of Jamf's services policy (seed 003, support-plans.md section 4) and the numbers
 * they use. Each is carried on the alert pipeline as a clock of its own name, so a notifier policy
 * selects it with {@code clocks: [no_show]}.
 */
public final class Obligations {
  /** Services expire one year after purchase: warnings before, a breach at expiry. */
  public static final ClockKind EXPIRY = ClockKind.defined("expiry");

  /** Three contact attempts without a customer response: the service may be forfeited. */
  public static final ClockKind FORFEIT_RISK = ClockKind.defined("forfeit_risk");

  /** A booking moved or cancelled with less than five business days' notice. */
  public static final ClockKind LATE_NOTICE = ClockKind.defined("late_notice");

  /** Not started twenty minutes after the scheduled start. */
  public static final ClockKind NO_SHOW = ClockKind.defined("no_show");

  /** Every obligation's clock, in this order. */
  public static final List<ClockKind> ALL = List.of(EXPIRY, FORFEIT_RISK, LATE_NOTICE, NO_SHOW);

  /** Expiry warnings: this many calendar days before expiry, in the customer's zone. */
  public static final List<Integer> EXPIRY_WARNING_DAYS = List.of(90, 30, 7);

  /** Contact attempts without a response that put the service at risk. */
  public static final int CONTACT_ATTEMPTS = 3;

  /** The notice a reschedule or cancellation needs, in the customer's business days. */
  public static final int NOTICE_BUSINESS_DAYS = 5;

  /** How late a start may be before it is a no-show (a start at exactly this lateness is fine). */
  public static final Duration NO_SHOW_GRACE = Duration.ofMinutes(20);

  /**
   * The priority engagement alerts carry on the pipeline, whose {@code SlaAlert} requires one: an
   * engagement has none, so they take the lowest; they also carry the {@value #ENGAGEMENT_FLAG}
   * flag. Policies select them by clock, not by priority.
   */
  public static final Priority PRIORITY = Priority.P4;

  /** The flag every engagement alert carries (its subject is an engagement, not a ticket). */
  public static final String ENGAGEMENT_FLAG = "engagement";

  /** The flag of an engagement whose booking was moved or cancelled with late notice. */
  public static final String LATE_NOTICE_FLAG = "late_notice";

  /** The flag of an engagement at risk of being forfeited (unanswered contact attempts). */
  public static final String FORFEIT_RISK_FLAG = "forfeit_risk";

  /** The flag of an engagement whose customer did not show up for a booking. */
  public static final String NO_SHOW_FLAG = "no_show";

  private Obligations() {}

  /** Whether this clock is one of an engagement's obligations. */
  public static boolean isEngagementClock(ClockKind clock) {
    return ALL.contains(clock);
  }
}
