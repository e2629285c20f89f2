package io.slawatch.service.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilterReply;
import org.junit.jupiter.api.Test;

class PrometheusNamingTest {
  private final PrometheusNaming naming = new PrometheusNaming();

  private static Meter.Id id(String name, Meter.Type type, String unit, String description) {
    return new Meter.Id(name, Tags.empty(), unit, description, type);
  }

  @Test
  void meters_named_in_abbreviated_units_are_dropped() {
    assertThat(naming.accept(id("kafka.consumer.io.time.ns.total", Meter.Type.COUNTER, null, "x")))
        .isEqualTo(MeterFilterReply.DENY);
    assertThat(naming.accept(id("kafka.app.info.start.time.ms", Meter.Type.GAUGE, null, "x")))
        .isEqualTo(MeterFilterReply.DENY);
    assertThat(naming.accept(id("process.cpu.time", Meter.Type.COUNTER, "ns", "x")))
        .isEqualTo(MeterFilterReply.DENY);
    assertThat(
            naming.accept(
                id("http.server.connections", Meter.Type.LONG_TASK_TIMER, "seconds", "x")))
        .isEqualTo(MeterFilterReply.DENY);
    assertThat(naming.accept(id("slawatch.notifications", Meter.Type.COUNTER, null, "x")))
        .isEqualTo(MeterFilterReply.NEUTRAL);
  }

  @Test
  void count_gauges_camel_case_tags_and_missing_help_are_fixed() {
    Meter.Id gauge =
        naming.map(
            new Meter.Id(
                "kafka.consumer.connection.count",
                Tags.of("clientName", "x", "topic", "t"),
                null,
                null,
                Meter.Type.GAUGE));
    assertThat(gauge.getName()).isEqualTo("kafka.consumer.connections");
    assertThat(gauge.getTags()).extracting(t -> t.getKey()).containsExactly("client_name", "topic");
    assertThat(gauge.getDescription()).isEqualTo("kafka consumer connections");

    Meter.Id counter =
        naming.map(id("slawatch.intake.events", Meter.Type.COUNTER, null, "Events accepted"));
    assertThat(counter.getName()).isEqualTo("slawatch.intake.events");
    assertThat(counter.getDescription()).isEqualTo("Events accepted");
  }
}
