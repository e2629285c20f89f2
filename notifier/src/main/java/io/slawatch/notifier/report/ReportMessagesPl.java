package io.slawatch.notifier.report;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.Message;

/** {@link ReportMessages} in Polish. */
@Localized("pl")
public interface ReportMessagesPl extends ReportMessages {
  @Override
  @Message("Raport poziomu usług {period}: {customer}")
  String subject(String period, String customer);

  @Override
  @Message("Raport poziomu usług dla {customer}")
  String title(String customer);

  @Override
  @Message(
      "Okres: od {from} do {to} ({zone}). Każde zobowiązanie liczy się w okresie, w którym rozpoczął się jego czas.")
  String period(String from, String to, String zone);

  @Override
  @Message("Zobowiązania dotrzymane na czas: {percent}% ({met} z {decided}).")
  String overall(String percent, String met, String decided);

  @Override
  @Message("W tym okresie nie minął termin żadnego zobowiązania.")
  String noneDecided();

  @Override
  @Message("Zobowiązania według priorytetu")
  String commitments();

  @Override
  @Message("Priorytet")
  String priority();

  @Override
  @Message("Zobowiązanie")
  String clock();

  @Override
  @Message("Dotrzymane")
  String met();

  @Override
  @Message("Dotrzymane z opóźnieniem")
  String metLate();

  @Override
  @Message("Niedotrzymane")
  String breached();

  @Override
  @Message("W toku")
  String open();

  @Override
  @Message("Na czas")
  String compliance();

  @Override
  @Message("Pierwsza odpowiedź (mediana / 90%)")
  String firstResponse();

  @Override
  @Message("Niedotrzymane zobowiązania ({count})")
  String missedHeading(String count);

  @Override
  @Message("Żadne zobowiązanie nie zostało niedotrzymane.")
  String noneMissed();

  @Override
  @Message("Zgłoszenie")
  String ticket();

  @Override
  @Message("Termin")
  String due();

  @Override
  @Message("Opóźnienie")
  String late();

  @Override
  @Message("Kolejne ({count}) w załączonym pliku CSV.")
  String more(String count);

  @Override
  @Message("Załączone pliki CSV zawierają wszystkie dane i wszystkie niedotrzymane zobowiązania.")
  String attachments();

  @Override
  @Message("Plan {plan}. Wysłane przez slawatch.")
  String footer(String plan);

  @Override
  @Message("Usługi profesjonalne")
  String engagementsHeading();

  @Override
  @Message(
      "Usługi profesjonalne kupione zgodnie z polityką usług, liczone osobno od zgłoszeń: każde zobowiązanie w okresie, w którym się rozpoczęło.")
  String engagementsNote();

  @Override
  @Message("Zobowiązanie")
  String obligation();

  @Override
  @Message("Usługa")
  String engagement();

  @Override
  @Message("Zakończona w ciągu roku od zakupu")
  String obligationExpiry();

  @Override
  @Message("Próby kontaktu bez odpowiedzi (ryzyko)")
  String obligationForfeitRisk();

  @Override
  @Message("Rezerwacja zmieniona bez 5 dni roboczych wyprzedzenia")
  String obligationLateNotice();

  @Override
  @Message("Sesja nierozpoczęta w ciągu 20 minut (nieobecność)")
  String obligationNoShow();

  @Override
  @Message("Niedotrzymane zobowiązania usług ({count})")
  String engagementsMissedHeading(String count);
}
