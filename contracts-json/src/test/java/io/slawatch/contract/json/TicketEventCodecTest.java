package io.slawatch.contract.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.slawatch.core.event.EventId;
import io.slawatch.core.event.TicketEvent;
import io.slawatch.core.ticket.CustomerId;
import io.slawatch.core.ticket.Priority;
import io.slawatch.core.ticket.TicketId;
import io.slawatch.core.ticket.TicketStatus;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TicketEventCodecTest {
  private static final Instant AT = Instant.parse("2026-11-24T09:15:00Z");
  private static final EventId ID = new EventId("zendesk/acme", "evt-1");
  private static final TicketId TICKET = new TicketId("T-42");

  private final TicketEventCodec codec = new TicketEventCodec(new ObjectMapper());

  static Stream<TicketEvent> everyType() {
    return Stream.of(
        new TicketEvent.Created(
            ID,
            TICKET,
            AT,
            new CustomerId("acme"),
            Priority.P2,
            Optional.of("jamf-gold"),
            TicketStatus.OPEN,
            "email",
            "bob@acme.example"),
        new TicketEvent.Created(
            ID,
            TICKET,
            AT,
            new CustomerId("acme"),
            Priority.P2,
            Optional.of("jamf-standard"),
            TicketStatus.NEW,
            "phone",
            "eve@acme.example",
            java.util.Set.of(
                TicketEvent.Created.NOT_PREMIUM_CONTACT, TicketEvent.Created.CHANNEL_NOT_ENTITLED)),
        new TicketEvent.Created(
            ID,
            TICKET,
            AT,
            new CustomerId("acme"),
            Priority.P3,
            Optional.empty(),
            TicketStatus.NEW,
            "github",
            "octocat",
            java.util.Set.of(),
            Optional.of(URI.create("https://github.com/acme/support/issues/7"))),
        new TicketEvent.CustomerReplied(ID, TICKET, AT),
        new TicketEvent.AgentReplied(ID, TICKET, AT, false),
        new TicketEvent.StatusChanged(ID, TICKET, AT, TicketStatus.ON_HOLD),
        new TicketEvent.PriorityChanged(ID, TICKET, AT, Priority.P1),
        new TicketEvent.PlanChanged(ID, TICKET, AT, "opswat-gold"),
        new TicketEvent.Milestone(ID, TICKET, AT, "replacement_shipped"));
  }

  @ParameterizedTest
  @MethodSource("everyType")
  void every_ticket_event_survives_the_wire(TicketEvent event) {
    assertThat(codec.decode(codec.encode(event))).isEqualTo(new Decoding.Valid(event));
  }

  @Test
  void a_created_event_without_requester_or_channel_survives_the_wire() {
    var created =
        new TicketEvent.Created(
            ID,
            TICKET,
            AT,
            new CustomerId("acme"),
            Priority.P1,
            Optional.empty(),
            TicketStatus.NEW,
            "unknown",
            "");
    assertThat(codec.decode(codec.encode(created))).isEqualTo(new Decoding.Valid(created));
  }

  @Test
  void a_created_event_with_an_offset_time_is_read_as_the_same_instant() {
    String json =
        """
        {"specversion":"1.0","id":"1","source":"s","type":"ticket.created","subject":"T-1",
         "time":"2026-11-24T10:15:00+01:00","data":{"customer":"acme","priority":"p1"}}
        """;
    var decoded = codec.decode(json.getBytes(StandardCharsets.UTF_8));
    assertThat(decoded).isInstanceOf(Decoding.Valid.class);
    var created = (TicketEvent.Created) ((Decoding.Valid) decoded).event();
    assertThat(created.occurredAt()).isEqualTo(AT);
    assertThat(created.priority()).isEqualTo(Priority.P1);
    assertThat(created.status()).isEqualTo(TicketStatus.NEW);
  }

  @Test
  void a_created_events_url_is_data_url() throws Exception {
    String json =
        """
        {"specversion":"1.0","id":"1","source":"s","type":"ticket.created","subject":"T-1",
         "time":"2026-11-24T09:15:00Z","data":{"customer":"acme","priority":"P1",
         "url":"https://acme.zendesk.com/agent/tickets/1"}}
        """;
    var decoded = codec.decode(json.getBytes(StandardCharsets.UTF_8));
    var created = (TicketEvent.Created) ((Decoding.Valid) decoded).event();
    assertThat(created.url()).contains(URI.create("https://acme.zendesk.com/agent/tickets/1"));
    assertThat(new ObjectMapper().readTree(codec.encode(created)).at("/data/url").asText())
        .isEqualTo("https://acme.zendesk.com/agent/tickets/1");
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "javascript:alert(1)",
        "ftp://files.example.com/t/1",
        "/agent/tickets/1",
        "https://",
        "https://acme.example.com/a b",
        "mailto:support@acme.example"
      })
  void a_url_that_is_not_an_absolute_http_url_is_refused_naming_data_url(String url) {
    assertThat(urlViolations(url))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.field()).isEqualTo("data.url");
              assertThat(v.message()).contains("absolute http or https URL");
            });
  }

  @Test
  void a_url_over_the_limit_is_refused_naming_data_url_and_one_at_it_is_kept() {
    String base = "https://acme.example.com/t/";
    String longest = base + "x".repeat(Limits.MAX_URL_LENGTH - base.length());
    assertThat(urlViolations(longest)).isEmpty();
    assertThat(urlViolations(longest + "x"))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.field()).isEqualTo("data.url");
              assertThat(v.message()).contains("at most 2048");
            });
  }

  private List<Violation> urlViolations(String url) {
    var data = new ObjectMapper().createObjectNode().put("customer", "acme").put("priority", "P1");
    data.put("url", url);
    var event =
        new ObjectMapper()
            .createObjectNode()
            .put("specversion", "1.0")
            .put("id", "1")
            .put("source", "s")
            .put("type", "ticket.created")
            .put("subject", "T-1")
            .put("time", "2026-11-24T09:15:00Z")
            .set("data", data);
    return switch (codec.decode(event)) {
      case Decoding.Valid v -> List.of();
      case Decoding.Invalid i -> i.violations();
    };
  }

  @Test
  void every_offending_field_is_named() {
    String json =
        """
        {"specversion":"0.3","source":"s","type":"ticket.created","subject":"T-1",
         "time":"yesterday","data":{"priority":"urgent"}}
        """;
    var decoded = codec.decode(json.getBytes(StandardCharsets.UTF_8));
    assertThat(decoded).isInstanceOf(Decoding.Invalid.class);
    List<String> fields =
        ((Decoding.Invalid) decoded).violations().stream().map(Violation::field).toList();
    assertThat(fields)
        .containsExactlyInAnyOrder("specversion", "id", "time", "data.customer", "data.priority");
  }

  @Test
  void an_unknown_type_and_broken_json_are_rejected_with_a_reason() {
    var unknown =
        codec.decode(
            """
            {"specversion":"1.0","id":"1","source":"s","type":"ticket.exploded","subject":"T",
             "time":"2026-11-24T10:15:00Z","data":{}}
            """
                .getBytes(StandardCharsets.UTF_8));
    assertThat(((Decoding.Invalid) unknown).violations())
        .singleElement()
        .satisfies(v -> assertThat(v.field()).isEqualTo("type"));
    var broken = codec.decode("{\"id\":".getBytes(StandardCharsets.UTF_8));
    assertThat(((Decoding.Invalid) broken).violations().getFirst().message())
        .startsWith("is not valid JSON");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {"3000-01-01T00:00:00Z", "1600-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z"})
  void an_instant_outside_the_engines_range_is_refused_naming_time(String time) {
    var decoded =
        codec.decode(
            """
            {"specversion":"1.0","id":"1","source":"s","type":"ticket.created","subject":"T",
             "time":"%s","data":{"customer":"acme","priority":"P1"}}
            """
                .formatted(time)
                .getBytes(StandardCharsets.UTF_8));
    assertThat(decoded).isInstanceOf(Decoding.Invalid.class);
    assertThat(((Decoding.Invalid) decoded).violations())
        .singleElement()
        .satisfies(v -> assertThat(v.field()).isEqualTo("time"));
  }

  @org.junit.jupiter.api.Nested
  class Milestones {
    private org.junit.jupiter.api.function.ThrowingSupplier<Decoding> milestone(String data) {
      return () ->
          codec.decode(
              """
              {"specversion":"1.0","id":"m1","source":"rma","type":"ticket.milestone",
               "subject":"T-42","time":"2026-11-24T09:15:00Z","data":%s}
              """
                  .formatted(data)
                  .getBytes(StandardCharsets.UTF_8));
    }

    private List<Violation> violations(String data) throws Throwable {
      Decoding decoded = milestone(data).get();
      assertThat(decoded).isInstanceOf(Decoding.Invalid.class);
      return ((Decoding.Invalid) decoded).violations();
    }

    @Test
    void a_named_milestone_is_a_ticket_event() throws Throwable {
      assertThat(milestone("{\"name\":\"hardware_defect_identified\"}").get())
          .isEqualTo(
              new Decoding.Valid(
                  new TicketEvent.Milestone(
                      new EventId("rma", "m1"), TICKET, AT, "hardware_defect_identified")));
      assertThat(TicketEventCodec.TYPES).contains("ticket.milestone");
    }

    @Test
    void a_milestone_without_a_name_is_refused_naming_data_name() throws Throwable {
      assertThat(violations("{}"))
          .singleElement()
          .satisfies(
              v -> {
                assertThat(v.field()).isEqualTo("data.name");
                assertThat(v.message()).isEqualTo("is required");
              });
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
        strings = {
          "\"Replacement_Shipped\"",
          "\"replacement-shipped\"",
          "\"rca delivered\"",
          "\"rca\\u000adelivered\"",
          "\"\"",
          "7",
          "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\""
        })
    void a_milestone_whose_name_is_not_a_short_token_is_refused_naming_data_name(String name)
        throws Throwable {
      assertThat(violations("{\"name\":" + name + "}"))
          .singleElement()
          .satisfies(v -> assertThat(v.field()).isEqualTo("data.name"));
    }

    @Test
    void the_longest_milestone_name_is_kept() throws Throwable {
      String longest = "a".repeat(Limits.MAX_MILESTONE_NAME_LENGTH);
      assertThat(milestone("{\"name\":\"" + longest + "\"}").get())
          .isInstanceOf(Decoding.Valid.class);
    }
  }
}
