package io.slawatch.notifier.channel.text;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of alert messages (Qute message bundle), in English; the customer's language comes from
 * the {@code @Localized} bundles beside it (fr, pl, ro, zh-TW: the languages of the plans).
 */
@MessageBundle(value = "alerts", locale = "en")
public interface AlertMessages {
  @Message(
      "SLA warning: {percent}% of the {clock} target used on ticket {ticket} ({priority}, {customer})")
  String warning(String percent, String clock, String ticket, String priority, String customer);

  @Message("Update due on ticket {ticket} ({priority}, {customer})")
  String updateDue(String ticket, String priority, String customer);

  @Message("SLA breached: {clock} overdue on ticket {ticket} ({priority}, {customer})")
  String breached(String clock, String ticket, String priority, String customer);

  @Message("SLA met: {clock} on ticket {ticket} ({priority}, {customer})")
  String met(String clock, String ticket, String priority, String customer);

  @Message("Ticket")
  String ticket();

  @Message("Customer")
  String customer();

  @Message("Plan")
  String plan();

  @Message("Priority")
  String priority();

  @Message("Commitment")
  String commitment();

  @Message("{clock} within {target}")
  String commitmentValue(String clock, String target);

  @Message("Due")
  String due();

  @Message("Was due")
  String wasDue();

  @Message("Used")
  String used();

  @Message("Took")
  String took();

  @Message("Escalation level")
  String level();

  @Message("Acknowledge")
  String acknowledge();

  @Message("Ticket link")
  String ticketLink();

  @Message("first response")
  String firstResponse();

  @Message("next response")
  String nextResponse();

  @Message("update")
  String update();

  @Message("resolution")
  String resolution();

  @Message("SLA ended: {clock} on ticket {ticket} ({priority}, {customer}): {outcome}")
  String ended(String clock, String ticket, String priority, String customer, String outcome);

  @Message("met {late} late")
  String endedMetLate(String late);

  @Message("ticket solved")
  String endedSolved();

  @Message("ticket closed")
  String endedClosed();

  @Message("clock removed by a priority or plan change")
  String endedRemoved();

  @Message("Outcome")
  String outcome();

  @Message("Late")
  String late();

  @Message("Customer's language")
  String customerLanguage();

  @Message("Customer's time")
  String customerTime();

  @Message("{n} h")
  String hours(long n);

  @Message("{n} min")
  String minutes(long n);

  @Message("{n} s")
  String seconds(long n);

  @Message("Engagement {engagement} ({customer}): {obligation}, {detail}")
  String engagementAlert(String engagement, String customer, String obligation, String detail);

  @Message("Engagement")
  String engagement();

  @Message("expiry")
  String expiry();

  @Message("forfeit risk")
  String forfeitRisk();

  @Message("late notice")
  String lateNotice();

  @Message("no-show")
  String noShow();

  @Message("the session did not start {minutes} minutes after {start}")
  String noShowDetail(long minutes, String start);

  @Message(
      "the booking was moved or cancelled with less than {days} business days' notice (due by {deadline})")
  String lateNoticeDetail(int days, String deadline);

  @Message("{attempts} contact attempts without a response: the service may be forfeited")
  String forfeitRiskDetail(int attempts);

  @Message("the purchased services expired unfinished on {expiresAt}")
  String expiryDetail(String expiresAt);

  @Message("{percent}% of the year used, the services expire on {expiresAt}")
  String expiryWarningDetail(String percent, String expiresAt);

  @Message("met")
  String engagementMet();

  @Message("the booking was moved or cancelled")
  String endedBookingMoved();

  // a group of alerts as one notification (GroupText)

  @Message("{tickets} of {customers} breached {clock}")
  String groupBreached(String tickets, String customers, String clock);

  @Message("{tickets} of {customers} close to their {clock} target")
  String groupWarning(String tickets, String customers, String clock);

  @Message("{tickets} of {customers} due for an update")
  String groupUpdateDue(String tickets, String customers);

  @Message("{#if count == 1}1 ticket{#else}{count} tickets{/if}")
  String ticketCount(int count);

  @Message("{headline}: {tickets}")
  String listed(String headline, String tickets);

  @Message("and {n} more")
  String andMore(int n);

  @Message("Tickets")
  String tickets();
}
