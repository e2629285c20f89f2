package io.slawatch.core.engagement;

import io.slawatch.core.alert.AlertKind;
import io.slawatch.core.alert.ClockKind;
import io.slawatch.core.alert.EndReason;
import io.slawatch.core.alert.SlaAlert;
import io.slawatch.core.calendar.BusinessCalendar;
import io.slawatch.core.calendar.CalendarDefinition;
import io.slawatch.core.clock.CustomerHistory;
import io.slawatch.core.clock.TimelineEntry;
import io.slawatch.core.customer.CustomerTerms;
import io.slawatch.core.event.EventId;
import io.slawatch.core.ticket.CustomerId;
import io.slawatch.core.ticket.TicketId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Replays one engagement's ordered events through the rules of Jamf's services policy
 * (docs/obligations.md, "Jamf services policy: engagements"). Used once per evaluation; {@link
 * EngagementEngine} is the public entry point.
 */
final class EngagementReplay {
  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx '['VV']'");

  private final CustomerHistory history;
  private final Function<CalendarDefinition, BusinessCalendar> calendarOf;
  private CustomerTerms terms;
  private BusinessCalendar calendar;
  private ZoneId zone;

  private EngagementId id;
  private CustomerId customer;
  private EngagementKind kind;
  private int hours;
  private String source;
  private Instant purchasedAt;
  private Instant expiresAt;
  private EngagementStage stage = new EngagementStage.Unscheduled();
  private int bookings;
  private int attempts;
  private Instant firstUnanswered;
  private int contactCycles;
  private int lateNotices;
  private final Set<String> flags = new TreeSet<>();

  private final Map<ClockKind, Run> open = new LinkedHashMap<>();
  private final List<Run> all = new ArrayList<>();
  private final List<SlaAlert> alerts = new ArrayList<>();
  private final List<TimelineEntry> timeline = new ArrayList<>();
  private final List<BookingViolation> violations = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  EngagementReplay(
      CustomerHistory history, Function<CalendarDefinition, BusinessCalendar> calendarOf) {
    this.history = history;
    this.calendarOf = calendarOf;
  }

  /** The customer's terms from now on: plan, business calendar and zone. */
  private void useTerms(CustomerTerms next) {
    terms = next;
    calendar = calendarOf.apply(next.businessCalendar());
    zone = calendar.zone();
  }

  /** An alert step of an obligation: when it fires, at which fraction of the target. */
  private record Step(Instant at, double fraction, AlertKind kind) {}

  /** One obligation being replayed. */
  private static final class Run {
    final ClockKind clock;
    final int cycle;
    final Instant since;
    final Instant due;
    final Duration target;
    final String terms;
    final String plan;
    final List<Step> steps;
    final Set<Double> fired = new HashSet<>();
    Obligation.Status status = Obligation.Status.OPEN;
    Instant settledAt;

    Run(
        ClockKind clock,
        int cycle,
        Instant since,
        Instant due,
        Duration target,
        String terms,
        String plan,
        List<Step> steps) {
      this.clock = clock;
      this.cycle = cycle;
      this.since = since;
      this.due = due;
      this.target = target;
      this.terms = terms;
      this.plan = plan;
      this.steps = List.copyOf(steps);
    }

    /** Whether its breach fired (a forfeit risk is a warning: it never breaches). */
    boolean breached() {
      return steps.stream()
          .anyMatch(s -> s.kind() == AlertKind.BREACHED && fired.contains(s.fraction()));
    }

    Obligation report() {
      Obligation.Status shown =
          status == Obligation.Status.OPEN && breached() ? Obligation.Status.BREACHED : status;
      Optional<Instant> settled =
          Optional.ofNullable(settledAt).or(() -> breached() ? Optional.of(due) : Optional.empty());
      return new Obligation(clock, cycle, since, due, shown, settled, terms, target, plan);
    }
  }

