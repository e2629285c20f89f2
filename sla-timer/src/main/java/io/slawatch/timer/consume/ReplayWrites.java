package io.slawatch.timer.consume;

import io.slawatch.timer.schedule.Reschedule;
import io.slawatch.timer.store.ClockOutcomeStore;
import io.slawatch.timer.store.SubjectKind;
import io.slawatch.timer.store.TimerStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * What a replay decided, written on the caller's transaction, the same for tickets ({@link
 * TimerScheduler}) and engagements ({@link EngagementScheduler}): the replaced subjects' pending
 * timers, then their clock outcomes (the compliance reports' rows), each of their own kind only.
 */
@ApplicationScoped
class ReplayWrites {
  private final TimerStore timers;
  private final ClockOutcomeStore outcomes;

  ReplayWrites(TimerStore timers, ClockOutcomeStore outcomes) {
    this.timers = timers;
    this.outcomes = outcomes;
  }

  Uni<Void> write(SqlConnection conn, SubjectKind subject, Reschedule decided, Instant now) {
    return timers
        .replace(conn, subject, decided.replaced(), decided.timers())
        .flatMap(
            done -> outcomes.replace(conn, subject, decided.replaced(), decided.outcomes(), now));
  }
}
