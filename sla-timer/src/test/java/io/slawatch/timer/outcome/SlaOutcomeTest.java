package io.slawatch.timer.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a published alert counts as (slawatch_sla_outcomes_total, first-response times). */
class SlaOutcomeTest {
  private static final Optional<Duration> TEN_MINUTES = Optional.of(Duration.ofMinutes(10));

  @Test
  void a_breach_counts_as_breached_on_any_clock() {
    assertThat(SlaOutcome.of("sla.breached", "first_response", Optional.empty()))
        .hasValueSatisfying(
            outcome -> {
              assertThat(outcome.label()).isEqualTo("breached");
              assertThat(outcome.firstResponse()).isEmpty();
            });
    assertThat(SlaOutcome.of("sla.breached", "resolution", Optional.empty()))
        .map(SlaOutcome::label)
        .contains("breached");
  }

  @Test
  void a_first_response_met_counts_as_met_with_the_business_time_it_took() {
    assertThat(SlaOutcome.of("sla.met", "first_response", TEN_MINUTES))
        .hasValueSatisfying(
            outcome -> {
              assertThat(outcome.label()).isEqualTo("met");
              assertThat(outcome.firstResponse()).isEqualTo(TEN_MINUTES);
            });
  }

  @Test
  void another_clock_met_counts_as_met_but_is_no_first_response_time() {
    assertThat(SlaOutcome.of("sla.met", "resolution", TEN_MINUTES))
        .hasValueSatisfying(
            outcome -> {
              assertThat(outcome.label()).isEqualTo("met");
              assertThat(outcome.firstResponse()).isEmpty();
            });
  }

  @Test
  void warnings_and_late_ends_are_no_outcome() {
    assertThat(SlaOutcome.of("sla.warning", "first_response", Optional.empty())).isEmpty();
    assertThat(SlaOutcome.of("sla.update_due", "next_response", Optional.empty())).isEmpty();
    assertThat(SlaOutcome.of("sla.ended", "first_response", TEN_MINUTES)).isEmpty();
  }

  @Test
  void an_alert_is_late_by_the_time_since_its_instant_and_never_early() {
    Instant fireAt = Instant.parse("2027-01-04T10:00:00Z");
    assertThat(SlaOutcome.lateness(fireAt, fireAt.plusMillis(120)))
        .isEqualTo(Duration.ofMillis(120));
    assertThat(SlaOutcome.lateness(fireAt, fireAt.minusMillis(5))).isEqualTo(Duration.ZERO);
  }
}