  EngagementEvaluation run(List<EngagementEvent> events, Instant asOf) {
    List<EngagementEvent> ordered = EngagementEventOrder.of(events);
    Optional<Instant> purchased = EngagementEventOrder.purchase(ordered);
    useTerms(history.at(purchased.orElse(Instant.MIN)));
    List<CustomerHistory.Version> changes =
        new ArrayList<>(purchased.map(history::after).orElse(List.of()));
    for (EngagementEvent event : ordered) {
      Instant at = EngagementEventOrder.placed(event, purchased);
      if (at.isAfter(asOf)) {
        break;
      }
      applyCustomerChanges(changes, at);
      fireUpTo(at, false);
      apply(event, at);
    }
    applyCustomerChanges(changes, asOf);
    fireUpTo(asOf, true);
    alerts.sort(FIRING_ORDER);
    Optional<Engagement> engagement =
        id == null
            ? Optional.empty()
            : Optional.of(
                new Engagement(
                    id,
                    customer,
                    source,
                    kind,
                    hours,
                    purchasedAt,
                    expiresAt,
                    stage,
                    bookings,
                    attempts,
                    lateNotices,
                    flags));
    return new EngagementEvaluation(
        engagement,
        alerts,
        upcoming(),
        all.stream().map(Run::report).toList(),
        timeline,
        violations,
        notes);
  }

  private static final Comparator<SlaAlert> FIRING_ORDER =
      Comparator.comparing(SlaAlert::firedAt).thenComparing(SlaAlert::id);

  // ---- the rules

  /**
   * Customer-record versions in force at or before {@code limit}, each at its own instant: what is
   * due before a change fires on the earlier terms, what comes after on the new ones.
   */
  private void applyCustomerChanges(List<CustomerHistory.Version> changes, Instant limit) {
    while (!changes.isEmpty() && !changes.getFirst().from().isAfter(limit)) {
      CustomerHistory.Version version = changes.removeFirst();
      fireUpTo(version.from(), false);
      CustomerTerms previous = terms;
      useTerms(version.terms());
      if (id == null) {
        continue;
      }
      List<String> what = new ArrayList<>();
      if (!previous.plan().equals(terms.plan())) {
        what.add("plan " + previous.plan() + " -> " + terms.plan());
      }
      if (!previous.businessCalendar().equals(terms.businessCalendar())) {
        what.add("business calendar " + zone.getId());
      }
      if (!what.isEmpty()) {
        log(
            version.from(),
            "customer record changed: " + String.join(", ", what),
            "applies from now on: the expiry, the deadlines already set and the notices already"
                + " judged stay as they were");
      }
    }
  }

  private void apply(EngagementEvent event, Instant at) {
    if (id == null && !(event instanceof EngagementEvent.Purchased)) {
      notes.add(
          event.type() + " " + event.eventId().id() + " ignored: no engagement.purchased yet");
      return;
    }
    if (event instanceof EngagementEvent.Purchased && id != null) {
      notes.add("duplicate engagement.purchased " + event.eventId().id() + " ignored");
      return;
    }
    if (stage instanceof EngagementStage.Completed) {
      notes.add(
          event.type() + " " + event.eventId().id() + " ignored: the engagement is completed");
      return;
    }
    switch (event) {
      case EngagementEvent.Purchased p -> purchased(p, at);
      case EngagementEvent.ContactAttempted a -> attempted(at);
      case EngagementEvent.CustomerResponded r -> responded(at, r.type());
      case EngagementEvent.Scheduled s ->
          book(s.eventId(), s.type(), s.start(), s.duration(), at, false);
      case EngagementEvent.Rescheduled r ->
          book(r.eventId(), r.type(), r.start(), r.duration(), at, true);
      case EngagementEvent.Cancelled c -> cancelled(at);
      case EngagementEvent.Started s -> started(at, s.type());
      case EngagementEvent.Completed c -> completed(at);
    }
  }

  private void purchased(EngagementEvent.Purchased p, Instant at) {
    id = p.engagement();
    customer = p.customer();
    source = p.eventId().source();
    kind = p.kind();
    hours = p.hours();
    purchasedAt = p.purchasedAt();
    expiresAt = Expiry.of(purchasedAt, zone);
    log(
        at,
        p.type()
            + " ("
            + kind.wireName()
            + ", "
            + hours
            + " h, purchased "
            + local(purchasedAt)
            + ")",
        "expires one year after purchase: " + local(expiresAt));
    Duration target = Duration.between(purchasedAt, expiresAt);
    List<Step> steps = new ArrayList<>();
    for (int days : Obligations.EXPIRY_WARNING_DAYS) {
      Instant warning = Expiry.warning(expiresAt, days, zone);
      steps.add(
          new Step(
              warning,
              fraction(Duration.between(purchasedAt, warning), target),
              AlertKind.WARNING));
    }
    steps.sort(Comparator.comparing(Step::at));
    steps.add(new Step(expiresAt, 1.0, AlertKind.BREACHED));
    Run expiry =
        start(
            new Run(
                Obligations.EXPIRY,
                1,
                purchasedAt,
                expiresAt,
                target,
                "completed within one year after purchase (by " + local(expiresAt) + ")",
                terms.plan(),
                steps));
    catchUp(expiry, at);
  }

