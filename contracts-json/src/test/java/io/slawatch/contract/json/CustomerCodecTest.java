package io.slawatch.contract.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.slawatch.core.calendar.CalendarReader;
import io.slawatch.core.customer.Customer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CustomerCodecTest {
  private final ObjectMapper mapper = new ObjectMapper();
  private final CustomerCodec codec =
      new CustomerCodec(mapper, CalendarReader.relativeTo(Path.of(".")));
  private static final Set<String> PLANS = Set.of("jamf-gold", "eurolinux-premium");

  private CustomerCodec.Result decode(String json) throws Exception {
    return codec.decode(mapper.readTree(json), PLANS::contains);
  }

  @Test
  void a_customer_with_its_own_business_calendar_survives_the_topic() throws Exception {
    var result =
        decode(
            """
            {"id":"acme","name":"Acme SA","plan":"jamf-gold","zone":"Europe/Paris",
             "calendar":{"zone":"Europe/Paris","week":{"MON":[["08:00","18:00"]]},
                         "holidays":["05-01"]},
             "language":"fr","premium_contacts":["it@acme.example"],"designated_engineer":"jo",
             "region":"EU","us_persons_only":false}
            """);
    assertThat(result).isInstanceOf(CustomerCodec.Result.Valid.class);
    Customer customer = ((CustomerCodec.Result.Valid) result).customer();
    assertThat(customer.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(customer.isPremiumContact("IT@acme.example")).isTrue();
    assertThat(customer.terms(CalendarReader.relativeTo(Path.of("."))).businessCalendar().zone())
        .isEqualTo(ZoneId.of("Europe/Paris"));

    byte[] event = codec.encodeEvent(customer, 3, Instant.parse("2026-11-24T10:00:00Z"));
    assertThat(mapper.readTree(event).get("id").asText()).isEqualTo("acme/3");
    assertThat(codec.decodeEvent(event)).isEqualTo(result);
  }

  @Test
  void every_wrong_field_is_named_down_to_the_calendar() throws Exception {
    var result =
        decode(
            """
            {"id":"acme","plan":"gold","zone":"Mars/Olympus","language":"de",
             "calendar":{"zone":"Europe/Paris","week":{"MON":[["09:00","25:00"]]}},
             "premium_contacts":["ok@x", 3],"us_persons_only":"yes","colour":"blue"}
            """);
    assertThat(result).isInstanceOf(CustomerCodec.Result.Invalid.class);
    List<String> fields =
        ((CustomerCodec.Result.Invalid) result)
            .violations().stream().map(Violation::field).toList();
    assertThat(fields)
        .contains(
            "name", "plan", "zone", "language", "premium_contacts[1]", "us_persons_only", "colour")
        .anyMatch(f -> f.startsWith("calendar.week"));
  }

  @Test
  void report_recipients_are_addresses_kept_through_the_topic() throws Exception {
    var result =
        decode(
            """
            {"id":"acme","name":"Acme","plan":"jamf-gold","zone":"UTC",
             "report_recipients":["cio@acme.example","support-team@acme.example"]}
            """);
    Customer customer = ((CustomerCodec.Result.Valid) result).customer();
    assertThat(customer.reportRecipients())
        .containsExactly("cio@acme.example", "support-team@acme.example");
    assertThat(codec.decodeEvent(codec.encodeEvent(customer, 1, Instant.EPOCH))).isEqualTo(result);

    var invalid =
        decode(
            """
            {"id":"acme","name":"Acme","plan":"jamf-gold","zone":"UTC",
             "report_recipients":["cio@acme.example","Bob <bob@acme.example>","x@y",
                                  "a@b.example, c@d.example","cio@acme.example"]}
            """);
    assertThat(((CustomerCodec.Result.Invalid) invalid).violations())
        .extracting(Violation::field)
        .containsExactlyInAnyOrder(
            "report_recipients[1]",
            "report_recipients[2]",
            "report_recipients[3]",
            "report_recipients");
  }

  @Test
  void a_customer_calendar_may_not_point_at_a_file_on_the_server() throws Exception {
    var result =
        decode(
            """
            {"id":"acme","name":"Acme","plan":"jamf-gold","zone":"UTC",
             "calendar":{"zone":"UTC","ical":"/etc/passwd"}}
            """);
    assertThat(((CustomerCodec.Result.Invalid) result).violations())
        .extracting(Violation::field)
        .containsExactly("calendar.ical");
  }

  @Test
  void a_record_of_the_customer_topic_carries_its_version_and_the_instant_it_took_effect()
      throws Exception {
    var valid =
        (CustomerCodec.Result.Valid)
            decode(
                """
                {"id":"acme","name":"Acme SA","plan":"jamf-gold","zone":"Europe/Paris"}
                """);
    byte[] event = codec.encodeEvent(valid.customer(), 7, Instant.parse("2026-11-24T10:00:00Z"));

    assertThat(codec.decodeUpsert(event))
        .isEqualTo(
            new CustomerCodec.Upsert.Valid(
                valid.customer(), 7, java.util.Optional.of(Instant.parse("2026-11-24T10:00:00Z"))));
  }

  @Test
  void a_record_without_version_or_readable_time_is_version_zero_as_of_now() throws Exception {
    var upsert =
        codec.decodeUpsert(
            """
            {"id":"acme","time":"yesterday",
             "data":{"id":"acme","name":"Acme SA","plan":"jamf-gold","zone":"Europe/Paris"}}
            """
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertThat(upsert).isInstanceOf(CustomerCodec.Upsert.Valid.class);
    assertThat(((CustomerCodec.Upsert.Valid) upsert).version()).isZero();
    assertThat(((CustomerCodec.Upsert.Valid) upsert).time()).isEmpty();
  }

  @Test
  void a_tombstone_broken_json_or_a_record_without_a_customer_is_invalid_not_thrown() {
    for (byte[] record :
        new byte[][] {
          null,
          "{not json".getBytes(java.nio.charset.StandardCharsets.UTF_8),
          "[1]".getBytes(java.nio.charset.StandardCharsets.UTF_8),
          "{\"id\":\"acme/1\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
          "{\"id\":\"acme/1\",\"data\":{\"id\":\"acme\"}}"
              .getBytes(java.nio.charset.StandardCharsets.UTF_8)
        }) {
      assertThat(codec.decodeUpsert(record)).isInstanceOf(CustomerCodec.Upsert.Invalid.class);
    }
  }
}
