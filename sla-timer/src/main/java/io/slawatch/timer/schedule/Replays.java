package io.slawatch.timer.schedule;

import io.slawatch.core.alert.SlaAlert;
import io.slawatch.core.report.ClockOutcome;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link TimerPlanner} (tickets) and {@link EngagementPlanner} (engagements) share: each
 * subject with stored events is replayed once; every alert it has fired by now or will fire later
 * becomes a pending timer; its clocks come out as outcomes; a subject whose replay throws keeps
 * what it had (a failure); a subject without stored events keeps nothing. Plain Java.
 */
final class Replays {
  private Replays() {}

  /** One subject's replay: its alerts fired and to come, and its clocks' outcomes. */
  record Replayed(List<SlaAlert> fired, List<SlaAlert> upcoming, List<ClockOutcome> outcomes) {}

  /** The replay of one subject from its stored events. */
  @FunctionalInterface
  interface Replay<E> {
    Replayed replay(String subject, List<E> events);
  }

  static <E> Reschedule reschedule(
      Collection<String> subjects,
      Map<String, List<E>> stored,
      Map<String, String> traces,
      Replay<E> replay) {
    Map<String, PendingTimer> wanted = new LinkedHashMap<>();
    List<String> replaced = new ArrayList<>(subjects.size());
    List<Reschedule.Failure> failed = new ArrayList<>();
    List<ClockOutcome> outcomes = new ArrayList<>();
    stored.forEach(
        (subject, events) -> {
          Replayed replayed;
          try {
            replayed = replay.replay(subject, events);
          } catch (RuntimeException e) {
            failed.add(new Reschedule.Failure(subject, e));
            return;
          }
          Optional<String> trace = Optional.ofNullable(traces.get(subject));
          for (SlaAlert alert : replayed.fired()) {
            wanted.put(alert.id(), PendingTimer.of(alert, trace));
          }
          for (SlaAlert alert : replayed.upcoming()) {
            wanted.put(alert.id(), PendingTimer.of(alert, trace));
          }
          outcomes.addAll(replayed.outcomes());
          replaced.add(subject);
        });
    // a subject without stored events has no timers or outcomes to keep
    subjects.stream().filter(s -> !stored.containsKey(s)).forEach(replaced::add);
    return new Reschedule(replaced, List.copyOf(wanted.values()), failed, outcomes);
  }
}
