package io.slawatch.service.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Keeps every service's {@code /q/metrics} within Prometheus' naming rules ({@code promtool check
 * metrics}), whatever the libraries register: meters named in abbreviated units (Kafka's {@code
 * *_time_ns_*}, {@code *_ms}) are dropped (their seconds-based twins stay), gauges ending in {@code
 * count} lose the suffix ({@code kafka_consumer_connection_count} becomes {@code
 * kafka_consumer_connections}), long task timers (which the text format renders as summaries
 * promtool cannot parse) are dropped, camelCase tag keys become snake_case, and a meter without a
 * description gets one. slawatch's own meters already follow the rules and pass unchanged.
 */
@Singleton
public class PrometheusNaming implements MeterFilter {
  private static final Pattern ABBREVIATED_UNIT = Pattern.compile("(^|\\.)(ns|ms|us)(\\.|$)");
  private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");

  @Override
  public MeterFilterReply accept(Meter.Id id) {
    boolean abbreviated =
        ABBREVIATED_UNIT.matcher(id.getName()).find()
            || (id.getBaseUnit() != null
                && List.of("ns", "ms", "nanoseconds", "milliseconds").contains(id.getBaseUnit()));
    // text format 0.0.4 renders a long task timer as a "summary" whose samples (_active_count,
    // _duration_sum) belong to no family promtool knows; only Vert.x' connection timer is one
    boolean longTask = id.getType() == Meter.Type.LONG_TASK_TIMER;
    return abbreviated || longTask ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
  }

  @Override
  public Meter.Id map(Meter.Id id) {
    String name = id.getName();
    if (id.getType() == Meter.Type.GAUGE && name.endsWith(".count")) {
      name = name.substring(0, name.length() - ".count".length()) + "s";
    }
    List<Tag> tags =
        id.getTagsAsIterable() == null
            ? List.of()
            : java.util.stream.StreamSupport.stream(id.getTagsAsIterable().spliterator(), false)
                .map(t -> Tag.of(snake(t.getKey()), t.getValue()))
                .toList();
    String description =
        id.getDescription() == null || id.getDescription().isBlank()
            ? name.replace('.', ' ')
            : id.getDescription();
    return new Meter.Id(
        name,
        io.micrometer.core.instrument.Tags.of(tags),
        id.getBaseUnit(),
        description,
        id.getType());
  }

  static String snake(String key) {
    return CAMEL.matcher(key).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
  }
}
