package io.slawatch.contract.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.slawatch.core.alert.AlertKind;
import io.slawatch.core.alert.ClockKind;
import io.slawatch.core.alert.EndReason;
import io.slawatch.core.alert.SlaAlert;
import io.slawatch.core.ticket.CustomerId;
import io.slawatch.core.ticket.Priority;
import io.slawatch.core.ticket.TicketId;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlaAlertCodecTest {
  private final ObjectMapper mapper = new ObjectMapper();
  private final SlaAlertCodec codec = new SlaAlertCodec(mapper);

  @Test
  void a_breach_alert_is_a_cloudevent_with_its_deterministic_id() throws Exception {
    var due = Instant.parse("2026-11-24T10:00:00Z");
    var alert =
        new SlaAlert(
            AlertKind.BREACHED,
            new TicketId("T-42"),
            new CustomerId("acme"),
            "jamf-gold",
            Priority.P1,
            ClockKind.FIRST_RESPONSE,
            1,
            Duration.ofHours(1),
            due,
            due,
            Optional.of(1.0),
            Optional.empty(),
            Optional.empty());

    byte[] json = codec.encode(alert);
    var node = mapper.readTree(json);

    assertThat(node.get("id").asText()).isEqualTo("T-42/first_response/1/sla.breached/1.0");
    assertThat(node.get("type").asText()).isEqualTo("sla.breached");
    assertThat(node.get("subject").asText()).isEqualTo("T-42");
    assertThat(node.at("/data/target").asText()).isEqualTo("PT1H");
    assertThat(codec.decode(json)).isEqualTo(alert);
  }

  @Test
  void a_clock_answered_after_its_breach_ends_met_late_with_reason_terms_and_flags()
      throws Exception {
    var due = Instant.parse("2026-11-24T11:00:00Z");
    var alert =
        new SlaAlert(
            AlertKind.ENDED,
            new TicketId("T-43"),
            new CustomerId("acme"),
            "jamf-gold",
            Priority.P1,
            ClockKind.FIRST_RESPONSE,
            1,
            Duration.ofHours(1),
            due,
            Instant.parse("2026-11-24T12:00:00Z"),
            Optional.empty(),
            Optional.of(Instant.parse("2026-11-24T12:00:00Z")),
            Optional.of(Duration.ofHours(2)),
            Optional.of(EndReason.MET_LATE),
            Optional.of("1 hour, 24x7"),
            Set.of("unknown_customer"),
            Optional.empty());

    byte[] json = codec.encode(alert);
    var node = mapper.readTree(json);

    assertThat(node.get("id").asText()).isEqualTo("T-43/first_response/1/sla.ended");
    assertThat(node.get("type").asText()).isEqualTo("sla.ended");
    assertThat(node.at("/data/reason").asText()).isEqualTo("met_late");
    assertThat(node.at("/data/met_at").asText()).isEqualTo("2026-11-24T12:00:00Z");
    assertThat(node.at("/data/elapsed").asText()).isEqualTo("PT2H");
    assertThat(node.at("/data/terms").asText()).isEqualTo("1 hour, 24x7");
    assertThat(node.at("/data/flags/0").asText()).isEqualTo("unknown_customer");
    assertThat(codec.decode(json)).isEqualTo(alert);
  }

  @Test
  void the_tickets_url_is_data_ticket_url_and_survives_the_wire() throws Exception {
    var due = Instant.parse("2026-11-24T10:00:00Z");
    var alert =
        new SlaAlert(
                AlertKind.WARNING,
                new TicketId("github:acme:7"),
                new CustomerId("acme"),
                "jamf-gold",
                Priority.P1,
                ClockKind.FIRST_RESPONSE,
                1,
                Duration.ofHours(1),
                due,
                due.minusSeconds(900),
                Optional.of(0.75),
                Optional.empty(),
                Optional.empty())
            .withTicketUrl(Optional.of(URI.create("https://github.com/acme/support/issues/7")));

    byte[] json = codec.encode(alert);

    assertThat(mapper.readTree(json).at("/data/ticket_url").asText())
        .isEqualTo("https://github.com/acme/support/issues/7");
    assertThat(codec.decode(json)).isEqualTo(alert);
    assertThat(codec.decode(codec.encode(alert.withTicketUrl(Optional.empty()))).ticketUrl())
        .isEmpty();
  }

  @Test
  void an_alert_of_a_clock_the_plan_defines_carries_its_name_as_the_clock() throws Exception {
    var due = Instant.parse("2026-11-26T15:00:00Z");
    var alert =
        new SlaAlert(
            AlertKind.BREACHED,
            new TicketId("T-44"),
            new CustomerId("acme"),
            "opswat-gold",
            Priority.P3,
            ClockKind.defined("hardware_replacement"),
            1,
            Duration.ofHours(16),
            due,
            due,
            Optional.of(1.0),
            Optional.empty(),
            Optional.empty());

    byte[] json = codec.encode(alert);
    var node = mapper.readTree(json);

    assertThat(node.at("/data/clock").asText()).isEqualTo("hardware_replacement");
    assertThat(node.get("id").asText()).isEqualTo("T-44/hardware_replacement/1/sla.breached/1.0");
    assertThat(codec.decode(json)).isEqualTo(alert);
    assertThat(codec.decode(json).clock().isDefined()).isTrue();
  }

  @Test
  void an_alert_whose_clock_no_clock_can_be_called_is_refused() {
    byte[] json =
        new String(
                codec.encode(
                    new SlaAlert(
                        AlertKind.MET,
                        new TicketId("T-45"),
                        new CustomerId("acme"),
                        "jamf-gold",
                        Priority.P1,
                        ClockKind.FIRST_RESPONSE,
                        1,
                        Duration.ofHours(1),
                        Instant.parse("2026-11-24T10:00:00Z"),
                        Instant.parse("2026-11-24T09:30:00Z"),
                        Optional.empty(),
                        Optional.of(Instant.parse("2026-11-24T09:30:00Z")),
                        Optional.of(Duration.ofMinutes(30)))),
                java.nio.charset.StandardCharsets.UTF_8)
            .replace("\"clock\":\"first_response\"", "\"clock\":\"Not A Clock\"")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> codec.decode(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Not A Clock");
  }
}
