package io.slawatch.core.clock;

import io.slawatch.core.alert.AlertKind;
import io.slawatch.core.alert.ClockKind;
import io.slawatch.core.alert.EndReason;
import io.slawatch.core.alert.SlaAlert;
import io.slawatch.core.calendar.BusinessCalendar;
import io.slawatch.core.calendar.CalendarDefinition;
import io.slawatch.core.customer.CustomerTerms;
import io.slawatch.core.event.TicketEvent;
import io.slawatch.core.plan.ClockCondition;
import io.slawatch.core.plan.ClockTerms;
import io.slawatch.core.plan.Coverage;
import io.slawatch.core.plan.DefinedClock;
import io.slawatch.core.plan.PlanCatalog;
import io.slawatch.core.plan.SupportPlan;
import io.slawatch.core.plan.UpdateCadence;
import io.slawatch.core.plan.WarningThreshold;
import io.slawatch.core.ticket.CustomerId;
import io.slawatch.core.ticket.Priority;
import io.slawatch.core.ticket.TicketId;
import io.slawatch.core.ticket.TicketStatus;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Replays one ticket's ordered events through the rules of support-plans.md section 6. Used once
 * per evaluation; {@link SlaEngine} is the public entry point.
 */
final class TicketReplay {
  private final PlanCatalog plans;
  private final CustomerHistory customerHistory;
  private CustomerTerms customerTerms;

  /**
   * The ticket names its plan (on creation or by a plan change): the customer's plan is ignored.
   */
  private boolean planFromTicket;

  private final Set<String> flags = new TreeSet<>();

  /** The flags as the alerts carry them, built once per change of {@link #flags}. */
  private Set<String> flagsCarried;

  private Set<String> flagsCarriedFrom = Set.of();
  private Optional<Instant> lastPublicReply = Optional.empty();
  private final Map<Coverage, BusinessCalendar> calendars = new HashMap<>();

  private TicketId ticket;
  private CustomerId customer;
  private String source;
  private Optional<URI> ticketUrl = Optional.empty();
  private SupportPlan plan;
  private Priority priority;
  private TicketStatus status;
  private String channel;
  private boolean answered;
  private int reopenCycle = 1;
  private Optional<Instant> unansweredWhileFinished = Optional.empty();
  private final Map<ClockKind, ClockRun> active = new TreeMap<>();
  private final Map<ClockKind, Integer> instances = new TreeMap<>();
  private final List<ClockRun> finished = new ArrayList<>();

  /** Why each clock stopped unmet, by {@link #runKey}. */
  private final Map<String, EndReason> endReasons = new HashMap<>();

  private final List<SlaAlert> alerts = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  private final Function<CalendarDefinition, BusinessCalendar> calendarOf;

  TicketReplay(
      PlanCatalog plans,
      CustomerHistory customerHistory,
      Function<CalendarDefinition, BusinessCalendar> calendarOf) {
    this.plans = plans;
    this.customerHistory = customerHistory;
    this.calendarOf = calendarOf;
  }

  Evaluation run(List<TicketEvent> events, Instant asOf) {
    List<TicketEvent> ordered = EventOrder.of(events);
    Optional<Instant> created =
        ordered.stream()
            .filter(TicketEvent.Created.class::isInstance)
            .map(TicketEvent::occurredAt)
            .findFirst();
    customerTerms = customerHistory.at(created.orElse(Instant.MIN));
    List<CustomerHistory.Version> changes =
        new ArrayList<>(created.map(customerHistory::after).orElse(List.of()));
    for (TicketEvent event : ordered) {
      Instant at = EventOrder.placed(event, created);
      if (at.isAfter(asOf)) {
        break;
      }
      applyCustomerChanges(changes, at);
      fireUpTo(at, false);
      apply(event, at);
    }
    applyCustomerChanges(changes, asOf);
    fireUpTo(asOf, true);
    List<SlaAlert> upcoming = upcoming();
    List<ClockReport> reports = new ArrayList<>();
    List<ClockRun> all = new ArrayList<>(finished);
    all.addAll(active.values());
    all.sort(Comparator.comparing(ClockRun::start).thenComparing(ClockRun::kind));
    for (ClockRun run : all) {
      reports.add(
          new ClockReport(
              run.kind(),
              run.instance(),
              run.start(),
              run.target(),
              run.state(),
              run.consumedAt(asOf),
              run.isActive() ? run.due() : Optional.empty(),
              run.timeline(),
              Optional.ofNullable(endReasons.get(runKey(run)))));
    }
    alerts.sort(Comparator.comparing(SlaAlert::firedAt).thenComparing(SlaAlert::id));
    Optional<Evaluation.Subject> subject =
        plan == null
            ? Optional.empty()
            : Optional.of(new Evaluation.Subject(customer, plan.name(), priority, source));
    return new Evaluation(alerts, upcoming, reports, notes, flags, subject);
  }

