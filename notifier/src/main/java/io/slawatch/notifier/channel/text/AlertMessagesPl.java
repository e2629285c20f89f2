package io.slawatch.notifier.channel.text;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.Message;

/** {@link AlertMessages} in Polish. */
@Localized("pl")
public interface AlertMessagesPl extends AlertMessages {
  @Override
  @Message(
      "Ostrzeżenie SLA: wykorzystano {percent}% czasu na {clock} w zgłoszeniu {ticket} ({priority}, {customer})")
  String warning(String percent, String clock, String ticket, String priority, String customer);

  @Override
  @Message("Wymagana aktualizacja zgłoszenia {ticket} ({priority}, {customer})")
  String updateDue(String ticket, String priority, String customer);

  @Override
  @Message(
      "Naruszenie SLA: przekroczony czas na {clock} w zgłoszeniu {ticket} ({priority}, {customer})")
  String breached(String clock, String ticket, String priority, String customer);

  @Override
  @Message("SLA dotrzymane: {clock} w zgłoszeniu {ticket} ({priority}, {customer})")
  String met(String clock, String ticket, String priority, String customer);

  @Override
  @Message("Zgłoszenie")
  String ticket();

  @Override
  @Message("Klient")
  String customer();

  @Override
  @Message("Plan")
  String plan();

  @Override
  @Message("Priorytet")
  String priority();

  @Override
  @Message("Zobowiązanie")
  String commitment();

  @Override
  @Message("{clock} w ciągu {target}")
  String commitmentValue(String clock, String target);

  @Override
  @Message("Termin")
  String due();

  @Override
  @Message("Termin upływał")
  String wasDue();

  @Override
  @Message("Wykorzystano")
  String used();

  @Override
  @Message("Trwało")
  String took();

  @Override
  @Message("Poziom eskalacji")
  String level();

  @Override
  @Message("Potwierdź")
  String acknowledge();

  @Override
  @Message("Link do zgłoszenia")
  String ticketLink();

  @Override
  @Message("pierwsza odpowiedź")
  String firstResponse();

  @Override
  @Message("kolejna odpowiedź")
  String nextResponse();

  @Override
  @Message("aktualizacja")
  String update();

  @Override
  @Message("rozwiązanie")
  String resolution();

  @Override
  @Message("SLA zakończone: {clock} w zgłoszeniu {ticket} ({priority}, {customer}): {outcome}")
  String ended(String clock, String ticket, String priority, String customer, String outcome);

  @Override
  @Message("dotrzymane z opóźnieniem {late}")
  String endedMetLate(String late);

  @Override
  @Message("zgłoszenie rozwiązane")
  String endedSolved();

  @Override
  @Message("zgłoszenie zamknięte")
  String endedClosed();

  @Override
  @Message("termin usunięty przez zmianę priorytetu lub planu")
  String endedRemoved();

  @Override
  @Message("Wynik")
  String outcome();

  @Override
  @Message("Opóźnienie")
  String late();

  @Override
  @Message("Język klienta")
  String customerLanguage();

  @Override
  @Message("Czas klienta")
  String customerTime();

  @Override
  @Message("{n} godz.")
  String hours(long n);

  @Override
  @Message("{n} min")
  String minutes(long n);

  @Override
  @Message("{n} s")
  String seconds(long n);

  @Override
  @Message("Usługa {engagement} ({customer}): {obligation}, {detail}")
  String engagementAlert(String engagement, String customer, String obligation, String detail);

  @Override
  @Message("Usługa")
  String engagement();

  @Override
  @Message("wygaśnięcie")
  String expiry();

  @Override
  @Message("ryzyko utraty")
  String forfeitRisk();

  @Override
  @Message("spóźnione powiadomienie")
  String lateNotice();

  @Override
  @Message("niestawienie się")
  String noShow();

  @Override
  @Message("sesja nie rozpoczęła się {minutes} minut po {start}")
  String noShowDetail(long minutes, String start);

  @Override
  @Message(
      "rezerwację przesunięto lub odwołano z wyprzedzeniem krótszym niż {days} dni robocze (termin {deadline})")
  String lateNoticeDetail(int days, String deadline);

  @Override
  @Message("{attempts} próby kontaktu bez odpowiedzi: usługa może przepaść")
  String forfeitRiskDetail(int attempts);

  @Override
  @Message("zakupione usługi wygasły niezrealizowane {expiresAt}")
  String expiryDetail(String expiresAt);

  @Override
  @Message("upłynęło {percent}% roku, usługi wygasają {expiresAt}")
  String expiryWarningDetail(String percent, String expiresAt);

  @Override
  @Message("dotrzymane")
  String engagementMet();

  @Override
  @Message("rezerwację przesunięto lub odwołano")
  String endedBookingMoved();

  @Override
  @Message("Naruszenie SLA: przekroczony czas na {clock}, klient {customers}, {tickets}")
  String groupBreached(String tickets, String customers, String clock);

  @Override
  @Message("Ostrzeżenie SLA: zbliża się termin na {clock}, klient {customers}, {tickets}")
  String groupWarning(String tickets, String customers, String clock);

  @Override
  @Message("Wymagana aktualizacja zgłoszeń, klient {customers}, {tickets}")
  String groupUpdateDue(String tickets, String customers);

  @Override
  @Message("liczba zgłoszeń: {count}")
  String ticketCount(int count);

  @Override
  @Message("{headline}: {tickets}")
  String listed(String headline, String tickets);

  @Override
  @Message("i jeszcze {n}")
  String andMore(int n);

  @Override
  @Message("Zgłoszenia")
  String tickets();
}
