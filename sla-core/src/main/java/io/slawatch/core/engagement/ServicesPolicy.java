package io.slawatch.core.engagement;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Jamf's services policy (seed 003) in words, for {@code slawatch plans show} and {@code GET
 * /api/v1/plans}: the engagement obligations and the booking rule, built from the numbers the
 * engine uses ({@link Obligations}, {@link Booking}), so the words cannot drift from the rules.
 *
 * <p>Which plans it is shown for: the engine applies it to every engagement it is sent, whatever
 * the customer's plan (a purchase of services is its own contract); the seed that states it is
 * Jamf's, so the plans that list it are Jamf's ({@value #PLAN_PREFIX}*: the presets jamf-standard,
 * jamf-silver, jamf-gold, jamf-platinum, and a plan file named so).
 */
public final class ServicesPolicy {
  /** The plans whose vendor's policy this is. */
  public static final String PLAN_PREFIX = "jamf-";

  /**
   * One rule: {@code name} is the alert clock of an obligation ({@code expiry}...) or {@code
   * booking} for the booking rule, which is refused at the edge rather than alerted.
   */
  public record Rule(String name, String rule) {}

  /** The obligations, in {@link Obligations#ALL}'s order, then the booking rule. */
  public static final List<Rule> RULES =
      List.of(
          new Rule(
              Obligations.EXPIRY.wireName(),
              "completed within 1 year after the purchase (same local date and time, customer's"
                  + " zone); warnings "
                  + Obligations.EXPIRY_WARNING_DAYS.stream()
                      .map(String::valueOf)
                      .collect(Collectors.joining(", "))
                  + " days before, breach at expiry"),
          new Rule(
              Obligations.FORFEIT_RISK.wireName(),
              Obligations.CONTACT_ATTEMPTS
                  + " contact attempts without a sign of the customer: warning (the service may be"
                  + " forfeited; a risk, not a breach)"),
          new Rule(
              Obligations.LATE_NOTICE.wireName(),
              "a booking moved or cancelled with less than "
                  + Obligations.NOTICE_BUSINESS_DAYS
                  + " business days' notice (customer's calendar): breach"),
          new Rule(
              Obligations.NO_SHOW.wireName(),
              "not started "
                  + Obligations.NO_SHOW_GRACE.toMinutes()
                  + " minutes after the scheduled start: breach"),
          new Rule(
              "booking",
              "remote sessions are booked in whole "
                  + Booking.REMOTE_BLOCK.toHours()
                  + "-hour blocks (PT4H, PT8H...): anything else is refused naming data.duration"));

  private ServicesPolicy() {}

  /** Whether a plan lists the policy (its vendor's engagements are held to it). */
  public static boolean listedFor(String plan) {
    return plan.toLowerCase(Locale.ROOT).startsWith(PLAN_PREFIX);
  }
}
