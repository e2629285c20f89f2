package io.slawatch.service.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import org.junit.jupiter.api.Test;

class TracingTest {
  private final InMemorySpanExporter exported = InMemorySpanExporter.create();
  private final Tracing tracing =
      new Tracing("test-service", List.of(SimpleSpanProcessor.create(exported)));

  @Test
  void a_hop_continues_the_trace_it_was_handed() {
    String incoming = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    Span span = tracing.start("sla-timer apply", SpanKind.CONSUMER, incoming);
    String next = Tracing.traceparent(span);
    Tracing.end(span, null);

    assertThat(next).startsWith("00-0af7651916cd43dd8448eb211c80319c-").endsWith("-01");
    assertThat(next).doesNotContain("b7ad6b7169203331");
    SpanData data = exported.getFinishedSpanItems().getFirst();
    assertThat(data.getTraceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    assertThat(data.getParentSpanId()).isEqualTo("b7ad6b7169203331");
    assertThat(data.getName()).isEqualTo("sla-timer apply");
    assertThat(data.getResource().getAttributes().asMap().values()).contains("test-service");
  }

  @Test
  void without_a_valid_context_a_new_trace_starts() {
    Span fresh = tracing.start("intake", SpanKind.SERVER, null);
    Span garbage = tracing.start("intake", SpanKind.SERVER, "not-a-traceparent");
    Tracing.end(fresh, null);
    Tracing.end(garbage, new IllegalStateException("boom"));

    List<SpanData> spans = exported.getFinishedSpanItems();
    assertThat(spans).hasSize(2);
    assertThat(spans).allMatch(s -> !s.getParentSpanContext().isValid());
    assertThat(spans.get(0).getTraceId()).isNotEqualTo(spans.get(1).getTraceId());
    assertThat(spans.get(1).getStatus().getStatusCode().name()).isEqualTo("ERROR");
    assertThat(Tracing.traceparent(fresh)).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
  }
}
