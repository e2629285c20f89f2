package io.slawatch.notifier.report;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.Message;

/** {@link ReportMessages} in Romanian. */
@Localized("ro")
public interface ReportMessagesRo extends ReportMessages {
  @Override
  @Message("Raport privind nivelul serviciilor {period}: {customer}")
  String subject(String period, String customer);

  @Override
  @Message("Raport privind nivelul serviciilor pentru {customer}")
  String title(String customer);

  @Override
  @Message(
      "Perioada: {from} – {to} ({zone}). Fiecare angajament este numărat în perioada în care i-a pornit termenul.")
  String period(String from, String to, String zone);

  @Override
  @Message("Angajamente respectate la timp: {percent} % ({met} din {decided}).")
  String overall(String percent, String met, String decided);

  @Override
  @Message("Niciun angajament nu a ajuns la termen în această perioadă.")
  String noneDecided();

  @Override
  @Message("Angajamente după prioritate")
  String commitments();

  @Override
  @Message("Prioritate")
  String priority();

  @Override
  @Message("Angajament")
  String clock();

  @Override
  @Message("Respectate")
  String met();

  @Override
  @Message("Respectate cu întârziere")
  String metLate();

  @Override
  @Message("Ratate")
  String breached();

  @Override
  @Message("În curs")
  String open();

  @Override
  @Message("La timp")
  String compliance();

  @Override
  @Message("Primul răspuns (mediană / 90 %)")
  String firstResponse();

  @Override
  @Message("Angajamente ratate ({count})")
  String missedHeading(String count);

  @Override
  @Message("Niciun angajament nu a fost ratat.")
  String noneMissed();

  @Override
  @Message("Tichet")
  String ticket();

  @Override
  @Message("Termen")
  String due();

  @Override
  @Message("Întârziere")
  String late();

  @Override
  @Message("Încă {count} în fișierul CSV atașat.")
  String more(String count);

  @Override
  @Message("Fișierele CSV atașate conțin toate cifrele și toate angajamentele ratate.")
  String attachments();

  @Override
  @Message("Plan {plan}. Trimis de slawatch.")
  String footer(String plan);

  @Override
  @Message("Servicii profesionale")
  String engagementsHeading();

  @Override
  @Message(
      "Servicii profesionale cumpărate conform politicii de servicii, numărate separat de tichete: fiecare obligație în perioada în care a început.")
  String engagementsNote();

  @Override
  @Message("Obligație")
  String obligation();

  @Override
  @Message("Serviciu")
  String engagement();

  @Override
  @Message("Finalizat în termen de un an de la cumpărare")
  String obligationExpiry();

  @Override
  @Message("Încercări de contact fără răspuns (risc)")
  String obligationForfeitRisk();

  @Override
  @Message("Programare modificată fără preaviz de 5 zile lucrătoare")
  String obligationLateNotice();

  @Override
  @Message("Sesiune neîncepută în 20 de minute (absență)")
  String obligationNoShow();

  @Override
  @Message("Obligații de servicii neîndeplinite ({count})")
  String engagementsMissedHeading(String count);
}
