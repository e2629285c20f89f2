package io.slawatch.contract.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class LimitsTest {
  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void an_emoji_is_text_but_half_of_one_is_not() {
    assertThat(Limits.text("ticket \uD83D\uDE00")).isEmpty();
    assertThat(Limits.text("ticket \uD83D")).get().asString().contains("lone surrogate");
    assertThat(Limits.text("\uDE00 ticket")).get().asString().contains("lone surrogate");
    assertThat(Limits.text("a\u0000b")).get().asString().contains("NUL");
  }

  @Test
  void an_identifier_has_no_line_breaks_and_a_sane_length() {
    assertThat(Limits.identifier("jira:acme:SUP-1")).isEmpty();
    assertThat(Limits.identifier("T-1\r\nX: y")).get().asString().contains("control");
    assertThat(Limits.identifier("x".repeat(Limits.MAX_ID_LENGTH))).isEmpty();
    assertThat(Limits.identifier("x".repeat(Limits.MAX_ID_LENGTH + 1)))
        .get()
        .asString()
        .contains("at most 256");
  }

  @Test
  void a_customer_id_is_a_plain_name_that_cannot_climb_directories() {
    assertThat(Limits.customerId("acme-eu_1.ops:team@example.com")).isEmpty();
    assertThat(Limits.customerId("../../x")).isPresent();
    assertThat(Limits.customerId("..")).isPresent();
    assertThat(Limits.customerId("acme corp")).isPresent();
    assertThat(Limits.customerId("x".repeat(129))).isPresent();
  }

  @Test
  void an_alert_id_holds_the_longest_ticket_id_but_no_control_character() {
    String longestTicket = "t".repeat(Limits.MAX_ID_LENGTH);
    assertThat(Limits.alertId(longestTicket + "/hardware_replacement/12/sla.warning/0.75"))
        .isEmpty();
    assertThat(Limits.alertId("T-1/first_response/1/sla.breached/1.0")).isEmpty();
    assertThat(Limits.alertId("\u0000")).get().asString().contains("control");
    assertThat(Limits.alertId("T-1\r\n/x")).get().asString().contains("control");
    assertThat(Limits.alertId("T-\uD800/x")).get().asString().contains("surrogate");
    assertThat(Limits.alertId("a".repeat(3000))).get().asString().contains("at most");
  }

  @Test
  void a_delivery_id_has_no_slash_so_its_item_ids_stay_apart() {
    assertThat(Limits.deliveryId("72d3162e-cc78-11e3-81ab-4c9367dc0958")).isEmpty();
    assertThat(Limits.deliveryId("abc/status")).isPresent();
  }

  @Test
  void every_unstorable_string_is_named_by_its_path_keys_included() throws Exception {
    var violations =
        Limits.strings(
            mapper.readTree(
                "{\"a\":{\"b\":[\"ok\",\"x\\u0000\"]},\"c\\u0000\":1,\"d\":\"\\ud800\"}"));
    assertThat(violations).extracting(Violation::field).containsExactly("a.b[1]", "c\\u0000", "d");
  }

  @Test
  void a_repeated_key_is_named() {
    assertThat(Limits.unreadable("", "Duplicate field 'priority'").field()).isEqualTo("priority");
    assertThat(Limits.unreadable("data", "Duplicate field 'public'").field())
        .isEqualTo("data.public");
    assertThat(Limits.unreadable("", "Unexpected end-of-input").field()).isEmpty();
  }
}
