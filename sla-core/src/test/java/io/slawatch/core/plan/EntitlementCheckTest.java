package io.slawatch.core.plan;

import static io.slawatch.core.event.TicketEvent.Created.CHANNEL_NOT_ENTITLED;
import static io.slawatch.core.event.TicketEvent.Created.NOT_PREMIUM_CONTACT;
import static io.slawatch.core.event.TicketEvent.Created.OUTSIDE_CHANNEL_HOURS;
import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.core.calendar.CalendarDefinition;
import io.slawatch.core.calendar.OpeningHours;
import io.slawatch.core.customer.Customer;
import io.slawatch.core.event.EventId;
import io.slawatch.core.event.TicketEvent;
import io.slawatch.core.ticket.CustomerId;
import io.slawatch.core.ticket.Priority;
import io.slawatch.core.ticket.TicketId;
import io.slawatch.core.ticket.TicketStatus;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntitlementCheckTest {
  /** Tuesday 24 November 2026, 10:00 UTC (11:00 in Paris, 05:00 in New York). */
  private static final Instant TUESDAY = Instant.parse("2026-11-24T10:00:00Z");

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private static Customer customer(String plan, String... premiumContacts) {
    return new Customer(
        new CustomerId("acme"),
        "Acme",
        plan,
        PARIS,
        Optional.empty(),
        "en",
        List.of(premiumContacts),
        Optional.empty(),
        Optional.empty(),
        false,
        List.of());
  }

  private static TicketEvent.Created ticket(String channel, String requester) {
    return ticket(channel, requester, TUESDAY);
  }

  private static TicketEvent.Created ticket(String channel, String requester, Instant at) {
    return new TicketEvent.Created(
        new EventId("test", "1"),
        new TicketId("T-1"),
        at,
        new CustomerId("acme"),
        Priority.P1,
        Optional.empty(),
        TicketStatus.NEW,
        channel,
        requester);
  }

  /** Checked on the customer's default business calendar: 09:00-17:00, Monday to Friday. */
  private static TicketEvent.Created check(TicketEvent.Created ticket, Customer customer) {
    return check(ticket, customer, CalendarDefinition.businessHours(customer.zone()));
  }

  private static TicketEvent.Created check(
      TicketEvent.Created ticket, Customer customer, CalendarDefinition businessCalendar) {
    return EntitlementCheck.check(ticket, customer, businessCalendar, PlanCatalog.presets());
  }

  /** A chat ticket raised at a local time in New York, on a customer there on this plan. */
  private static Set<String> chatInNewYork(String plan, String localDateTime) {
    Instant at = java.time.LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant();
    return check(ticket("chat", "", at), customer(plan), CalendarDefinition.businessHours(NEW_YORK))
        .flags();
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
    assertThat(checked.flags()).containsExactly(NOT_PREMIUM_CONTACT);
    assertThat(checked.plan()).contains("jamf-standard");
  }

  @Test
  void a_channel_the_plan_does_not_include_is_tracked_with_a_flag() {
    var checked = check(ticket("phone", "bob@acme.example"), customer("opswat-silver"));
    assertThat(checked.flags()).containsExactly(CHANNEL_NOT_ENTITLED);
    assertThat(checked.plan()).isEmpty(); // still on the customer's plan
    assertThat(check(ticket("chat", ""), customer("opswat-silver")).flags())
        .containsExactly(CHANNEL_NOT_ENTITLED);
    assertThat(check(ticket("portal", ""), customer("opswat-silver")).flags()).isEmpty();
  }

  @Test
  void what_cannot_be_judged_is_not_flagged() {
    // a helpdesk's name is not a contact channel; no requester cannot be checked; no such plan
    assertThat(check(ticket("zendesk", ""), customer("jamf-gold")).flags()).isEmpty();
    assertThat(check(ticket("email", "x@y"), customer("no-such-plan")).flags()).isEmpty();
  }

  @ParameterizedTest(name = "{0}: on-site entitled = {1}")
  @CsvSource({"eurolinux-premium, true", "eurolinux-standard, true", "eurolinux-basic, false"})
  void eurolinux_premium_and_standard_include_on_site_support_and_basic_does_not(
      String plan, boolean entitled) {
    var checked = check(ticket("onsite", "bob@acme.example"), customer(plan));
    if (entitled) {
      assertThat(checked.flags()).isEmpty();
    } else {
      assertThat(checked.flags()).containsExactly(CHANNEL_NOT_ENTITLED);
    }
  }

  @Test
  void opswat_gold_live_chat_is_served_24_hours_on_business_days_and_not_at_the_weekend() {
    assertThat(chatInNewYork("opswat-gold", "2026-11-24T03:00")).isEmpty(); // Tuesday night
    assertThat(chatInNewYork("opswat-gold", "2026-11-27T23:59")).isEmpty(); // Friday, late
    var saturday =
        check(
            ticket("chat", "", Instant.parse("2026-11-28T15:00:00Z")),
            customer("opswat-gold"),
            CalendarDefinition.businessHours(NEW_YORK));
    assertThat(saturday.flags()).containsExactly(OUTSIDE_CHANNEL_HOURS);
    assertThat(saturday.plan()).isEmpty(); // tracked on the customer's plan all the same
  }

  @Test
  void opswat_platinum_live_chat_is_out_of_hours_at_the_weekend_but_its_phone_never_is() {
    assertThat(chatInNewYork("opswat-platinum", "2026-11-29T03:00"))
        .containsExactly(OUTSIDE_CHANNEL_HOURS);
    assertThat(chatInNewYork("opswat-platinum", "2026-11-24T03:00")).isEmpty();
    Instant sundayNight = Instant.parse("2026-11-29T08:00:00Z"); // 03:00 in New York
    assertThat(check(ticket("phone", "", sundayNight), customer("opswat-platinum")).flags())
        .isEmpty();
  }

  @ParameterizedTest(name = "chat at {0} local: outside hours = {1}")
  @CsvSource({
    "2026-11-24T07:59, true",
    "2026-11-24T08:00, false",
    "2026-11-24T20:59, false",
    "2026-11-24T21:00, true", // the closing instant is no longer open
    "2026-11-24T23:30, true",
    "2026-11-28T12:00, true" // Saturday
  })
  void opswat_emerald_us_live_chat_runs_13_hours_on_business_days_in_the_customers_zone(
      String local, boolean outside) {
    Set<String> flags = chatInNewYork("opswat-emerald-us", local);
    if (outside) {
      assertThat(flags).containsExactly(OUTSIDE_CHANNEL_HOURS);
    } else {
      assertThat(flags).isEmpty();
    }
  }

  @Test
  void opswat_emerald_us_phone_is_served_24x7() {
    Instant sundayNight = Instant.parse("2026-11-29T08:00:00Z");
    assertThat(check(ticket("phone", "", sundayNight), customer("opswat-emerald-us")).flags())
        .isEmpty();
  }

  @Test
  void the_same_instant_is_in_hours_for_one_customer_and_out_of_hours_for_another_by_zone() {
    // 02:30 UTC on Wednesday: 21:30 on Tuesday in New York, 10:30 on Wednesday in Taipei
    Instant at = Instant.parse("2026-11-25T02:30:00Z");
    var ticket = ticket("chat", "", at);
    Customer customer = customer("opswat-emerald-us");
    assertThat(check(ticket, customer, CalendarDefinition.businessHours(NEW_YORK)).flags())
        .containsExactly(OUTSIDE_CHANNEL_HOURS);
    assertThat(
            check(ticket, customer, CalendarDefinition.businessHours(ZoneId.of("Asia/Taipei")))
                .flags())
        .isEmpty();
  }

  @Test
  void channel_hours_follow_the_customers_own_business_days_and_holidays() {
    // a customer open Monday to Saturday, closed on Thanksgiving
    var week =
        new java.util.EnumMap<DayOfWeek, List<OpeningHours>>(
            Map.of(
                DayOfWeek.MONDAY, List.of(OpeningHours.of("09:00", "17:00")),
                DayOfWeek.TUESDAY, List.of(OpeningHours.of("09:00", "17:00")),
                DayOfWeek.WEDNESDAY, List.of(OpeningHours.of("09:00", "17:00")),
                DayOfWeek.THURSDAY, List.of(OpeningHours.of("09:00", "17:00")),
                DayOfWeek.FRIDAY, List.of(OpeningHours.of("09:00", "17:00")),
                DayOfWeek.SATURDAY, List.of(OpeningHours.of("10:00", "14:00"))));
    CalendarDefinition calendar =
        new CalendarDefinition(
            NEW_YORK,
            false,
            week,
            Set.of(LocalDate.parse("2026-11-26")),
            Set.of(),
            Map.of(),
            List.of(),
            List.of());
    Customer customer = customer("opswat-gold");
    Instant saturdayNight = Instant.parse("2026-11-29T03:00:00Z"); // Saturday 22:00 local
    Instant thanksgivingNoon = Instant.parse("2026-11-26T17:00:00Z");
    assertThat(check(ticket("chat", "", saturdayNight), customer, calendar).flags()).isEmpty();
    assertThat(check(ticket("chat", "", thanksgivingNoon), customer, calendar).flags())
        .containsExactly(OUTSIDE_CHANNEL_HOURS);
  }

  @Test
  void e_mail_and_portal_tickets_are_never_out_of_hours_but_a_phone_call_can_be() {
    Instant sunday = Instant.parse("2026-11-29T12:00:00Z");
    Customer customer = customer("jamf-standard");
    assertThat(check(ticket("email", "", sunday), customer).flags()).isEmpty();
    assertThat(check(ticket("portal", "", sunday), customer).flags()).isEmpty();
    assertThat(check(ticket("phone", "", sunday), customer).flags())
        .containsExactly(OUTSIDE_CHANNEL_HOURS);
    assertThat(check(ticket("phone", "", TUESDAY), customer).flags()).isEmpty();
  }

  @Test
  void a_contact_who_is_not_premium_phoning_at_the_weekend_gets_standard_hours_too() {
    Instant sunday = Instant.parse("2026-11-29T12:00:00Z");
    Customer customer = customer("jamf-gold", "ana@acme.example");
    assertThat(check(ticket("phone", "ana@acme.example", sunday), customer).flags()).isEmpty();
    var bob = check(ticket("phone", "bob@acme.example", sunday), customer);
    assertThat(bob.flags()).containsExactly(NOT_PREMIUM_CONTACT, OUTSIDE_CHANNEL_HOURS);
    assertThat(bob.plan()).contains("jamf-standard");
  }
}
