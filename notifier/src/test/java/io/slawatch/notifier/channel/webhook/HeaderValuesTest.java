package io.slawatch.notifier.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeaderValuesTest {
  @Test
  void a_usual_alert_id_is_the_key_unchanged() {
    String id = "T-42/first_response/1/sla.breached/1.0";
    assertThat(HeaderValues.of(id)).isSameAs(id);
  }

  @Test
  void a_ticket_id_with_crlf_cannot_break_the_header() {
    assertThat(HeaderValues.of("T-1\r\nX-Evil: 1/first_response/1/sla.ended"))
        .isEqualTo("T-1%0D%0AX-Evil:%201/first_response/1/sla.ended")
        .doesNotContain("\r", "\n", " ");
  }

  @Test
  void non_latin_ids_stay_distinct_and_percent_is_escaped_so_no_two_ids_share_a_key() {
    assertThat(HeaderValues.of("工單-1")).isEqualTo("%E5%B7%A5%E5%96%AE-1");
    assertThat(HeaderValues.of("工單-2")).isNotEqualTo(HeaderValues.of("工單-1"));
    assertThat(HeaderValues.of("%E5%B7%A5%E5%96%AE-1")).isNotEqualTo(HeaderValues.of("工單-1"));
  }
}
