package io.slawatch.notifier.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import io.slawatch.notifier.audit.AuditEntry;
import io.slawatch.notifier.escalation.Escalations.History;
import io.slawatch.notifier.store.EscalationStore.Stored;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An alert's history as {@code GET /api/v1/alerts/{id}} shows it, from what is stored. */
class HistoryTest {
  private static final Instant AT = Instant.parse("2026-11-23T09:00:00Z");

  @Test
  void an_alert_nothing_is_stored_of_has_no_history() {
    assertThat(History.of("T-1/first_response/1/sla.met", Optional.empty(), List.of())).isEmpty();
  }

  @Test
  void an_alert_that_began_no_escalation_but_was_audited_is_unrouted() {
    AuditEntry unrouted = AuditEntry.of("a", AT, "unrouted", "no policy matches");

    History history = History.of("a", Optional.empty(), List.of(unrouted)).orElseThrow();

    assertThat(history.state()).isEqualTo("unrouted");
    assertThat(history.policy()).isEmpty();
    assertThat(history.levelReached()).isZero();
    assertThat(history.audit()).containsExactly(unrouted);
  }

  @Test
  void an_escalation_shows_its_state_level_snooze_and_audit() {
    AuditEntry started = AuditEntry.of("a", AT, "escalation_started", "policy p");
    Stored stored =
        new Stored(
            "p",
            "active",
            2,
            Optional.of(AT.plusSeconds(60)),
            Optional.empty(),
            Optional.of(AT.plusSeconds(60)));

    History history = History.of("a", Optional.of(stored), List.of(started)).orElseThrow();

    assertThat(history)
        .isEqualTo(
            new History(
                "a",
                "p",
                "active",
                2,
                Optional.of(AT.plusSeconds(60)),
                Optional.empty(),
                Optional.of(AT.plusSeconds(60)),
                List.of(started)));
  }
}
