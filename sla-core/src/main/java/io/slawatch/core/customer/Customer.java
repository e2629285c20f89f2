package io.slawatch.core.customer;

import io.slawatch.core.calendar.CalendarDefinition;
import io.slawatch.core.calendar.CalendarReader;
import io.slawatch.core.config.YamlTrees;
import io.slawatch.core.ticket.CustomerId;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A customer as the registry keeps it and publishes it on {@code customer.events.v1}: the plan its
 * tickets run on, its time zone and business calendar, the language alerts about it are written in,
 * and the entitlements intake and notifier check (premium contacts, designated engineer, region, US
 * persons only), and who receives its compliance reports ({@code reportRecipients}, e-mail
 * addresses; none: no report is sent). {@code calendar} is the business calendar in the sla-core
 * calendar format (JSON), as the customer's administrator wrote it; without one, the default
 * business hours of the zone apply.
 */
public record Customer(
    CustomerId id,
    String name,
    String plan,
    ZoneId zone,
    Optional<String> calendar,
    String language,
    List<String> premiumContacts,
    Optional<String> designatedEngineer,
    Optional<String> region,
    boolean usPersonsOnly,
    List<String> reportRecipients) {

  /** The languages of the plans, in which messages are written. */
  public static final Set<String> LANGUAGES = Set.of("en", "fr", "pl", "ro", "zh-TW");

  public Customer {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(calendar, "calendar");
    Objects.requireNonNull(designatedEngineer, "designatedEngineer");
    Objects.requireNonNull(region, "region");
    if (!LANGUAGES.contains(language)) {
      throw new IllegalArgumentException("language " + language + " is not one of " + LANGUAGES);
    }
    premiumContacts = List.copyOf(premiumContacts);
    reportRecipients = List.copyOf(reportRecipients);
  }

  /**
   * What the SLA engine needs: the plan and the business calendar (default hours in the zone).
   * Throws {@link io.slawatch.core.config.ConfigException} naming the field if the calendar is
   * wrong.
   */
  public CustomerTerms terms(CalendarReader reader) {
    return new CustomerTerms(plan, businessCalendar(reader));
  }

  /**
   * The customer's business calendar: its own, else the default business hours in its zone. Throws
   * {@link io.slawatch.core.config.ConfigException} naming the field if the calendar is wrong.
   */
  public CalendarDefinition businessCalendar(CalendarReader reader) {
    return businessCalendar(calendar, zone, reader);
  }

  /**
   * The business calendar of a customer record's {@code calendar} (JSON, the sla-core calendar
   * format) and {@code zone}: the calendar when there is one, else the default business hours
   * (09:00-17:00, Monday to Friday) in the zone.
   */
  public static CalendarDefinition businessCalendar(
      Optional<String> calendar, ZoneId zone, CalendarReader reader) {
    return calendar
        .map(text -> reader.read(YamlTrees.parse(text)))
        .orElseGet(() -> CalendarDefinition.businessHours(zone));
  }

  /** Whether a requester may open tickets with the plan's premium treatment. */
  public boolean isPremiumContact(String requester) {
    return isPremiumContact(premiumContacts, requester);
  }

  /**
   * Whether {@code requester} is one of these premium contacts (addresses compared without case).
   */
  public static boolean isPremiumContact(List<String> premiumContacts, String requester) {
    return premiumContacts.stream().anyMatch(contact -> contact.equalsIgnoreCase(requester));
  }
}
