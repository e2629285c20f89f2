package io.slawatch.core.plan;

import io.slawatch.core.calendar.BusinessCalendar;
import io.slawatch.core.calendar.CalendarDefinition;
import io.slawatch.core.customer.Customer;
import io.slawatch.core.event.TicketEvent;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Intake's entitlement check of a new ticket, from its plan's data. A ticket is always tracked;
 * what is out of entitlement is flagged:
 *
 * <ul>
 *   <li>{@code not_premium_contact}: the plan limits premium contacts and the requester is not one
 *       of the customer's; where the plan names a plan for such tickets (Jamf: Standard), the
 *       ticket is put on it, and its channel is judged on that plan. A ticket without a requester
 *       is not judged.
 *   <li>{@code channel_not_entitled}: raised through a contact channel (phone, e-mail, chat,
 *       portal, chatbot, on-site) the plan does not list (on-site is also included by {@code
 *       onsite_support}). A channel that is not one of those (a helpdesk's name, {@code unknown})
 *       says nothing about entitlement and is not judged.
 *   <li>{@code outside_channel_hours}: raised through a live channel (phone, chat) at an instant
 *       (the ticket's creation) when the plan's hours for that channel are closed, those hours
 *       resolved on the customer's business calendar ({@link Coverage#resolve}: its zone, business
 *       days and holidays; "24 h on business days" is closed on weekends and holidays). The hours
 *       of e-mail, portal and the other asynchronous channels are when the case is worked, which
 *       the clocks already count, so raising a ticket through them is never out of hours.
 * </ul>
 */
public final class EntitlementCheck {
  /** The contact channels plans list. */
  public static final Set<String> CONTACT_CHANNELS =
      Set.of("phone", "email", "chat", "portal", "chatbot", "onsite");

  /** The channels someone must be there to answer: their hours are judged. */
  public static final Set<String> LIVE_CHANNELS = Set.of("phone", "chat");

  private EntitlementCheck() {}

  /** The check of a registered customer's ticket; {@code businessCalendar} is the customer's. */
  public static TicketEvent.Created check(
      TicketEvent.Created ticket,
      Customer customer,
      CalendarDefinition businessCalendar,
      PlanCatalog plans) {
    return check(
        ticket,
        customer.plan(),
        customer::isPremiumContact,
        businessCalendar,
        plans,
        BusinessCalendar::of);
  }

  /**
   * The same from what the check needs of the customer: its plan, whether a requester is one of its
   * premium contacts, and its business calendar; {@code calendars} builds (or reuses) the calendar
   * of a channel's hours.
   */
  public static TicketEvent.Created check(
      TicketEvent.Created ticket,
      String customerPlan,
      Predicate<String> premiumContact,
      CalendarDefinition businessCalendar,
      PlanCatalog plans,
      Function<CalendarDefinition, BusinessCalendar> calendars) {
    Optional<SupportPlan> plan = plans.find(ticket.plan().orElse(customerPlan));
    if (plan.isEmpty()) {
      return ticket;
    }
    Entitlements entitlements = plan.get().entitlements();
    Set<String> flags = new TreeSet<>(ticket.flags());
    Optional<String> onPlan = ticket.plan();
    if (entitlements.premiumContacts().isPresent()
        && !ticket.requester().isBlank()
        && !premiumContact.test(ticket.requester())) {
      flags.add(TicketEvent.Created.NOT_PREMIUM_CONTACT);
      if (entitlements.nonPremiumContactPlan().isPresent()) {
        onPlan = entitlements.nonPremiumContactPlan();
        entitlements = plans.find(onPlan.get()).map(SupportPlan::entitlements).orElse(entitlements);
      }
    }
    String channel = ticket.channel();
    if (CONTACT_CHANNELS.contains(channel) && !entitlements.channels().isEmpty()) {
      if (!entitlements.includesChannel(channel)) {
        flags.add(TicketEvent.Created.CHANNEL_NOT_ENTITLED);
      } else if (LIVE_CHANNELS.contains(channel)
          && entitlements
              .hoursOf(channel)
              .filter(hours -> !(hours instanceof Coverage.AlwaysOpen))
              .filter(
                  hours ->
                      !calendars.apply(hours.resolve(businessCalendar)).isOpen(ticket.occurredAt()))
              .isPresent()) {
        flags.add(TicketEvent.Created.OUTSIDE_CHANNEL_HOURS);
      }
    }
    return flags.equals(ticket.flags()) && onPlan.equals(ticket.plan())
        ? ticket
        : ticket.entitled(flags, onPlan);
  }
}
