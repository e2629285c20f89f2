package io.slawatch.core.plan;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a plan entitles a customer to, as data for intake and notifier: channels (and their hours),
 * premium contacts, triage level, designated engineer, RCA for P1, US persons only, and the rest.
 *
 * @param channels channel name to the hours it is served on the customer's business calendar, e.g.
 *     {@code phone -> 24x7}, {@code chat -> business_days 08:00-21:00}; a channel absent from the
 *     map is not included ("channel not entitled"), except {@code onsite} when {@code
 *     onsiteSupport}
 * @param premiumContacts validated premium contacts; others get {@code nonPremiumContactPlan}
 * @param designatedEngineer {@code none}, {@code yes} or {@code per_region}
 * @param onsiteSupport on-site support is included: the {@code onsite} channel is entitled
 * @param slaReports the customer is owed periodic SLA compliance reports (Jamf Gold and Platinum:
 *     "enhanced support updates and reports"; OPSWAT Platinum and Emerald-US: the "continuous
 *     reporting" of managed services): the notifier e-mails them to the customer's report
 *     recipients
 * @param extras further published entitlements as text (prices, warranty, scope...)
 */
public record Entitlements(
    Map<String, Coverage> channels,
    OptionalInt premiumContacts,
    Optional<String> nonPremiumContactPlan,
    Optional<String> triageLevel,
    boolean level3Support,
    Optional<String> phoneSupport,
    boolean support24x7English,
    boolean enhancedUpdatesAndReports,
    boolean slaReports,
    int professionalServicesHours,
    boolean rcaForP1,
    String designatedEngineer,
    boolean executiveSponsor,
    boolean usPersonsOnly,
    boolean onsiteSupport,
    List<String> languages,
    List<String> escalationPath,
    Map<String, String> extras) {

  public Entitlements {
    channels = Map.copyOf(channels);
    Objects.requireNonNull(premiumContacts, "premiumContacts");
    Objects.requireNonNull(nonPremiumContactPlan, "nonPremiumContactPlan");
    Objects.requireNonNull(triageLevel, "triageLevel");
    Objects.requireNonNull(phoneSupport, "phoneSupport");
    Objects.requireNonNull(designatedEngineer, "designatedEngineer");
    languages = List.copyOf(languages);
    escalationPath = List.copyOf(escalationPath);
    extras = Map.copyOf(extras);
  }

  /** The on-site contact channel, included by {@code onsite_support} as well as by the map. */
  public static final String ONSITE = "onsite";

  /** Whether a ticket raised through {@code channel} is entitled (else: "channel not entitled"). */
  public boolean includesChannel(String channel) {
    return channels.containsKey(channel) || (onsiteSupport && ONSITE.equals(channel));
  }

  /** The hours {@code channel} is served, when the plan lists it with hours. */
  public Optional<Coverage> hoursOf(String channel) {
    return Optional.ofNullable(channels.get(channel));
  }
}
