package io.slawatch.notifier.report;

import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.StartupEvent;
import io.slawatch.core.customer.Customer;
import io.slawatch.core.plan.PlanCatalog;
import io.slawatch.notifier.customer.CustomerDirectory;
import io.slawatch.notifier.store.ReportStore;
import io.slawatch.service.loop.PollLoop;
import io.slawatch.service.loop.PollLoops;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The compliance reports e-mailed to customers: every {@code check-interval}, each customer that
 * names report recipients and whose plan includes reports gets the report of its last complete
 * period (a month, or a week, in its own zone) once: one instance claims it in {@code
 * customer_report} (so two notifiers, or one restarted, do not send it twice), reads the figures
 * from sla-timer, sends the e-mail and records it. A failed attempt is retried after a back-off, a
 * claim whose instance died is taken over when its lease runs out; a crash between the sending and
 * its record sends it again with the same Message-ID (at least once).
 */
@ApplicationScoped
public class CustomerReports {
  private static final Logger LOG = Logger.getLogger(CustomerReports.class);

  private final ReportConfig config;
  private final CustomerDirectory customers;
  private final PlanCatalog plans;
  private final ReportStore store;
  private final TimerReports timer;
  private final ReportMail mail;
  private final ReactiveMailer mailer;
  private final PollLoops loops;
  private final Clock clock;
  private final String instance;

  CustomerReports(
      ReportConfig config,
      CustomerDirectory customers,
      PlanCatalog plans,
      ReportStore store,
      TimerReports timer,
      ReportMail mail,
      ReactiveMailer mailer,
      PollLoops loops,
      Clock clock) {
    this.config = config;
    this.customers = customers;
    this.plans = plans;
    this.store = store;
    this.timer = timer;
    this.mail = mail;
    this.mailer = mailer;
    this.loops = loops;
    this.clock = clock;
    this.instance =
        ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  void start(@Observes StartupEvent started) {
    if (!config.enabled()) {
      return;
    }
    if (config.timerUrl().isEmpty()) {
      throw new IllegalStateException(
          "slawatch.notifier.reports.enabled is true but slawatch.notifier.reports.timer-url is"
              + " not set (sla-timer's base URL, where the figures come from)");
    }
    loops.start(
        new PollLoop.Settings(
            "customer-reports", config.checkInterval(), config.lease().minusSeconds(10)),
        this::sendDue);
  }

  /** Whether {@code customer}'s plan includes compliance reports. */
  public boolean owed(Customer customer) {
    return config
        .plans()
        .map(list -> list.contains(customer.plan()))
        .orElseGet(
            () ->
                plans.find(customer.plan()).map(p -> p.entitlements().slaReports()).orElse(false));
  }

  /** One round: every report due and not yet sent (by any instance); how many this one sent. */
  public Uni<Integer> sendDue() {
    Instant now = clock.instant();
    return customers
        .withReportRecipients()
        .onItem()
        .transformToMulti(list -> Multi.createFrom().iterable(list))
        .filter(this::owed)
        .onItem()
        .transformToUniAndConcatenate(
            customer -> {
              ReportPeriod period =
                  ReportPeriod.lastDue(config.period(), customer.zone(), now, config.delay());
              return send(customer, period, period.label(), period.to(customer.zone()), null);
            })
        .collect()
        .asList()
        .map(sent -> (int) sent.stream().filter(Boolean::booleanValue).count());
  }

  /**
   * Sends {@code customer}'s report of {@code period} now, up to {@code to} (the period's end, or
   * now for a period still running), asked for by {@code who}: a row of its own in the audit.
   *
   * @return the report's key in the audit ({@code customer_report.period})
   */
  public Uni<String> sendNow(Customer customer, ReportPeriod period, String who) {
    Instant now = clock.instant();
    Instant end = period.to(customer.zone());
    Instant to = end.isAfter(now) ? now : end;
    String key = period.label() + "@" + to;
    return send(customer, period, key, to, who).replaceWith(key);
  }

  private Uni<Boolean> send(
      Customer customer, ReportPeriod period, String key, Instant to, String who) {
    String id = customer.id().value();
    String reportKey = id + "/" + key;
    return store
        .claim(
            id,
            key,
            period.from(customer.zone()),
            to,
            instance,
            config.lease(),
            ReportMail.messageId(reportKey),
            Optional.ofNullable(who),
            config.maxAttempts())
        .chain(
            claimed -> {
              if (claimed.isEmpty()) {
                return Uni.createFrom().item(false);
              }
              int attempt = claimed.get();
              return timer
                  .figures(id, period.from(customer.zone()), to, config.breachesShown())
                  .map(figures -> mail.compose(customer, period, to, figures, reportKey))
                  .chain(message -> mailer.send(message))
                  .ifNoItem()
                  .after(
                      config.lease().minusSeconds(20).isNegative()
                          ? Duration.ofSeconds(30)
                          : config.lease().minusSeconds(20))
                  .fail()
                  .chain(() -> store.sent(id, key, instance, customer.reportRecipients()))
                  .invoke(
                      recorded ->
                          LOG.infof(
                              "sent the %s report of %s to %d recipient(s)%s",
                              key,
                              id,
                              customer.reportRecipients().size(),
                              recorded ? "" : " (its claim had been taken over)"))
                  .replaceWith(true)
                  .onFailure()
                  .recoverWithUni(
                      failure -> {
                        LOG.warnf(
                            failure,
                            "the %s report of %s failed (attempt %d of %d)",
                            key,
                            id,
                            attempt,
                            config.maxAttempts());
                        return store
                            .failed(
                                id,
                                key,
                                instance,
                                String.valueOf(failure.getMessage()),
                                config.retryBackoff().multipliedBy(attempt),
                                config.maxAttempts())
                            .replaceWith(false);
                      });
            });
  }

  /** The customers whose reports would go out, for the audit endpoint. */
  public Uni<List<Customer>> recipients() {
    return customers.withReportRecipients().map(list -> list.stream().filter(this::owed).toList());
  }
}
