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
}
