package io.slawatch.intake.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.slawatch.contract.json.CustomerCodec;
import io.slawatch.core.calendar.CalendarReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The API's customer record is the codec's JSON, field for field, under the same names. */
class CustomerDocumentTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final CustomerCodec CODEC =
      new CustomerCodec(MAPPER, CalendarReader.relativeTo(Path.of(".")));
  private static final ObjectReader READER = CustomerDocument.reader(MAPPER);

  /** The record as the codec writes it after reading {@code json}. */
  private static JsonNode encoded(String json) throws Exception {
    var decoded = CODEC.decode(MAPPER.readTree(json), plan -> true);
    assertThat(decoded).isInstanceOf(CustomerCodec.Result.Valid.class);
    return CODEC.toJson(((CustomerCodec.Result.Valid) decoded).customer());
  }

  @Test
  void a_record_with_every_field_is_answered_exactly_as_the_codec_writes_it() throws Exception {
    JsonNode written =
        encoded(
            """
            {"id":"acme","name":"Acme","plan":"jamf-gold","zone":"Europe/Warsaw","language":"pl",
             "calendar":{"zone":"Europe/Warsaw","week":{"MON":[["08:00","16:00"]]}},
             "premium_contacts":["it@acme.example"],"designated_engineer":"ana",
             "region":"EU","us_persons_only":true,"report_recipients":["cio@acme.example"]}
            """);
    assertThat(written.size()).as("every field set").isEqualTo(11);

    JsonNode answered = MAPPER.valueToTree(READER.readValue(written));

    assertThat(answered).isEqualTo(written);
  }

  @Test
  void what_a_record_leaves_out_stays_out_of_the_answer() throws Exception {
    JsonNode written = encoded("{\"id\":\"b\",\"name\":\"B\",\"plan\":\"p\",\"zone\":\"UTC\"}");

    JsonNode answered = MAPPER.valueToTree(READER.readValue(written));

    assertThat(answered).isEqualTo(written);
    assertThat(answered.has("calendar")).isFalse();
    assertThat(answered.has("designated_engineer")).isFalse();
  }

  @Test
  void a_field_the_record_does_not_know_is_an_error_not_dropped() {
    assertThatThrownBy(
            () ->
                READER.readValue(
                    "{\"id\":\"b\",\"name\":\"B\",\"plan\":\"p\",\"zone\":\"UTC\",\"tier\":1}"))
        .isInstanceOf(UnrecognizedPropertyException.class);
  }
}
