package io.slawatch.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** Proves the second surefire execution really runs with a non-UTC default zone. */
@ZoneSensitive
class DefaultZoneTest {
  @Test
  void the_zone_sensitive_suite_runs_in_the_zone_the_build_asked_for() {
    String expected = System.getProperty("slawatch.expected.default.zone", "UTC");
    assertThat(ZoneId.systemDefault()).isEqualTo(ZoneId.of(expected));
    assertThat(TimeZone.getDefault().getID()).isEqualTo(expected);
  }
}
