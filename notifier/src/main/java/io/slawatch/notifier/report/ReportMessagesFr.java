package io.slawatch.notifier.report;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.Message;

/** {@link ReportMessages} in French. */
@Localized("fr")
public interface ReportMessagesFr extends ReportMessages {
  @Override
  @Message("Rapport de niveau de service {period} : {customer}")
  String subject(String period, String customer);

  @Override
  @Message("Rapport de niveau de service pour {customer}")
  String title(String customer);

  @Override
  @Message(
      "Période : du {from} au {to} ({zone}). Chaque engagement compte dans la période où son délai a commencé.")
  String period(String from, String to, String zone);

  @Override
  @Message("Engagements tenus à temps : {percent} % ({met} sur {decided}).")
  String overall(String percent, String met, String decided);

  @Override
  @Message("Aucun engagement n'est arrivé à échéance pendant cette période.")
  String noneDecided();

  @Override
  @Message("Engagements par priorité")
  String commitments();

  @Override
  @Message("Priorité")
  String priority();

  @Override
  @Message("Engagement")
  String clock();

  @Override
  @Message("Tenus")
  String met();

  @Override
  @Message("Tenus en retard")
  String metLate();

  @Override
  @Message("Manqués")
  String breached();

  @Override
  @Message("En cours")
  String open();

  @Override
  @Message("À temps")
  String compliance();

  @Override
  @Message("Première réponse (médiane / 90 %)")
  String firstResponse();

  @Override
  @Message("Engagements manqués ({count})")
  String missedHeading(String count);

  @Override
  @Message("Aucun engagement n'a été manqué.")
  String noneMissed();

  @Override
  @Message("Ticket")
  String ticket();

  @Override
  @Message("Échéance")
  String due();

  @Override
  @Message("Retard")
  String late();

  @Override
  @Message("{count} de plus dans le fichier CSV joint.")
  String more(String count);

  @Override
  @Message("Les fichiers CSV joints contiennent tous les chiffres et tous les engagements manqués.")
  String attachments();

  @Override
  @Message("Offre {plan}. Envoyé par slawatch.")
  String footer(String plan);

  @Override
  @Message("Prestations de services")
  String engagementsHeading();

  @Override
  @Message(
      "Services professionnels achetés selon la politique de services, comptés à part des tickets : chaque obligation dans la période où elle a commencé.")
  String engagementsNote();

  @Override
  @Message("Obligation")
  String obligation();

  @Override
  @Message("Prestation")
  String engagement();

  @Override
  @Message("Terminée dans l'année suivant l'achat")
  String obligationExpiry();

  @Override
  @Message("Tentatives de contact sans réponse (risque)")
  String obligationForfeitRisk();

  @Override
  @Message("Réservation modifiée sans préavis de 5 jours ouvrés")
  String obligationLateNotice();

  @Override
  @Message("Session non commencée dans les 20 minutes (absence)")
  String obligationNoShow();

  @Override
  @Message("Obligations de prestation manquées ({count})")
  String engagementsMissedHeading(String count);
}
