package io.slawatch.core.plan;

import io.slawatch.core.customer.Customer;
import io.slawatch.core.event.TicketEvent;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Intake's entitlement check of a new ticket, from its plan's data. A ticket is always tracked;
 * what is out of entitlement is flagged:
 *
 * <ul>
 *   <li>{@code channel_not_entitled}: raised through a contact channel (phone, e-mail, chat,
 *       portal, chatbot, on-site) the plan does not list. A channel that is not one of those (a
 *       helpdesk's name, {@code unknown}) says nothing about entitlement and is not judged.
 *   <li>{@code not_premium_contact}: the plan limits premium contacts and the requester is not one
 *       of the customer's; where the plan names a plan for such tickets (Jamf: Standard), the
 *       ticket is put on it. A ticket without a requester is not judged.
 * </ul>
 */
public final class EntitlementCheck {
  /** The contact channels plans list. */
  public static final Set<String> CONTACT_CHANNELS =
      Set.of("phone", "email", "chat", "portal", "chatbot", "onsite");

  private EntitlementCheck() {}

  public static TicketEvent.Created check(
      TicketEvent.Created ticket, Customer customer, PlanCatalog plans) {
    return check(ticket, customer.plan(), customer::isPremiumContact, plans);
  }

  /**
   * The same from what the check needs of the customer: its plan and whether a requester is one of
   * its premium contacts.
   */
  public static TicketEvent.Created check(
      TicketEvent.Created ticket,
      String customerPlan,
      Predicate<String> premiumContact,
      PlanCatalog plans) {
    Optional<SupportPlan> plan = plans.find(ticket.plan().orElse(customerPlan));
    if (plan.isEmpty()) {
      return ticket;
    }
    Entitlements entitlements = plan.get().entitlements();
    Set<String> flags = new TreeSet<>(ticket.flags());
    Optional<String> onPlan = ticket.plan();
    if (CONTACT_CHANNELS.contains(ticket.channel())
        && !entitlements.channels().isEmpty()
        && !entitlements.includesChannel(ticket.channel())) {
      flags.add(TicketEvent.Created.CHANNEL_NOT_ENTITLED);
    }
    if (entitlements.premiumContacts().isPresent()
        && !ticket.requester().isBlank()
        && !premiumContact.test(ticket.requester())) {
      flags.add(TicketEvent.Created.NOT_PREMIUM_CONTACT);
      if (entitlements.nonPremiumContactPlan().isPresent()) {
        onPlan = entitlements.nonPremiumContactPlan();
      }
    }
    return flags.equals(ticket.flags()) && onPlan.equals(ticket.plan())
        ? ticket
        : ticket.entitled(flags, onPlan);
  }
}
