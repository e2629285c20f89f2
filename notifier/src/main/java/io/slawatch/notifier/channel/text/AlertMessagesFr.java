package io.slawatch.notifier.channel.text;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.Message;

/** {@link AlertMessages} in French. */
@Localized("fr")
public interface AlertMessagesFr extends AlertMessages {
  @Override
  @Message(
      "Alerte SLA : {percent} % du délai de {clock} consommé sur le ticket {ticket} ({priority}, {customer})")
  String warning(String percent, String clock, String ticket, String priority, String customer);

  @Override
  @Message("Mise à jour attendue sur le ticket {ticket} ({priority}, {customer})")
  String updateDue(String ticket, String priority, String customer);

  @Override
  @Message("SLA dépassé : {clock} en retard sur le ticket {ticket} ({priority}, {customer})")
  String breached(String clock, String ticket, String priority, String customer);

  @Override
  @Message("SLA respecté : {clock} sur le ticket {ticket} ({priority}, {customer})")
  String met(String clock, String ticket, String priority, String customer);

  @Override
  @Message("Ticket")
  String ticket();

  @Override
  @Message("Client")
  String customer();

  @Override
  @Message("Offre")
  String plan();

  @Override
  @Message("Priorité")
  String priority();

  @Override
  @Message("Engagement")
  String commitment();

  @Override
  @Message("{clock} sous {target}")
  String commitmentValue(String clock, String target);

  @Override
  @Message("Échéance")
  String due();

  @Override
  @Message("Échéance prévue")
  String wasDue();

  @Override
  @Message("Consommé")
  String used();

  @Override
  @Message("Durée")
  String took();

  @Override
  @Message("Niveau d'escalade")
  String level();

  @Override
  @Message("Acquitter")
  String acknowledge();

  @Override
  @Message("Lien du ticket")
  String ticketLink();

  @Override
  @Message("première réponse")
  String firstResponse();

  @Override
  @Message("réponse suivante")
  String nextResponse();

  @Override
  @Message("mise à jour")
  String update();

  @Override
  @Message("résolution")
  String resolution();

  @Override
  @Message("SLA clos : {clock} sur le ticket {ticket} ({priority}, {customer}) : {outcome}")
  String ended(String clock, String ticket, String priority, String customer, String outcome);

  @Override
  @Message("respecté avec {late} de retard")
  String endedMetLate(String late);

  @Override
  @Message("ticket résolu")
  String endedSolved();

  @Override
  @Message("ticket fermé")
  String endedClosed();

  @Override
  @Message("délai supprimé par un changement de priorité ou d'offre")
  String endedRemoved();

  @Override
  @Message("Issue")
  String outcome();

  @Override
  @Message("Retard")
  String late();

  @Override
  @Message("Langue du client")
  String customerLanguage();

  @Override
  @Message("Heure du client")
  String customerTime();

  @Override
  @Message("{n} h")
  String hours(long n);

  @Override
  @Message("{n} min")
  String minutes(long n);

  @Override
  @Message("{n} s")
  String seconds(long n);

  @Override
  @Message("Prestation {engagement} ({customer}) : {obligation}, {detail}")
  String engagementAlert(String engagement, String customer, String obligation, String detail);

  @Override
  @Message("Prestation")
  String engagement();

  @Override
  @Message("expiration")
  String expiry();

  @Override
  @Message("risque de perte")
  String forfeitRisk();

  @Override
  @Message("préavis tardif")
  String lateNotice();

  @Override
  @Message("absence")
  String noShow();

  @Override
  @Message("la session n'a pas commencé {minutes} minutes après {start}")
  String noShowDetail(long minutes, String start);

  @Override
  @Message(
      "la réservation a été déplacée ou annulée avec moins de {days} jours ouvrés de préavis (au plus tard {deadline})")
  String lateNoticeDetail(int days, String deadline);

  @Override
  @Message("{attempts} tentatives de contact sans réponse : la prestation peut être perdue")
  String forfeitRiskDetail(int attempts);

  @Override
  @Message("les services achetés ont expiré sans être terminés le {expiresAt}")
  String expiryDetail(String expiresAt);

  @Override
  @Message("{percent} % de l'année écoulée, les services expirent le {expiresAt}")
  String expiryWarningDetail(String percent, String expiresAt);

  @Override
  @Message("respecté")
  String engagementMet();

  @Override
  @Message("la réservation a été déplacée ou annulée")
  String endedBookingMoved();

  @Override
  @Message("SLA dépassé : {clock} en retard sur {tickets} de {customers}")
  String groupBreached(String tickets, String customers, String clock);

  @Override
  @Message("Alerte SLA : délai de {clock} bientôt atteint sur {tickets} de {customers}")
  String groupWarning(String tickets, String customers, String clock);

  @Override
  @Message("Mise à jour attendue sur {tickets} de {customers}")
  String groupUpdateDue(String tickets, String customers);

  @Override
  @Message("{#if count == 1}1 ticket{#else}{count} tickets{/if}")
  String ticketCount(int count);

  @Override
  @Message("{headline} : {tickets}")
  String listed(String headline, String tickets);

  @Override
  @Message("et {n} de plus")
  String andMore(int n);

  @Override
  @Message("Tickets")
  String tickets();
}
