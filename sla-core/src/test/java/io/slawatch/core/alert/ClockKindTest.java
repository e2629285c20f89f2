package io.slawatch.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The alert contract's clock: the four built-ins as before, and any name a plan defines. */
class ClockKindTest {
  @Test
  void the_built_in_clocks_keep_their_wire_names_and_identity() {
    assertThat(ClockKind.values())
        .extracting(ClockKind::wireName)
        .containsExactly("first_response", "next_response", "update", "resolution");
    for (ClockKind kind : ClockKind.values()) {
      assertThat(ClockKind.ofWireName(kind.wireName())).isSameAs(kind);
      assertThat(kind.isDefined()).isFalse();
    }
    assertThat(ClockKind.ofWireName("FIRST_RESPONSE")).isSameAs(ClockKind.FIRST_RESPONSE);
    assertThat(ClockKind.UPDATE.name()).isEqualTo("UPDATE");
  }

  @Test
  void a_name_a_plan_defines_is_a_clock_of_the_contract() {
    ClockKind rca = ClockKind.ofWireName("rca");
    assertThat(rca.isDefined()).isTrue();
    assertThat(rca.wireName()).isEqualTo("rca");
    assertThat(rca).isEqualTo(ClockKind.defined("rca")).hasSameHashCodeAs(ClockKind.defined("rca"));
    assertThat(rca).isNotEqualTo(ClockKind.defined("hardware_replacement"));
  }

  @Test
  void defined_clocks_sort_after_the_built_ins_by_name() {
    assertThat(
            java.util.stream.Stream.of(
                    ClockKind.defined("rca"),
                    ClockKind.UPDATE,
                    ClockKind.defined("hardware_replacement"),
                    ClockKind.FIRST_RESPONSE)
                .sorted())
        .extracting(ClockKind::wireName)
        .containsExactly("first_response", "update", "hardware_replacement", "rca");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "RCA", "1st", "hardware-replacement", "a b", "x/y"})
  void a_name_no_clock_can_have_is_refused(String name) {
    assertThatThrownBy(() -> ClockKind.ofWireName(name))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_defined_clock_cannot_take_a_built_in_name() {
    assertThatThrownBy(() -> ClockKind.defined("update"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("built-in");
  }
}
