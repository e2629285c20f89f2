package io.slawatch.deploy.grafana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The substitution the compliance dashboard's checks rely on, as Grafana does it. */
class GrafanaSqlTest {
  private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2025-01-31T23:59:59.999Z");

  @Test
  void a_multi_value_selection_becomes_quoted_literals_with_quotes_doubled() {
    assertThat(
            GrafanaSql.interpolate(
                "plan IN (${plan:sqlstring}) OR plan IN ($plan) OR plan IN ([[plan]])",
                Map.of("plan", List.of("gold", "o'brien")),
                FROM,
                TO))
        .isEqualTo(
            "plan IN ('gold','o''brien') OR plan IN ('gold','o''brien')"
                + " OR plan IN ('gold','o''brien')");
  }

  @Test
  void all_over_no_options_is_an_empty_list() {
    assertThat(
            GrafanaSql.interpolate(
                "ARRAY[${plan:sqlstring}]::text[]", Map.of("plan", List.of()), FROM, TO))
        .isEqualTo("ARRAY[]::text[]");
  }

  @Test
  void the_time_macros_become_the_range_in_utc() {
    assertThat(
            GrafanaSql.interpolate(
                "WHERE $__timeFilter(started_at) AND $__timeFrom() < $__timeTo()",
                Map.of(),
                FROM,
                TO))
        .isEqualTo(
            "WHERE started_at BETWEEN '2025-01-01T00:00:00Z' AND '2025-01-31T23:59:59.999Z'"
                + " AND '2025-01-01T00:00:00Z' < '2025-01-31T23:59:59.999Z'");
  }

  @Test
  void an_unknown_variable_or_macro_fails() {
    assertThatThrownBy(() -> GrafanaSql.interpolate("plan IN ($plans)", Map.of(), FROM, TO))
        .hasMessageContaining("$plans");
    assertThatThrownBy(
            () -> GrafanaSql.interpolate("$__timeGroupAlias(started_at, 1d)", Map.of(), FROM, TO))
        .hasMessageContaining("unknown macro");
  }
}