  // ---- the rules

  /** Customer-record versions in force at or before {@code limit}, each at its own instant. */
  private void applyCustomerChanges(List<CustomerHistory.Version> changes, Instant limit) {
    while (!changes.isEmpty() && !changes.getFirst().from().isAfter(limit)) {
      CustomerHistory.Version version = changes.removeFirst();
      fireUpTo(version.from(), false);
      customerChanged(version.terms(), version.from());
    }
  }

  private void customerChanged(CustomerTerms next, Instant at) {
    CustomerTerms previous = customerTerms;
    customerTerms = next;
    if (next.known()) {
      flags.remove(CustomerTerms.UNKNOWN_CUSTOMER);
    } else {
      flags.add(CustomerTerms.UNKNOWN_CUSTOMER);
    }
    if (plan == null) {
      return;
    }
    boolean calendarChanged = !previous.businessCalendar().equals(next.businessCalendar());
    Optional<SupportPlan> newPlan =
        planFromTicket || next.plan().equals(plan.name())
            ? Optional.empty()
            : plans.find(next.plan());
    if (!planFromTicket && !next.plan().equals(plan.name()) && newPlan.isEmpty()) {
      notes.add("customer record: unknown plan " + next.plan() + " ignored");
    }
    if (!calendarChanged && newPlan.isEmpty()) {
      return;
    }
    String cause =
        "customer record changed"
            + newPlan.map(p -> ": plan " + plan.name() + " -> " + p.name()).orElse("")
            + (calendarChanged ? ": business calendar " + next.businessCalendar().zone() : "");
    newPlan.ifPresent(p -> plan = p);
    calendars.clear();
    retargetAll(at, cause);
    pauseDefinedClocks(at, cause);
  }

  private void apply(TicketEvent event, Instant at) {
    if (plan == null && !(event instanceof TicketEvent.Created)) {
      notes.add(event.type() + " " + event.eventId().id() + " ignored: no ticket.created yet");
      return;
    }
    boolean duplicate = event instanceof TicketEvent.Created && plan != null;
    switch (event) {
      case TicketEvent.Created created -> created(created, at);
      case TicketEvent.CustomerReplied reply -> customerReplied(at);
      case TicketEvent.AgentReplied reply -> agentReplied(reply, at);
      case TicketEvent.StatusChanged change -> statusChanged(change.status(), at);
      case TicketEvent.PriorityChanged change -> priorityChanged(change.priority(), at);
      case TicketEvent.PlanChanged change -> planChanged(change.plan(), at);
      case TicketEvent.Milestone milestone -> {} // only the clocks a plan defines use milestones
    }
    if (!duplicate && plan != null) {
      definedClocks(event, at);
    }
  }

  private void created(TicketEvent.Created created, Instant at) {
    if (plan != null) {
      notes.add("duplicate ticket.created " + created.eventId().id() + " ignored");
      return;
    }
    ticket = created.ticket();
    customer = created.customer();
    source = created.eventId().source();
    ticketUrl = created.url();
    flags.addAll(created.flags());
    if (!customerTerms.known()) {
      flags.add(CustomerTerms.UNKNOWN_CUSTOMER);
    }
    planFromTicket = created.plan().isPresent();
    String name = created.plan().orElse(customerTerms.plan());
    plan = plans.find(name).orElse(null);
    if (plan == null) {
      notes.add("unknown plan " + name + ": no clock runs");
      return;
    }
    priority = created.priority();
    status = created.status();
    channel = created.channel();
    if (status.isFinished()) {
      return;
    }
    startClock(
        ClockKind.FIRST_RESPONSE, at, "ticket.created (" + priority + ", " + plan.name() + ")");
  }

