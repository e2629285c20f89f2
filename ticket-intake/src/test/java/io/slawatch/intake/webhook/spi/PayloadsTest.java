package io.slawatch.intake.webhook.spi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the adapters read from a vendor's payload, on hostile values (issue 18). */
class PayloadsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void epoch_milliseconds_are_read_as_an_instant() throws Exception {
    assertThat(Payloads.instant(json("{\"t\":1550286862039}"), "t"))
        .contains(Instant.ofEpochMilli(1550286862039L));
  }

  @Test
  void epoch_milliseconds_near_or_past_the_largest_long_are_no_instant() throws Exception {
    assertThat(Payloads.instant(json("{\"t\":9223372036854775000}"), "t")).isEmpty();
    // 2^64 + 1,764,000,000,000: read as a long it wraps around to November 2025
    assertThat(Payloads.instant(json("{\"t\":18446744073709551616000}"), "t")).isEmpty();
    assertThat(Payloads.instant(json("{\"t\":18446745837709551616}"), "t")).isEmpty();
  }

  @Test
  void whitespace_around_a_value_is_dropped_but_not_a_trailing_nul_or_control_character()
      throws Exception {
    assertThat(Payloads.text(json("{\"id\":\"  T-1 \\n\"}"), "id")).contains("T-1");
    assertThat(Payloads.text(json("{\"id\":\"T-1\\u0000\"}"), "id")).contains("T-1\u0000");
    assertThat(Payloads.text(json("{\"id\":\"\\u0007T-1\"}"), "id")).contains("\u0007T-1");
  }
}
