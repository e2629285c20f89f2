package io.slawatch.service.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One ticket's path across the services as one trace: each hop continues the W3C trace context it
 * received (the HTTP {@code traceparent} header, then the {@code traceparent} header of the Kafka
 * records on {@code ticket.events.v1} and {@code sla.alerts.v1}, then the one the notifier's HTTP
 * channels send) with a span of its own. Spans are exported over OTLP/HTTP when {@code
 * slawatch.tracing.otlp-endpoint} is set (e.g. {@code http://jaeger:4318}); the context travels
 * either way.
 */
@Singleton
public class Tracing {
  /** The W3C header (HTTP and Kafka alike). */
  public static final String HEADER = "traceparent";

  private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
  private static final TextMapGetter<Map<String, String>> GETTER =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  private final SdkTracerProvider provider;
  private final Tracer tracer;

  @Inject
  public Tracing(
      @ConfigProperty(name = "quarkus.application.name") String service,
      @ConfigProperty(name = "slawatch.tracing.otlp-endpoint") Optional<String> endpoint) {
    this(
        service,
        endpoint
            .filter(url -> !url.isBlank())
            .map(
                url ->
                    List.<SpanProcessor>of(
                        BatchSpanProcessor.builder(
                                OtlpHttpSpanExporter.builder()
                                    .setEndpoint(url.replaceAll("/+$", "") + "/v1/traces")
                                    .build())
                            .build()))
            .orElse(List.of()));
  }

  /** With these span processors (tests pass an in-memory exporter's). */
  public Tracing(String service, List<SpanProcessor> processors) {
    var builder =
        SdkTracerProvider.builder()
            .setResource(
                Resource.getDefault()
                    .merge(
                        Resource.create(
                            Attributes.of(AttributeKey.stringKey("service.name"), service))));
    processors.forEach(builder::addSpanProcessor);
    this.provider = builder.build();
    OpenTelemetry otel = OpenTelemetrySdk.builder().setTracerProvider(provider).build();
    this.tracer = otel.getTracer("io.slawatch");
  }

  /**
   * Starts a span continuing {@code traceparent} when it is a valid W3C trace context, else a new
   * trace. The caller ends it.
   */
  public Span start(String name, SpanKind kind, String traceparent) {
    Context parent =
        traceparent == null || traceparent.isBlank()
            ? Context.root()
            : W3C.extract(Context.root(), Map.of(HEADER, traceparent), GETTER);
    return tracer.spanBuilder(name).setParent(parent).setSpanKind(kind).startSpan();
  }

  /** The {@code traceparent} value that makes the next hop a child of {@code span}. */
  public static String traceparent(Span span) {
    Map<String, String> carrier = new HashMap<>();
    W3C.inject(Context.root().with(span), carrier, Map::put);
    return carrier.get(HEADER);
  }

  /** The {@code traceparent} a Kafka record carries, or null. */
  public static String traceparent(Headers headers) {
    Header header = headers.lastHeader(HEADER);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  /** Kafka record headers that make the consumer's work a child of {@code span}. */
  public static Headers headers(Span span) {
    return new RecordHeaders().add(HEADER, traceparent(span).getBytes(StandardCharsets.UTF_8));
  }

  /** Ends a span, marked failed with {@code failure} when there is one. */
  public static void end(Span span, Throwable failure) {
    if (failure != null) {
      span.recordException(failure);
      span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
    }
    span.end();
  }

  @PreDestroy
  void close() {
    provider.close();
  }
}