  private void customerReplied(Instant at) {
    if (status.isFinished()) {
      if (unansweredWhileFinished.isEmpty()) {
        unansweredWhileFinished = Optional.of(at);
      }
      return;
    }
    if (!answered || active.containsKey(ClockKind.NEXT_RESPONSE)) {
      return; // the oldest unanswered message already anchors a response clock
    }
    startClock(ClockKind.NEXT_RESPONSE, at, "ticket.customer_replied");
  }

  private void agentReplied(TicketEvent.AgentReplied reply, Instant at) {
    if (!reply.isPublic()) {
      noteOnActive(at, "ticket.agent_replied (private note)", "a private note satisfies nothing");
      return;
    }
    if (status.isFinished()) {
      return;
    }
    answered = true;
    lastPublicReply = Optional.of(at);
    for (ClockKind kind :
        List.of(ClockKind.FIRST_RESPONSE, ClockKind.NEXT_RESPONSE, ClockKind.UPDATE)) {
      ClockRun run = active.remove(kind);
      if (run != null) {
        meet(run, at, "ticket.agent_replied (public)");
      }
    }
    if (plan.terms(priority).update().orElse(null) instanceof UpdateCadence.Every) {
      startClock(
          ClockKind.UPDATE, at, "ticket.agent_replied (public): the update cadence restarts");
    }
  }

  private void statusChanged(TicketStatus next, Instant at) {
    TicketStatus previous = status;
    status = next;
    String cause = "ticket.status_changed " + previous.wireName() + " -> " + next.wireName();
    if (next.isFinished()) {
      EndReason reason =
          next == TicketStatus.CLOSED ? EndReason.TICKET_CLOSED : EndReason.TICKET_SOLVED;
      for (ClockRun run : List.copyOf(active.values())) {
        if (!run.kind().isDefined()) {
          end(run.stop(at, cause, "solved/closed stops every clock"), reason, at);
          active.remove(run.kind());
        }
      }
      unansweredWhileFinished = Optional.empty();
      return;
    }
    if (previous.isFinished()) {
      reopenCycle++;
      Optional<Instant> message = unansweredWhileFinished;
      unansweredWhileFinished = Optional.empty();
      if (message.isPresent() && answered) {
        startClock(
            ClockKind.NEXT_RESPONSE,
            message.get(),
            cause + ": reopened by a customer message (cycle " + reopenCycle + ")");
      }
    }
    boolean wasPaused = plan.pauses(previous) && !previous.isFinished();
    if (plan.pauses(next) && !wasPaused) {
      active.replaceAll(
          (kind, run) ->
              run.isRunning() && !kind.isDefined() && !runsThroughPauses(kind)
                  ? run.pause(at, cause)
                  : run);
    } else if (!plan.pauses(next)) {
      active.replaceAll(
          (kind, run) ->
              run.state() instanceof ClockState.Paused && !kind.isDefined()
                  ? run.resume(at, cause)
                  : run);
    }
    if (next != previous
        && plan.terms(priority).update().orElse(null) instanceof UpdateCadence.OnStatusChange
        && !active.containsKey(ClockKind.UPDATE)) {
      startClock(ClockKind.UPDATE, at, cause + ": an update is due when the status changes");
      if (lastPublicReply.equals(Optional.of(at)) && active.containsKey(ClockKind.UPDATE)) {
        meet(
            active.remove(ClockKind.UPDATE),
            at,
            "ticket.agent_replied (public) in the same submit: it is this change's update");
      }
    }
  }

  /**
   * The update owed for a status change ("when the status changes") runs even when that change is
   * to pending or on hold: it is the message telling the customer about the pause.
   */
  private boolean runsThroughPauses(ClockKind kind) {
    return kind == ClockKind.UPDATE
        && plan.terms(priority).update().orElse(null) instanceof UpdateCadence.OnStatusChange;
  }

