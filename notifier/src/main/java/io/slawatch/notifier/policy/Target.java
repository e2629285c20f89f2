package io.slawatch.notifier.policy;

import io.slawatch.core.calendar.BusinessCalendar;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Someone an escalation step notifies, through one channel.
 *
 * @param name the name policies use
 * @param channel the channel's name ({@code slack}, {@code email}, {@code pagerduty}, ...)
 * @param address where the target is reached on its channel when that is per target (an e-mail
 *     address); otherwise the channel's configured destination
 * @param designatedEngineer the customer's designated engineer: the address comes from the customer
 *     record, and a customer without one skips this target
 * @param usPerson the target may receive alerts of customers served by US persons only
 * @param onCall when the target may be notified (absent: always); outside it, the target is skipped
 *     unless the policy pages at any hour
 * @param region the customers' region the target serves (a regional on-call); absent: every region.
 *     A customer in another region skips it; a customer without a region is served by every
 *     regional target
 * @param language the language the target reads its messages in (else the policy's, else English)
 * @param zone the zone due times are shown in for this target (else its on-call zone, else UTC)
 */
public record Target(
    String name,
    String channel,
    Optional<String> address,
    boolean designatedEngineer,
    boolean usPerson,
    Optional<BusinessCalendar> onCall,
    Optional<String> region,
    Optional<Locale> language,
    Optional<ZoneId> zone) {
  public Target {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(onCall, "onCall");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(zone, "zone");
  }

  /** A target that is the channel's configured destination, always on call. */
  public static Target channel(String channel) {
    return new Target(
        channel,
        channel,
        Optional.empty(),
        false,
        false,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** Whether the target serves a customer in this region (or in none). */
  public boolean serves(Optional<String> customerRegion) {
    return region.isEmpty()
        || customerRegion.isEmpty()
        || region.get().equalsIgnoreCase(customerRegion.get());
  }

  public boolean onCallAt(Instant instant) {
    return onCall.map(hours -> hours.isOpen(instant)).orElse(true);
  }

  /** When the target is next on call at or after {@code instant}. */
  public Instant nextOnCall(Instant instant) {
    return onCall.map(hours -> hours.nextOpen(instant)).orElse(instant);
  }

  /** The zone the target reads times in: its own, else its on-call hours', else empty (UTC). */
  public Optional<ZoneId> readsTimesIn() {
    return zone.or(() -> onCall.map(BusinessCalendar::zone));
  }
}