  private void attempted(Instant at) {
    attempts++;
    if (attempts == 1) {
      firstUnanswered = at;
    }
    String cause = "engagement.contact_attempted (" + attempts + " without a response)";
    if (attempts != Obligations.CONTACT_ATTEMPTS) {
      log(
          at,
          cause,
          attempts < Obligations.CONTACT_ATTEMPTS
              ? Obligations.CONTACT_ATTEMPTS + " unanswered attempts put the service at risk"
              : "already at risk");
      return;
    }
    contactCycles++;
    Run risk =
        start(
            new Run(
                Obligations.FORFEIT_RISK,
                contactCycles,
                firstUnanswered,
                at,
                Duration.between(firstUnanswered, at),
                Obligations.CONTACT_ATTEMPTS + " contact attempts without a response",
                terms.plan(),
                List.of(new Step(at, 1.0, AlertKind.WARNING))));
    flags.add(Obligations.FORFEIT_RISK_FLAG);
    log(at, cause, "the service may be forfeited: forfeit_risk");
    emit(risk, risk.steps.getFirst(), at);
  }

  /** Any sign of the customer: the count of unanswered attempts starts again. */
  private void responded(Instant at, String cause) {
    boolean hadAttempts = attempts > 0;
    attempts = 0;
    firstUnanswered = null;
    Run risk = open.remove(Obligations.FORFEIT_RISK);
    if (risk != null) {
      flags.remove(Obligations.FORFEIT_RISK_FLAG);
      settle(risk, Obligation.Status.MET, at);
      alerts.add(
          alert(
              risk,
              AlertKind.MET,
              risk.due,
              at,
              Optional.empty(),
              Optional.of(at),
              Optional.of(Duration.between(risk.since, at)),
              Optional.empty()));
      log(at, cause, "the customer responded: forfeit_risk ends, the attempt count restarts");
    } else if (hadAttempts) {
      log(at, cause, "the customer responded: the attempt count restarts");
    } else if (cause.equals(EngagementEvent.CustomerResponded.TYPE)) {
      log(at, cause, "no attempt was waiting for an answer");
    }
  }

  private void book(
      EventId event, String type, Instant start, Duration duration, Instant at, boolean moved) {
    Optional<String> problem = Booking.durationProblem(kind, duration);
    if (problem.isPresent()) {
      violations.add(new BookingViolation(event, "data.duration", problem.get()));
      notes.add(type + " " + event.id() + " refused: data.duration " + problem.get());
      log(at, type + " (" + duration + ")", "refused: data.duration " + problem.get());
      return;
    }
    responded(at, type);
    String cause = type + " (" + local(start) + ", " + duration + ")";
    if (stage instanceof EngagementStage.Scheduled scheduled) {
      changeBooking(
          scheduled.booking(), at, cause, "moved from " + local(scheduled.booking().start()));
    } else if (moved) {
      notes.add(type + " " + event.id() + " without an open booking: taken as a new booking");
    }
    bookings++;
    Booking booking = new Booking(bookings, start, duration);
    stage = new EngagementStage.Scheduled(booking);
    Instant due = start.plus(Obligations.NO_SHOW_GRACE);
    Run noShow =
        start(
            new Run(
                Obligations.NO_SHOW,
                bookings,
                start,
                due,
                Obligations.NO_SHOW_GRACE,
                "started within 20 minutes of the scheduled start (" + local(start) + ")",
                terms.plan(),
                List.of(new Step(due, 1.0, AlertKind.BREACHED))));
    log(at, cause, "booking #" + bookings + ": a no-show unless started by " + local(due));
    catchUp(noShow, at);
  }

  private void cancelled(Instant at) {
    if (!(stage instanceof EngagementStage.Scheduled scheduled)) {
      notes.add("engagement.cancelled at " + at + " ignored: no open booking");
      return;
    }
    changeBooking(scheduled.booking(), at, "engagement.cancelled", "cancelled");
    stage = new EngagementStage.Unscheduled();
  }