  private void priorityChanged(Priority next, Instant at) {
    String cause = "ticket.priority_changed " + priority + " -> " + next;
    priority = next;
    retargetAll(at, cause);
  }

  private void planChanged(String name, Instant at) {
    Optional<SupportPlan> next = plans.find(name);
    if (next.isEmpty()) {
      notes.add("ticket.plan_changed to unknown plan " + name + " ignored");
      return;
    }
    String cause = "ticket.plan_changed " + plan.name() + " -> " + name;
    plan = next.get();
    planFromTicket = true;
    retargetAll(at, cause);
  }

  // ---- clocks

  private void startClock(ClockKind kind, Instant at, String cause) {
    Optional<ClockTerms> terms = plan.clock(priority, kind);
    if (terms.isEmpty() || active.containsKey(kind)) {
      return;
    }
    int instance = instances.merge(kind, 1, Integer::sum);
    BusinessCalendar calendar = calendar(terms.get().coverage());
    boolean paused =
        kind.isDefined()
            ? plan.definedClock(kind).map(c -> c.pausesOn(ticketState())).orElse(false)
            : plan.pauses(status) && !runsThroughPauses(kind);
    ClockRun run = ClockRun.begin(kind, instance, at, terms.get(), calendar, paused, cause);
    active.put(kind, run);
  }

  private void retargetAll(Instant at, String cause) {
    for (ClockKind kind : List.copyOf(active.keySet())) {
      ClockRun run = active.get(kind);
      Optional<ClockTerms> terms = plan.clock(priority, kind);
      if (terms.isEmpty()) {
        end(
            run.stop(at, cause, "the new terms have no " + kind.wireName() + " clock"),
            EndReason.CLOCK_REMOVED,
            at);
        active.remove(kind);
        continue;
      }
      ClockRun changed = run.retarget(at, terms.get(), calendar(terms.get().coverage()), cause);
      active.put(kind, fireCrossedByChange(changed, at));
    }
  }

  /** Thresholds the new target puts behind the clock fire now: only the highest one. */
  private ClockRun fireCrossedByChange(ClockRun run, Instant at) {
    Duration used = run.consumedAt(at);
    Threshold highest = null;
    for (Threshold threshold : thresholds(run)) {
      if (!run.fired().contains(threshold.fraction()) && threshold.offset().compareTo(used) <= 0) {
        highest = threshold;
        run = run.firing(threshold.fraction());
      }
    }
    return highest == null ? run : emit(run, highest, at);
  }

  /**
   * Met in time: {@code sla.met}. Met after its breach: {@code sla.ended} (met_late), so the
   * escalation of the breach ends.
   */
  private void meet(ClockRun run, Instant at, String cause) {
    ClockRun met = run.meet(at, cause);
    Duration used = met.state().consumed();
    Instant due = run.due().orElse(at);
    if (!run.fired().contains(1.0) && used.compareTo(run.target()) <= 0) {
      alerts.add(alert(met, AlertKind.MET, due, at, Optional.empty()).withMet(at, used).alert());
    } else {
      alerts.add(
          alert(met, AlertKind.ENDED, due, at, Optional.empty())
              .withMet(at, used)
              .ended(EndReason.MET_LATE));
    }
    finished.add(met);
  }

  private static String runKey(ClockRun run) {
    return run.kind().wireName() + "/" + run.instance();
  }

  /** A clock stopped unmet: if it has alerted, its escalation ends ({@code sla.ended}). */
  private void end(ClockRun stopped, EndReason reason, Instant at) {
    endReasons.put(runKey(stopped), reason);
    if (!stopped.fired().isEmpty()) {
      Instant due = stopped.breachedAt().orElseGet(() -> dueOf(stopped));
      alerts.add(
          alert(stopped, AlertKind.ENDED, due, at, Optional.empty())
              .withElapsed(stopped.state().consumed())
              .ended(reason));
    }
    finished.add(stopped);
  }

