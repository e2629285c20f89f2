package io.slawatch.localrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RunSettingsTest {
  @Test
  void one_instance_of_each_service_unless_told() {
    assertThat(RunSettings.fromEnvironment(Map.of()).instances())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("ticket-intake", 1, "sla-timer", 1, "notifier", 1));
  }

  @Test
  void instances_asked_per_service_with_intake_as_a_short_name() {
    assertThat(RunSettings.instances("sla-timer=2, notifier=3,intake=2"))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("ticket-intake", 2, "sla-timer", 2, "notifier", 3));
  }

  @Test
  void a_bad_instance_setting_is_refused_naming_it() {
    assertThatThrownBy(() -> RunSettings.instances("timer=2"))
        .hasMessageContaining("'timer=2'")
        .hasMessageContaining("sla-timer");
    assertThatThrownBy(() -> RunSettings.instances("notifier=0"))
        .hasMessageContaining("notifier must be 1 to 4, not 0");
    assertThatThrownBy(() -> RunSettings.instances("notifier=two")).hasMessageContaining("not two");
  }

  @Test
  void replicas_listen_a_hundred_ports_apart() {
    assertThat(RunSettings.instancePort(8082, 1)).isEqualTo(8082);
    assertThat(RunSettings.instancePort(8082, 2)).isEqualTo(8182);
    assertThat(RunSettings.instancePort(8083, 3)).isEqualTo(8283);
  }
}
