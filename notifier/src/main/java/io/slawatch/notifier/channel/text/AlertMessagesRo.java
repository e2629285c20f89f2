package io.slawatch.notifier.channel.text;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.Message;

/** {@link AlertMessages} in Romanian. */
@Localized("ro")
public interface AlertMessagesRo extends AlertMessages {
  @Override
  @Message(
      "Avertizare SLA: {percent}% din termenul pentru {clock} consumat la tichetul {ticket} ({priority}, {customer})")
  String warning(String percent, String clock, String ticket, String priority, String customer);

  @Override
  @Message("Actualizare necesară pentru tichetul {ticket} ({priority}, {customer})")
  String updateDue(String ticket, String priority, String customer);

  @Override
  @Message(
      "SLA încălcat: termenul pentru {clock} a fost depășit la tichetul {ticket} ({priority}, {customer})")
  String breached(String clock, String ticket, String priority, String customer);

  @Override
  @Message("SLA respectat: {clock} la tichetul {ticket} ({priority}, {customer})")
  String met(String clock, String ticket, String priority, String customer);

  @Override
  @Message("Tichet")
  String ticket();

  @Override
  @Message("Client")
  String customer();

  @Override
  @Message("Plan")
  String plan();

  @Override
  @Message("Prioritate")
  String priority();

  @Override
  @Message("Angajament")
  String commitment();

  @Override
  @Message("{clock} în {target}")
  String commitmentValue(String clock, String target);

  @Override
  @Message("Termen")
  String due();

  @Override
  @Message("Termenul a fost")
  String wasDue();

  @Override
  @Message("Consumat")
  String used();

  @Override
  @Message("Durată")
  String took();

  @Override
  @Message("Nivel de escaladare")
  String level();

  @Override
  @Message("Confirmă")
  String acknowledge();

  @Override
  @Message("Link către tichet")
  String ticketLink();

  @Override
  @Message("primul răspuns")
  String firstResponse();

  @Override
  @Message("răspunsul următor")
  String nextResponse();

  @Override
  @Message("actualizare")
  String update();

  @Override
  @Message("rezolvare")
  String resolution();

  @Override
  @Message("SLA încheiat: {clock} la tichetul {ticket} ({priority}, {customer}): {outcome}")
  String ended(String clock, String ticket, String priority, String customer, String outcome);

  @Override
  @Message("respectat cu o întârziere de {late}")
  String endedMetLate(String late);

  @Override
  @Message("tichet rezolvat")
  String endedSolved();

  @Override
  @Message("tichet închis")
  String endedClosed();

  @Override
  @Message("termen eliminat de o schimbare de prioritate sau de plan")
  String endedRemoved();

  @Override
  @Message("Rezultat")
  String outcome();

  @Override
  @Message("Întârziere")
  String late();

  @Override
  @Message("Limba clientului")
  String customerLanguage();

  @Override
  @Message("Ora clientului")
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
  @Message("Serviciul {engagement} ({customer}): {obligation}, {detail}")
  String engagementAlert(String engagement, String customer, String obligation, String detail);

  @Override
  @Message("Serviciu")
  String engagement();

  @Override
  @Message("expirare")
  String expiry();

  @Override
  @Message("risc de pierdere")
  String forfeitRisk();

  @Override
  @Message("preaviz întârziat")
  String lateNotice();

  @Override
  @Message("neprezentare")
  String noShow();

  @Override
  @Message("sesiunea nu a început la {minutes} minute după {start}")
  String noShowDetail(long minutes, String start);

  @Override
  @Message(
      "rezervarea a fost mutată sau anulată cu un preaviz mai mic de {days} zile lucrătoare (termen {deadline})")
  String lateNoticeDetail(int days, String deadline);

  @Override
  @Message("{attempts} încercări de contact fără răspuns: serviciul poate fi pierdut")
  String forfeitRiskDetail(int attempts);

  @Override
  @Message("serviciile achiziționate au expirat neterminate la {expiresAt}")
  String expiryDetail(String expiresAt);

  @Override
  @Message("{percent}% din an a trecut, serviciile expiră la {expiresAt}")
  String expiryWarningDetail(String percent, String expiresAt);

  @Override
  @Message("respectat")
  String engagementMet();

  @Override
  @Message("rezervarea a fost mutată sau anulată")
  String endedBookingMoved();

  @Override
  @Message("SLA încălcat: termenul pentru {clock} a fost depășit ({customers}, {tickets})")
  String groupBreached(String tickets, String customers, String clock);

  @Override
  @Message("Avertizare SLA: termenul pentru {clock} se apropie ({customers}, {tickets})")
  String groupWarning(String tickets, String customers, String clock);

  @Override
  @Message("Actualizare necesară ({customers}, {tickets})")
  String groupUpdateDue(String tickets, String customers);

  @Override
  @Message("număr de tichete: {count}")
  String ticketCount(int count);

  @Override
  @Message("{headline}: {tickets}")
  String listed(String headline, String tickets);

  @Override
  @Message("și încă {n}")
  String andMore(int n);

  @Override
  @Message("Tichete")
  String tickets();
}