  /** The deadline a clock had when it stopped (the state it stopped from kept running). */
  private static Instant dueOf(ClockRun stopped) {
    ClockState state = stopped.state();
    ClockRun running = stopped.withState(new ClockState.Running(state.since(), state.consumed()));
    return running.due().orElse(state.since());
  }

  private void noteOnActive(Instant at, String cause, String rule) {
    active.replaceAll((kind, run) -> kind.isDefined() ? run : run.note(at, cause, rule));
  }

  // ---- clocks the plan defines (defined_clocks)

  /**
   * After each event: a running defined clock whose {@code stop_on} the event meets is met; one not
   * running whose {@code start_on} it meets starts; then each pauses or resumes by its {@code
   * pause_on}. Solving or closing the ticket stops none of them. A private note satisfies nothing.
   */
  private void definedClocks(TicketEvent event, Instant at) {
    if (plan.definedClocks().isEmpty()
        || (event instanceof TicketEvent.AgentReplied reply && !reply.isPublic())) {
      return;
    }
    ClockCondition.Ticket state = ticketState();
    String cause = describe(event);
    for (DefinedClock clock : plan.definedClocks()) {
      ClockRun run = active.get(clock.kind());
      if (run != null) {
        clock.stopOn().stream()
            .filter(condition -> condition.matches(event, state))
            .findFirst()
            .ifPresent(
                condition -> {
                  active.remove(clock.kind());
                  meet(run, at, cause + " (stop_on: " + condition + ")");
                });
        continue;
      }
      clock.startOn().stream()
          .filter(condition -> condition.matches(event, state))
          .findFirst()
          .ifPresent(
              condition -> startClock(clock.kind(), at, cause + " (start_on: " + condition + ")"));
    }
    pauseDefinedClocks(at, cause);
  }

  /** Each running defined clock pauses while the ticket meets its {@code pause_on}, and resumes. */
  private void pauseDefinedClocks(Instant at, String cause) {
    if (plan == null || status == null) {
      return;
    }
    ClockCondition.Ticket state = ticketState();
    for (DefinedClock clock : plan.definedClocks()) {
      ClockRun run = active.get(clock.kind());
      if (run == null) {
        continue;
      }
      boolean pauses = clock.pausesOn(state);
      if (pauses && run.isRunning()) {
        active.put(clock.kind(), run.pause(at, cause + " (pause_on)"));
      } else if (!pauses && run.state() instanceof ClockState.Paused) {
        active.put(clock.kind(), run.resume(at, cause));
      }
    }
  }

  private ClockCondition.Ticket ticketState() {
    return new ClockCondition.Ticket(status, priority, channel);
  }

  private String describe(TicketEvent event) {
    return switch (event) {
      case TicketEvent.Milestone milestone -> milestone.type() + " " + milestone.name();
      case TicketEvent.StatusChanged change ->
          change.type() + " " + change.status().wireName() + " (" + priority + ")";
      case TicketEvent.PriorityChanged change -> change.type() + " " + change.priority();
      default -> event.type();
    };
  }

  // ---- alerts

  private record Threshold(double fraction, Duration offset, boolean breach) {}

  private List<Threshold> thresholds(ClockRun run) {
    List<Threshold> list = new ArrayList<>();
    for (WarningThreshold warning : plan.warnings(run.kind())) {
      long nanos = warning.firesAtNanos(run.target());
      if (nanos > 0) {
        list.add(new Threshold(warning.fraction(run.target()), Duration.ofNanos(nanos), false));
      }
    }
    list.sort(Comparator.comparing(Threshold::offset));
    list.add(new Threshold(1.0, run.target(), true));
    return list;
  }

  private void fireUpTo(Instant limit, boolean inclusive) {
    for (ClockKind kind : List.copyOf(active.keySet())) {
      ClockRun run = active.get(kind);
      for (Threshold threshold : thresholds(run)) {
        if (run.fired().contains(threshold.fraction())) {
          continue;
        }
        Optional<Instant> at = run.instantOfConsumed(threshold.offset(), threshold.breach());
        if (at.isEmpty() || (inclusive ? at.get().isAfter(limit) : !at.get().isBefore(limit))) {
          break;
        }
        run = emit(run.firing(threshold.fraction()), threshold, at.get());
      }
      active.put(kind, run);
    }
  }

