package io.slawatch.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.core.customer.Customer;
import io.slawatch.core.event.EventId;
import io.slawatch.core.event.TicketEvent;
import io.slawatch.core.ticket.CustomerId;
import io.slawatch.core.ticket.Priority;
import io.slawatch.core.ticket.TicketId;
import io.slawatch.core.ticket.TicketStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EntitlementCheckTest {
  private static Customer customer(String plan, String... premiumContacts) {
    return new Customer(
        new CustomerId("acme"),
        "Acme",
        plan,
        ZoneId.of("Europe/Paris"),
        Optional.empty(),
        "en",
        List.of(premiumContacts),
        Optional.empty(),
        Optional.empty(),
        false);
  }

  private static TicketEvent.Created ticket(String channel, String requester) {
    return new TicketEvent.Created(
        new EventId("test", "1"),
        new TicketId("T-1"),
        Instant.parse("2026-11-24T10:00:00Z"),
        new CustomerId("acme"),
        Priority.P1,
        Optional.empty(),
        TicketStatus.NEW,
        channel,
        requester);
  }

  private static TicketEvent.Created check(TicketEvent.Created ticket, Customer customer) {
    return EntitlementCheck.check(ticket, customer, PlanCatalog.presets());
  }

  @Test
  void a_validated_premium_contact_through_an_included_channel_is_not_flagged() {
    var ticket = ticket("phone", "ANA@acme.example");
    assertThat(check(ticket, customer("jamf-gold", "ana@acme.example"))).isSameAs(ticket);
  }

  @Test
  void anyone_else_on_a_jamf_premium_plan_gets_standard_treatment_and_a_flag() {
    var checked =
        check(ticket("email", "bob@acme.example"), customer("jamf-gold", "ana@acme.example"));
    assertThat(checked.flags()).containsExactly(TicketEvent.Created.NOT_PREMIUM_CONTACT);
    assertThat(checked.plan()).contains("jamf-standard");
  }

  @Test
  void a_channel_the_plan_does_not_include_is_tracked_with_a_flag() {
    var checked = check(ticket("phone", "bob@acme.example"), customer("opswat-silver"));
    assertThat(checked.flags()).containsExactly(TicketEvent.Created.CHANNEL_NOT_ENTITLED);
    assertThat(checked.plan()).isEmpty(); // still on the customer's plan
    assertThat(check(ticket("chat", ""), customer("opswat-silver")).flags())
        .containsExactly(TicketEvent.Created.CHANNEL_NOT_ENTITLED);
    assertThat(check(ticket("portal", ""), customer("opswat-silver")).flags()).isEmpty();
  }

  @Test
  void what_cannot_be_judged_is_not_flagged() {
    // a helpdesk's name is not a contact channel; no requester cannot be checked; no such plan
    assertThat(check(ticket("zendesk", ""), customer("jamf-gold")).flags()).isEmpty();
    assertThat(check(ticket("email", "x@y"), customer("no-such-plan")).flags()).isEmpty();
  }
}
