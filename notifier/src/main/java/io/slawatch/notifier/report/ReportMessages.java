package io.slawatch.notifier.report;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the customers' compliance reports (Qute message bundle {@code reports}), in English;
 * the customer's language comes from the {@code @Localized} bundles beside it (fr, pl, ro, zh-TW).
 */
@MessageBundle(value = "reports", locale = "en")
public interface ReportMessages {
  @Message("Service level report {period}: {customer}")
  String subject(String period, String customer);

  @Message("Service level report for {customer}")
  String title(String customer);

  @Message(
      "Period: {from} to {to} ({zone}). Each commitment is counted in the period its clock started.")
  String period(String from, String to, String zone);

  @Message("Commitments kept on time: {percent} % ({met} of {decided}).")
  String overall(String percent, String met, String decided);

  @Message("No commitment came due in this period.")
  String noneDecided();

  @Message("Commitments by priority")
  String commitments();

  @Message("Priority")
  String priority();

  @Message("Commitment")
  String clock();

  @Message("Met")
  String met();

  @Message("Met late")
  String metLate();

  @Message("Missed")
  String breached();

  @Message("Running")
  String open();

  @Message("On time")
  String compliance();

  @Message("First response (median / 90 %)")
  String firstResponse();

  @Message("Missed commitments ({count})")
  String missedHeading(String count);

  @Message("No commitment was missed.")
  String noneMissed();

  @Message("Ticket")
  String ticket();

  @Message("Due")
  String due();

  @Message("Late by")
  String late();

  @Message("{count} more in the attached CSV file.")
  String more(String count);

  @Message("The attached CSV files hold every figure and every missed commitment.")
  String attachments();

  @Message("Plan {plan}. Sent by slawatch.")
  String footer(String plan);

  @Message("Services engagements")
  String engagementsHeading();

  @Message(
      "Professional services bought under the services policy, counted apart from tickets: each obligation in the period it began.")
  String engagementsNote();

  @Message("Obligation")
  String obligation();

  @Message("Engagement")
  String engagement();

  @Message("Completed within a year of purchase")
  String obligationExpiry();

  @Message("Contact attempts unanswered (risk)")
  String obligationForfeitRisk();

  @Message("Booking changed without 5 business days' notice")
  String obligationLateNotice();

  @Message("Session not started within 20 minutes (no-show)")
  String obligationNoShow();

  @Message("Engagement obligations missed ({count})")
  String engagementsMissedHeading(String count);
}