  /**
   * A booking moved or cancelled: its no-show obligation ends, and the change is checked for notice
   * unless the booking is already a no-show (then it is no notice at all).
   */
  private void changeBooking(Booking booking, Instant at, String cause, String what) {
    Run noShow = open.remove(Obligations.NO_SHOW);
    boolean wasNoShow = noShow != null && noShow.breached();
    if (noShow != null) {
      if (wasNoShow) {
        settle(noShow, Obligation.Status.BREACHED, noShow.due);
        alerts.add(
            alert(
                noShow,
                AlertKind.ENDED,
                noShow.due,
                at,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(EndReason.CLOCK_REMOVED)));
      } else {
        settle(noShow, Obligation.Status.VOID, at);
      }
    }
    if (wasNoShow) {
      log(at, cause, "booking #" + booking.number() + " " + what + " after its no-show");
      return;
    }
    Instant deadline = Notice.deadline(calendar, booking.start());
    if (!Notice.late(calendar, at, booking.start())) {
      log(
          at,
          cause,
          "booking #"
              + booking.number()
              + " "
              + what
              + " with notice (deadline "
              + local(deadline)
              + ")");
      return;
    }
    lateNotices++;
    flags.add(Obligations.LATE_NOTICE_FLAG);
    Run late =
        new Run(
            Obligations.LATE_NOTICE,
            lateNotices,
            at,
            deadline,
            Duration.between(deadline, booking.start()),
            Obligations.NOTICE_BUSINESS_DAYS
                + " business days' notice before "
                + local(booking.start())
                + " (by "
                + local(deadline)
                + ")",
            terms.plan(),
            List.of(new Step(at, 1.0, AlertKind.BREACHED)));
    all.add(late);
    late.fired.add(1.0);
    settle(late, Obligation.Status.BREACHED, at);
    alerts.add(
        alert(
            late,
            AlertKind.BREACHED,
            deadline,
            at,
            Optional.of(1.0),
            Optional.empty(),
            Optional.empty(),
            Optional.empty()));
    log(
        at,
        cause,
        "booking #"
            + booking.number()
            + " "
            + what
            + " with less than "
            + Obligations.NOTICE_BUSINESS_DAYS
            + " business days' notice (deadline "
            + local(deadline)
            + "): late_notice");
  }

  private void started(Instant at, String cause) {
    responded(at, cause);
    if (stage instanceof EngagementStage.InProgress) {
      log(at, cause, "a session is already under way");
      return;
    }
    if (!(stage instanceof EngagementStage.Scheduled scheduled)) {
      stage = new EngagementStage.InProgress(Optional.empty(), at);
      log(at, cause, "started without a booking: no no-show to check");
      return;
    }
    Booking booking = scheduled.booking();
    stage = new EngagementStage.InProgress(Optional.of(booking), at);
    Run noShow = open.remove(Obligations.NO_SHOW);
    if (noShow == null) {
      return;
    }
    Duration late = Duration.between(booking.start(), at);
    if (!noShow.breached()) {
      settle(noShow, Obligation.Status.MET, at);
      log(
          at,
          cause,
          "booking #"
              + booking.number()
              + " started in time"
              + (late.isNegative() || late.isZero() ? "" : " (" + late + " after its start)"));
      return;
    }
    settle(noShow, Obligation.Status.MET_LATE, at);
    alerts.add(
        alert(
            noShow,
            AlertKind.ENDED,
            noShow.due,
            at,
            Optional.empty(),
            Optional.of(at),
            Optional.of(late),
            Optional.of(EndReason.MET_LATE)));
    log(at, cause, "booking #" + booking.number() + " started " + late + " after its start");
  }

  private void completed(Instant at) {
    if (stage instanceof EngagementStage.Scheduled) {
      started(at, EngagementEvent.Completed.TYPE);
    } else {
      responded(at, EngagementEvent.Completed.TYPE);
    }
    stage = new EngagementStage.Completed(at);
    Run expiry = open.remove(Obligations.EXPIRY);
    if (expiry != null) {
      Duration used = Duration.between(expiry.since, at);
      if (!expiry.breached()) {
        settle(expiry, Obligation.Status.MET, at);
        if (!expiry.fired.isEmpty()) {
          alerts.add(
              alert(
                  expiry,
                  AlertKind.MET,
                  expiry.due,
                  at,
                  Optional.empty(),
                  Optional.of(at),
                  Optional.of(used),
                  Optional.empty()));
        }
        log(at, EngagementEvent.Completed.TYPE, "completed before expiry: every obligation ends");
      } else {
        settle(expiry, Obligation.Status.MET_LATE, at);
        alerts.add(
            alert(
                expiry,
                AlertKind.ENDED,
                expiry.due,
                at,
                Optional.empty(),
                Optional.of(at),
                Optional.of(used),
                Optional.of(EndReason.MET_LATE)));
        log(
            at,
            EngagementEvent.Completed.TYPE,
            "completed after expiry (" + local(expiresAt) + ")");
      }
    }
    for (Run run : List.copyOf(open.values())) {
      settle(run, Obligation.Status.VOID, at);
    }
    open.clear();
  }