  private ClockRun emit(ClockRun run, Threshold threshold, Instant at) {
    AlertKind kind =
        threshold.breach()
            ? AlertKind.BREACHED
            : run.kind() == ClockKind.UPDATE ? AlertKind.UPDATE_DUE : AlertKind.WARNING;
    Instant due = threshold.breach() ? at : run.due().orElse(at);
    alerts.add(alert(run, kind, due, at, Optional.of(threshold.fraction())).alert());
    return run.note(
        at,
        kind.type(),
        Math.round(threshold.fraction() * 100) + "% of " + Durations.text(run.target()) + " used");
  }

  private List<SlaAlert> upcoming() {
    List<SlaAlert> next = new ArrayList<>();
    for (ClockRun run : active.values()) {
      for (Threshold threshold : thresholds(run)) {
        if (run.fired().contains(threshold.fraction())) {
          continue;
        }
        Optional<Instant> at = run.instantOfConsumed(threshold.offset(), threshold.breach());
        if (at.isEmpty()) {
          break;
        }
        AlertKind kind =
            threshold.breach()
                ? AlertKind.BREACHED
                : run.kind() == ClockKind.UPDATE ? AlertKind.UPDATE_DUE : AlertKind.WARNING;
        Instant due = run.due().orElse(at.get());
        next.add(alert(run, kind, due, at.get(), Optional.of(threshold.fraction())).alert());
      }
    }
    next.sort(Comparator.comparing(SlaAlert::firedAt).thenComparing(SlaAlert::id));
    return next;
  }

  /** An alert being built: {@code kind ENDED} is completed by {@link #ended}. */
  private record Draft(
      AlertKind kind,
      ClockRun run,
      Instant due,
      Instant firedAt,
      Optional<Double> threshold,
      Optional<Instant> metAt,
      Optional<Duration> elapsed,
      SlaAlertParts parts) {
    Draft withMet(Instant at, Duration used) {
      return new Draft(
          kind, run, due, firedAt, threshold, Optional.of(at), Optional.of(used), parts);
    }

    Draft withElapsed(Duration used) {
      return new Draft(kind, run, due, firedAt, threshold, metAt, Optional.of(used), parts);
    }

    SlaAlert alert() {
      return build(Optional.empty());
    }

    SlaAlert ended(EndReason reason) {
      return build(Optional.of(reason));
    }

    private SlaAlert build(Optional<EndReason> reason) {
      return new SlaAlert(
          kind,
          parts.ticket(),
          parts.customer(),
          parts.plan(),
          parts.priority(),
          run.kind(),
          run.instance(),
          run.target(),
          due,
          firedAt,
          threshold,
          metAt,
          elapsed,
          reason,
          Optional.of(run.terms().words()),
          parts.flags(),
          parts.ticketUrl());
    }
  }

  /** What every alert of the ticket carries at the instant it is built. */
  private record SlaAlertParts(
      io.slawatch.core.ticket.TicketId ticket,
      io.slawatch.core.ticket.CustomerId customer,
      String plan,
      Priority priority,
      Set<String> flags,
      Optional<URI> ticketUrl) {}

  private Draft alert(
      ClockRun run, AlertKind kind, Instant due, Instant at, Optional<Double> threshold) {
    return new Draft(
        kind,
        run,
        due,
        at,
        threshold,
        Optional.empty(),
        Optional.empty(),
        new SlaAlertParts(ticket, customer, plan.name(), priority, flagsNow(), ticketUrl));
  }

  private BusinessCalendar calendar(Coverage coverage) {
    return calendars.computeIfAbsent(
        coverage, c -> calendarOf.apply(c.resolve(customerTerms.businessCalendar())));
  }

  private Set<String> flagsNow() {
    if (flagsCarried == null || !flagsCarriedFrom.equals(flags)) {
      flagsCarriedFrom = Set.copyOf(flags);
      flagsCarried = SlaAlert.flagSet(flags);
    }
    return flagsCarried;
  }
}
