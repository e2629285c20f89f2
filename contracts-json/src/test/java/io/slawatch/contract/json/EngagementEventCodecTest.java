package io.slawatch.contract.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.slawatch.core.engagement.EngagementEvent;
import io.slawatch.core.engagement.EngagementId;
import io.slawatch.core.engagement.EngagementKind;
import io.slawatch.core.event.EventId;
import io.slawatch.core.ticket.CustomerId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EngagementEventCodecTest {
  private static final Instant AT = Instant.parse("2026-03-20T10:00:00Z");
  private static final Instant START = Instant.parse("2026-04-14T08:00:00Z");
  private static final EventId ID = new EventId("crm/jamf", "evt-1");
  private static final EngagementId ENGAGEMENT = new EngagementId("PS-2026-0042");

  private final EngagementEventCodec codec = new EngagementEventCodec(new ObjectMapper());

  static Stream<EngagementEvent> everyType() {
    return Stream.of(
        new EngagementEvent.Purchased(
            ID,
            ENGAGEMENT,
            AT,
            new CustomerId("acme"),
            EngagementKind.REMOTE,
            8,
            Instant.parse("2026-03-02T09:00:00Z")),
        new EngagementEvent.Purchased(
            ID, ENGAGEMENT, AT, new CustomerId("acme"), EngagementKind.ON_SITE, 24, AT),
        new EngagementEvent.ContactAttempted(ID, ENGAGEMENT, AT),
        new EngagementEvent.CustomerResponded(ID, ENGAGEMENT, AT),
        new EngagementEvent.Scheduled(ID, ENGAGEMENT, AT, START, Duration.ofHours(8)),
        new EngagementEvent.Rescheduled(ID, ENGAGEMENT, AT, START, Duration.ofHours(4)),
        new EngagementEvent.Cancelled(ID, ENGAGEMENT, AT),
        new EngagementEvent.Started(ID, ENGAGEMENT, AT),
        new EngagementEvent.Completed(ID, ENGAGEMENT, AT));
  }

  @ParameterizedTest
  @MethodSource("everyType")
  void every_engagement_event_survives_the_wire(EngagementEvent event) {
    assertThat(codec.decode(codec.encode(event), Optional.of(EngagementKind.REMOTE)))
        .isEqualTo(new EngagementDecoding.Valid(event));
  }

  @Test
  void the_wire_form_is_a_cloudevent_with_the_engagement_as_subject() throws Exception {
    var node =
        new ObjectMapper()
            .readTree(
                codec.encode(
                    new EngagementEvent.Scheduled(ID, ENGAGEMENT, AT, START, Duration.ofHours(8))));
    assertThat(node.get("type").asText()).isEqualTo("engagement.scheduled");
    assertThat(node.get("subject").asText()).isEqualTo("PS-2026-0042");
    assertThat(node.get("specversion").asText()).isEqualTo("1.0");
    assertThat(node.at("/data/start").asText()).isEqualTo("2026-04-14T08:00:00Z");
    assertThat(node.at("/data/duration").asText()).isEqualTo("PT8H");
  }

  private static byte[] scheduled(String duration) {
    return ("""
        {"specversion":"1.0","id":"evt-9","source":"crm/jamf","type":"engagement.scheduled",
         "subject":"PS-1","time":"2026-03-20T10:00:00Z",
         "data":{"start":"2026-04-14T10:00:00+02:00","duration":"%s"}}"""
            .formatted(duration))
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void a_remote_booking_of_eight_hours_is_accepted() {
    assertThat(codec.decode(scheduled("PT8H"), Optional.of(EngagementKind.REMOTE)))
        .isInstanceOf(EngagementDecoding.Valid.class);
  }

  @Test
  void a_remote_booking_of_six_hours_is_refused_naming_data_duration() {
    EngagementDecoding decoded =
        codec.decode(scheduled("PT6H"), Optional.of(EngagementKind.REMOTE));
    assertThat(decoded).isInstanceOf(EngagementDecoding.Invalid.class);
    var violations = ((EngagementDecoding.Invalid) decoded).violations();
    assertThat(violations).extracting(Violation::field).containsExactly("data.duration");
    assertThat(violations.getFirst().message()).contains("4-hour blocks", "PT6H");
    assertThat(Violation.text(violations)).startsWith("data.duration must be a whole number");
  }

  @Test
  void six_hours_on_site_or_of_an_engagement_of_unknown_kind_is_not_a_block_matter() {
    assertThat(codec.decode(scheduled("PT6H"), Optional.of(EngagementKind.ON_SITE)))
        .isInstanceOf(EngagementDecoding.Valid.class);
    assertThat(codec.decode(scheduled("PT6H"))).isInstanceOf(EngagementDecoding.Valid.class);
  }

  @Test
  void a_duration_that_is_not_iso_8601_or_not_positive_is_refused_naming_data_duration() {
    for (String bad : new String[] {"6 hours", "PT0S", "-PT4H", "P30D"}) {
      EngagementDecoding decoded = codec.decode(scheduled(bad));
      assertThat(decoded).as(bad).isInstanceOf(EngagementDecoding.Invalid.class);
      assertThat(((EngagementDecoding.Invalid) decoded).violations())
          .as(bad)
          .extracting(Violation::field)
          .containsExactly("data.duration");
    }
  }

  @Test
  void a_purchase_names_each_bad_field() {
    byte[] json =
        """
        {"specversion":"1.0","id":"evt-1","source":"crm/jamf","type":"engagement.purchased",
         "subject":"PS-1","time":"2026-03-20T10:00:00Z",
         "data":{"kind":"hybrid","hours":0,"purchased_at":"yesterday"}}"""
            .getBytes(StandardCharsets.UTF_8);
    EngagementDecoding decoded = codec.decode(json);
    assertThat(((EngagementDecoding.Invalid) decoded).violations())
        .extracting(Violation::field)
        .containsExactlyInAnyOrder("data.customer", "data.kind", "data.hours", "data.purchased_at");
  }

  @Test
  void a_ticket_event_type_is_not_an_engagement_event() {
    byte[] json =
        """
        {"specversion":"1.0","id":"evt-1","source":"crm/jamf","type":"ticket.created",
         "subject":"PS-1","time":"2026-03-20T10:00:00Z","data":{}}"""
            .getBytes(StandardCharsets.UTF_8);
    assertThat(((EngagementDecoding.Invalid) codec.decode(json)).violations())
        .extracting(Violation::field)
        .containsExactly("type");
    assertThat(EngagementEventCodec.isEngagementType("engagement.no_such")).isFalse();
    assertThat(EngagementEventCodec.isEngagementType("engagement.started")).isTrue();
  }

  @Test
  void an_engagements_alerts_travel_on_the_alert_wire_unchanged() {
    var events =
        java.util.List.<EngagementEvent>of(
            new EngagementEvent.Purchased(
                ID,
                ENGAGEMENT,
                AT,
                new CustomerId("acme"),
                EngagementKind.REMOTE,
                8,
                Instant.parse("2025-06-01T08:00:00Z")),
            new EngagementEvent.Scheduled(
                new EventId("crm/jamf", "evt-2"), ENGAGEMENT, AT, START, Duration.ofHours(4)));
    var evaluation =
        new io.slawatch.core.engagement.EngagementEngine()
            .evaluate(
                events,
                io.slawatch.core.customer.CustomerTerms.of(
                    "jamf-gold", java.time.ZoneId.of("Europe/Paris")),
                Instant.parse("2026-07-01T00:00:00Z"));
    var alerts = new SlaAlertCodec(new ObjectMapper());
    assertThat(evaluation.alerts())
        .extracting(a -> a.clock().wireName())
        .contains("expiry", "no_show");
    for (var alert : evaluation.alerts()) {
      assertThat(alerts.decode(alerts.encode(alert))).isEqualTo(alert);
    }
  }

  @ParameterizedTest
  @MethodSource("everyType")
  void an_event_with_invalid_attributes_is_invalid_naming_them_never_an_exception(
      EngagementEvent event) throws Exception {
    var mapper = new ObjectMapper();
    var node =
        (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(codec.encode(event));
    node.put("subject", "PS-1\u0000");
    node.put("time", "3000-01-01T00:00:00Z");
    EngagementDecoding decoded = codec.decode(mapper.writeValueAsBytes(node));
    assertThat(decoded).isInstanceOf(EngagementDecoding.Invalid.class);
    assertThat(((EngagementDecoding.Invalid) decoded).violations())
        .extracting(Violation::field)
        .contains("subject", "time");
  }
}