  // ---- obligations and their alerts

  private Run start(Run run) {
    open.put(run.clock, run);
    all.add(run);
    return run;
  }

  private void settle(Run run, Obligation.Status status, Instant at) {
    run.status = status;
    run.settledAt = at;
  }

  /**
   * Steps already behind an obligation when it begins (a purchase recorded late): only the highest
   * fires, at the instant it began, never back-dated.
   */
  private void catchUp(Run run, Instant at) {
    Step highest = null;
    for (Step step : run.steps) {
      if (step.at().isBefore(at)) {
        run.fired.add(step.fraction());
        highest = step;
      }
    }
    if (highest != null) {
      run.fired.remove(highest.fraction());
      emit(run, highest, at);
    }
  }

  private void fireUpTo(Instant limit, boolean inclusive) {
    for (Run run : List.copyOf(open.values())) {
      for (Step step : run.steps) {
        if (run.fired.contains(step.fraction())) {
          continue;
        }
        if (inclusive ? step.at().isAfter(limit) : !step.at().isBefore(limit)) {
          break;
        }
        emit(run, step, step.at());
      }
    }
  }

  private void emit(Run run, Step step, Instant at) {
    run.fired.add(step.fraction());
    if (run.clock.equals(Obligations.NO_SHOW) && step.kind() == AlertKind.BREACHED) {
      flags.add(Obligations.NO_SHOW_FLAG);
      log(at, "sla.breached", "not started 20 minutes after the scheduled start: no_show");
    } else if (run.clock.equals(Obligations.EXPIRY)) {
      log(
          at,
          step.kind().type(),
          step.kind() == AlertKind.BREACHED
              ? "expired without completion"
              : "expiry " + local(run.due) + " approaches");
    }
    alerts.add(
        alert(
            run,
            step.kind(),
            run.due,
            at,
            Optional.of(step.fraction()),
            Optional.empty(),
            Optional.empty(),
            Optional.empty()));
  }

  private List<SlaAlert> upcoming() {
    List<SlaAlert> next = new ArrayList<>();
    for (Run run : open.values()) {
      for (Step step : run.steps) {
        if (!run.fired.contains(step.fraction())) {
          next.add(
              alert(
                  run,
                  step.kind(),
                  run.due,
                  step.at(),
                  Optional.of(step.fraction()),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty()));
        }
      }
    }
    next.sort(FIRING_ORDER);
    return next;
  }

  private SlaAlert alert(
      Run run,
      AlertKind alertKind,
      Instant due,
      Instant firedAt,
      Optional<Double> threshold,
      Optional<Instant> metAt,
      Optional<Duration> elapsed,
      Optional<EndReason> reason) {
    Set<String> carried = new TreeSet<>(flags);
    carried.add(Obligations.ENGAGEMENT_FLAG);
    if (!terms.known()) {
      carried.add(CustomerTerms.UNKNOWN_CUSTOMER);
    }
    return new SlaAlert(
        alertKind,
        new TicketId(id.value()),
        customer,
        terms.plan(),
        Obligations.PRIORITY,
        run.clock,
        run.cycle,
        run.target,
        due,
        firedAt,
        threshold,
        metAt,
        elapsed,
        reason,
        Optional.of(run.terms),
        carried,
        Optional.empty());
  }

  /** The share of {@code target} that {@code used} is, to three decimals (ids stay readable). */
  private static double fraction(Duration used, Duration target) {
    return Math.round(1000.0 * used.toSeconds() / target.toSeconds()) / 1000.0;
  }

  private void log(Instant at, String cause, String rule) {
    timeline.add(new TimelineEntry(at, cause, rule));
  }

  private String local(Instant t) {
    return ZonedDateTime.ofInstant(t, zone).format(LOCAL);
  }
}
